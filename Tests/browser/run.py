#!/usr/bin/env python3
"""End-to-end tests of `sapu serve` in a real browser (headless Chromium, Selenium).

    python3 Tests/browser/run.py [--sapu .build/debug/sapu] [--artefacts .build/browser-artefacts] [TEST ...]

Prepares two sites with the CLI on databases of their own under ARTEFACTS/sites (the workshop
PWT with users ADMIN, QC1, QC2, GUDANG1, GUDANG2; the partner PHC with MITRA1, registered at the
workshop with its public key), starts `sapu serve` for each on a free loopback port, runs the
tests (unittest; TEST names e.g. day_test.TheDay), and stops every server and browser at the end,
also when a test fails or the run is interrupted. Screenshots of every page visited go to
ARTEFACTS/screenshots, downloads to ARTEFACTS/downloads, server and driver logs to ARTEFACTS/logs.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import unittest

sys.dont_write_bytecode = True  # nothing written into the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import world  # noqa: E402
from sites import PASSWORD, Server, Site  # noqa: E402

MODULES = ["refusals_test", "day_test"]


def interrupted(signum, _frame):
    raise KeyboardInterrupt(f"signal {signum}")


def prepare(binary, folder):
    """The workshop and the partner, each a site of its own, as the CLI makes them."""
    workshop = Site(binary, os.path.join(folder, "workshop"), "sapu.sqlite", "PWT", "Lapas Kelas IIA Purwokerto")
    for maker in ("M041", "M042"):
        workshop.sapu("maker", "add", maker)
    batch = workshop.sapu("batch", "create", "--product", "LIDI").strip()
    for code, role in (("ADMIN", "admin"), ("QC1", "qc"), ("QC2", "qc"), ("GUDANG1", "gudang"), ("GUDANG2", "gudang")):
        workshop.add_user(code, role)
    partner = Site(binary, os.path.join(folder, "partner"), "phc.sqlite", "PHC", "CV. Pusat Handicraft")
    partner.add_user("MITRA1", "mitra")
    # The workshop registers the partner's key once (its fingerprint confirmed by phone).
    workshop.sapu("partner", "add", "PHC", "--name", "CV. Pusat Handicraft", "--address", "Jl. Raya Kroya, Cilacap",
                  "--key", partner.public_key)
    return workshop, partner, batch


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sapu", default=os.path.join(ROOT, ".build", "debug", "sapu"))
    parser.add_argument("--artefacts", default=os.path.join(ROOT, ".build", "browser-artefacts"))
    parser.add_argument("tests", nargs="*")
    options = parser.parse_args()
    binary = os.path.abspath(options.sapu)
    artefacts = os.path.abspath(options.artefacts)
    if not os.access(binary, os.X_OK):
        print(f"no sapu binary at {binary}: build it first (swift build)", file=sys.stderr)
        return 2
    shutil.rmtree(artefacts, ignore_errors=True)
    for folder in ("sites", "screenshots", "downloads", "logs"):
        os.makedirs(os.path.join(artefacts, folder))
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGHUP, interrupted)

    from browser import Screenshots  # after the checks above: a missing selenium is reported by the import
    servers = []
    problems = []
    status = 1
    try:
        workshop, partner, batch = prepare(binary, os.path.join(artefacts, "sites"))
        workshop_server = Server(workshop, os.path.join(artefacts, "logs", "serve-workshop.log"))
        servers.append(workshop_server)
        workshop_server.start()
        partner_server = Server(partner, os.path.join(artefacts, "logs", "serve-partner.log"))
        servers.append(partner_server)
        partner_server.start()
        print(f"workshop PWT: {workshop_server.url}  partner PHC: {partner_server.url}  "
              f"(users ADMIN QC1 QC2 GUDANG1 GUDANG2 / MITRA1, password {PASSWORD})", flush=True)
        world.current = world.World(workshop, partner, workshop_server, partner_server, batch, artefacts,
                                    Screenshots(os.path.join(artefacts, "screenshots")))
        loader = unittest.TestLoader()
        suite = loader.loadTestsFromNames(options.tests) if options.tests else \
            unittest.TestSuite(loader.loadTestsFromName(name) for name in MODULES)
        result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
        status = 0 if result.wasSuccessful() else 1
    except KeyboardInterrupt as stop:
        problems.append(f"interrupted ({stop})")
    except Exception as error:  # setting up the sites or servers failed: say what, then clean up
        problems.append(f"could not set up the browser tests: {error}")
    finally:
        if world.current is not None:
            world.current.close_browsers()
        for server in servers:
            try:
                server.stop()
                if server.process is not None and server.process.returncode not in (0, None):
                    problems.append(f"sapu serve ({server.site.code}) ended with status {server.process.returncode} "
                                    f"on Ctrl-C, not 0")
            except Exception as error:
                problems.append(str(error))
        # Nothing of ours outlives the run: chromedriver and Chromium are our children.
        subprocess.run(["pkill", "-KILL", "-P", str(os.getpid())], check=False)
    for problem in problems:
        print("!! " + problem, file=sys.stderr)
    shots = world.current.screenshots.taken if world.current else []
    print(f"\nbrowser test artefacts: {artefacts}")
    print(f"  screenshots ({len(shots)}): {os.path.join(artefacts, 'screenshots')}")
    for shot in shots:
        print("    " + os.path.basename(shot))
    return 1 if problems else status


if __name__ == "__main__":
    sys.exit(main())
