"""Sites on temporary databases, prepared with the real `sapu` CLI, and `sapu serve` on them.

The workshop (PWT) and the partner (PHC) each have their own folder, database, key files and
server, as they would on two PCs in two towns. Nothing here is a mock: every call runs the
built binary.
"""
import json
import os
import re
import signal
import socket
import subprocess
import time

PASSWORD = "rahasia-uji-123"
URL_LINE = re.compile(r"(http://[0-9.:\[\]a-z]+/)")


class Site:
    """One site's folder and database, driven through the CLI."""

    def __init__(self, binary, directory, database, site, name):
        self.binary = binary
        self.directory = directory
        self.database = os.path.join(directory, database)
        self.code = site
        os.makedirs(directory, exist_ok=True)
        self.environment = dict(os.environ, SAPU_DB=self.database, SAPU_LANG="id", SAPU_STATION="uji-browser")
        self.environment.pop("SAPU_NOW", None)
        self.sapu("init", "--site", site, "--name", name)

    @property
    def public_key(self):
        return os.path.join(self.directory, self.code + ".pub")

    def sapu(self, *arguments, stdin=None):
        """Runs `sapu ARGUMENTS` on this site; fails the run with its stderr when it fails."""
        done = subprocess.run([self.binary, *arguments], cwd=self.directory, env=self.environment,
                              input=stdin, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"sapu {' '.join(arguments)} failed ({done.returncode}): {done.stderr.strip()}")
        return done.stdout

    def json(self, *arguments):
        return json.loads(self.sapu(*arguments, "--json"))

    def add_user(self, code, role):
        self.sapu("user", "add", code, "--role", role, "--password-stdin", stdin=PASSWORD + "\n")


def free_port(host):
    """A port nobody listens on right now (the server may still lose a race for it: it is retried)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


class Server:
    """`sapu serve` on a free loopback port; its output goes to a log file beside the artefacts."""

    def __init__(self, site, log_path, host="127.0.0.1"):
        self.site = site
        self.host = host
        self.log_path = log_path
        self.process = None
        self.url = None

    def start(self, attempts=5):
        problems = []
        for _ in range(attempts):
            port = free_port(self.host)
            log = open(self.log_path, "w")
            self.process = subprocess.Popen(
                [self.site.binary, "serve", "--listen", f"{self.host}:{port}", "--db", self.site.database],
                cwd=self.site.directory, env=self.site.environment, stdin=subprocess.DEVNULL,
                stdout=log, stderr=subprocess.STDOUT)
            log.close()
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and self.process.poll() is None:
                match = URL_LINE.search(self.log())
                if match:
                    self.url = match.group(1).rstrip("/")
                    if not self.url.endswith(f":{port}"):
                        raise RuntimeError(f"sapu serve printed {self.url}, not port {port}")
                    return self
                time.sleep(0.05)
            problems.append(self.log().strip() or "no output")
            self.stop()
        raise RuntimeError(f"sapu serve did not start on {self.site.code}: " + " / ".join(problems))

    def log(self):
        try:
            with open(self.log_path, errors="replace") as file:
                return file.read()
        except OSError:
            return ""

    def stop(self):
        """Ctrl-C as a person would; killed if it does not end within 10 seconds."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise RuntimeError(f"sapu serve on {self.site.code} did not stop on Ctrl-C within 10 s")
