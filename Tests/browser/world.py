"""What run.py set up for the tests: the two sites, their servers, where artefacts go."""
import os
import subprocess


class World:
    def __init__(self, workshop, partner, workshop_server, partner_server, batch, artefacts, screenshots):
        self.workshop = workshop
        self.partner = partner
        self.workshop_server = workshop_server
        self.partner_server = partner_server
        self.batch = batch
        self.artefacts = artefacts
        self.screenshots = screenshots
        self.browsers = []

    def browser(self, who):
        """A new Chromium (a PC of its own), closed when the run ends."""
        from browser import Browser  # imported here so that sites can be prepared without selenium
        count = len(self.browsers) + 1
        opened = Browser(who, self.screenshots, os.path.join(self.artefacts, "downloads", f"{count}-{who}"),
                         os.path.join(self.artefacts, "logs", f"chromedriver-{count}-{who}.log"))
        self.browsers.append(opened)
        return opened

    def close_browsers(self):
        for opened in self.browsers:
            opened.quit()
        self.browsers = []


current = None


def decode_codes(path):
    """Every QR code zbar reads in a PNG, or in each page of a PDF rasterised by pdftoppm."""
    images = [path]
    if path.endswith(".pdf"):
        stem = path[:-4] + "-page"
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", path, stem], check=True, timeout=120)
        folder = os.path.dirname(path)
        images = sorted(os.path.join(folder, n) for n in os.listdir(folder)
                        if n.startswith(os.path.basename(stem)) and n.endswith(".png"))
    lines = []
    for image in images:
        done = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", image],
                              capture_output=True, text=True, timeout=120)
        lines += [line.strip() for line in done.stdout.splitlines() if line.strip()]
    return lines


def bundle_of(payload):
    """`PWT251121A-0042` from `SAPU1 K1 TLIDI BPWT251121A S0042 MM042 ...` (docs/label-payload.md)."""
    tokens = payload.split()
    return tokens[3][1:] + "-" + tokens[4][1:]


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True,
                          timeout=120).stdout
