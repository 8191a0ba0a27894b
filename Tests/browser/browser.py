"""A headless Chromium driven by Selenium, as one person at one PC: pages, forms, downloads, screenshots."""
import base64
import os
import re
import time

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from sites import PASSWORD

# Selenium must never fetch a browser or a driver: Debian's are installed by Scripts/test.sh.
os.environ.setdefault("SE_OFFLINE", "true")
CHROMIUM = os.environ.get("SAPU_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("SAPU_CHROMEDRIVER", "/usr/bin/chromedriver")
WAIT = 15


class PageProblem(AssertionError):
    """A step could not go on: names the page and what was missing, for the report."""


class Screenshots:
    """Numbered PNGs of every page visited, shared by every browser of the run."""

    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.taken = []
        os.makedirs(folder, exist_ok=True)

    def next_path(self, name):
        self.count += 1
        safe = re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-")
        path = os.path.join(self.folder, f"{self.count:02d}-{safe}.png")
        self.taken.append(path)
        return path


class Browser:
    """One Chromium: `who` names the PC in screenshots (workshop, partner)."""

    def __init__(self, who, screenshots, downloads, log_path):
        self.who = who
        self.screenshots = screenshots
        self.downloads = downloads
        self.base = None
        os.makedirs(downloads, exist_ok=True)
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1280,900", "--lang=id", "--no-first-run", "--disable-extensions",
                         "--disable-background-networking", "--disable-sync", "--disable-component-update"):
            options.add_argument(argument)
        options.add_experimental_option("prefs", {
            "download.default_directory": downloads,
            "download.prompt_for_download": False,
            "download.directory_upgrade": True,
            "profile.default_content_setting_values.automatic_downloads": 1,
            "plugins.always_open_pdf_externally": True,
            "intl.accept_languages": "id,en",
            "safebrowsing.enabled": False,
        })
        service = Service(executable_path=CHROMEDRIVER, log_output=log_path)
        self.driver = webdriver.Chrome(options=options, service=service)
        self.driver.set_page_load_timeout(60)
        # New headless Chrome needs to be told where downloads go, besides the profile's preference.
        for command in ("Browser.setDownloadBehavior", "Page.setDownloadBehavior"):
            try:
                self.driver.execute_cdp_cmd(command, {"behavior": "allow", "downloadPath": downloads})
                break
            except WebDriverException:
                continue

    def quit(self):
        try:
            self.driver.quit()
        except Exception:  # the driver may already be gone; the run is ending anyway
            pass

    # --- Pages -----------------------------------------------------------------------------

    def open(self, path, shot):
        """GET a page of the current server, check it is not an error page, screenshot it."""
        self.driver.get(self.base + path)
        self.shot(shot)
        self.expect_page(f"GET {path}")

    def path(self):
        url = self.driver.current_url
        return url[len(self.base):] if url.startswith(self.base) else url

    def expect_page(self, what, allow_error=False):
        """Fails with the error page's heading and message when Sapu answered one."""
        body = self.driver.find_element(By.TAG_NAME, "body")
        classes = body.get_attribute("class") or ""
        if "page-error" in classes and not allow_error:
            heading = self.text("h1") or "?"
            message = self.text(".error") or ""
            raise PageProblem(f"{what}: Sapu answered its error page at {self.path()}: {heading} {message}".strip())
        if not classes.startswith("page-"):
            raise PageProblem(f"{what}: not a Sapu page at {self.path()}: {body.text[:200]!r}")

    def page_name(self):
        classes = self.driver.find_element(By.TAG_NAME, "body").get_attribute("class") or ""
        return next((c[5:] for c in classes.split() if c.startswith("page-")), "")

    def shot(self, name):
        """A screenshot of the whole page (beyond the window), numbered in the order taken."""
        path = self.screenshots.next_path(f"{self.who}-{name}")
        try:
            metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            # The window's width, not the content's: the capture has no scroll bar to leave room for.
            width = max(1, min(max(int(size["width"]), self.driver.execute_script("return window.innerWidth")), 2000))
            height = max(1, min(int(size["height"]), 6000))
            image = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
            with open(path, "wb") as file:
                file.write(base64.b64decode(image["data"]))
        except WebDriverException:
            self.driver.save_screenshot(path)
        return path

    # --- Elements ----------------------------------------------------------------------------

    def element(self, selector, within=None):
        try:
            return (within or self.driver).find_element(By.CSS_SELECTOR, selector)
        except NoSuchElementException:
            raise PageProblem(f"no {selector} on {self.path()} (page {self.page_name() or '?'})") from None

    def elements(self, selector, within=None):
        return (within or self.driver).find_elements(By.CSS_SELECTOR, selector)

    def text(self, selector):
        found = self.elements(selector)
        return found[0].text.strip() if found else None

    def wait(self, what, condition, timeout=WAIT):
        """Waits for `condition(driver)` to be truthy; fails naming `what` and the page."""
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(lambda driver: condition(driver))
        except TimeoutException:
            raise PageProblem(f"waited {timeout} s for {what} on {self.path()}") from None

    def submit(self, selector, what):
        """Clicks a submit button and waits for the next page to load."""
        button = self.element(selector)
        old = self.driver.find_element(By.TAG_NAME, "html")
        button.click()
        self.wait(f"the page after {what}", lambda driver: self._replaced(old))
        self.wait(f"the page after {what} to load",
                  lambda driver: driver.execute_script("return document.readyState") == "complete")

    @staticmethod
    def _replaced(old):
        try:
            old.tag_name
            return False
        except WebDriverException:
            return True

    def fill(self, form, name, value):
        """Sets the field `name` of `form` whatever control the page chose: select, radio,
        checkbox or text. Returns False when the form has no such field."""
        controls = self.elements(f"[name='{name}']", within=form)
        if not controls:
            return False
        first = controls[0]
        tag = first.tag_name.lower()
        kind = (first.get_attribute("type") or "").lower()
        if tag == "select":
            choose(Select(first), value)
        elif kind in ("radio", "checkbox"):
            wanted = [c for c in controls if (c.get_attribute("value") or "").lower() == str(value).lower()]
            if kind == "checkbox" and value in (True, False):
                wanted = controls[:1]
                if first.is_selected() != value:
                    self.click(first)
                return True
            if not wanted:
                raise PageProblem(f"field {name} on {self.path()} has no choice {value!r}")
            if not wanted[0].is_selected():
                self.click(wanted[0])
        else:
            first.clear()
            first.send_keys(str(value))
        return True

    def click(self, element):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        element.click()

    def upload(self, form, name, path):
        self.element(f"input[type=file][name='{name}']", within=form).send_keys(path)

    # --- Sessions ----------------------------------------------------------------------------

    def log_in(self, code, password=PASSWORD, shot=None):
        self.driver.get(self.base + "/login")
        self.expect_page("GET /login")
        form = self.element("#login-form")
        self.fill(form, "code", code)
        self.fill(form, "password", password)
        self.shot(shot or f"login-{code}")
        self.submit("#login", f"logging in as {code}")

    def log_out(self):
        self.submit("#logout", "logging out")
        if self.page_name() != "login":
            raise PageProblem(f"logging out left the browser on {self.path()}, not the log-in page")

    # --- Downloads ---------------------------------------------------------------------------

    def download_all(self, selector="a.download", timeout=60):
        """Clicks every download link on the page and waits for each file; returns their paths."""
        links = self.elements(selector)
        if not links:
            raise PageProblem(f"no download links ({selector}) on {self.path()}")
        files = []
        for link in links:
            before = set(os.listdir(self.downloads))
            self.click(link)
            files.append(self._wait_for_download(before, link.get_attribute("href"), timeout))
        return files

    def _wait_for_download(self, before, href, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            new = [n for n in set(os.listdir(self.downloads)) - before
                   if not n.endswith((".crdownload", ".tmp")) and not n.startswith(".")]
            partial = [n for n in os.listdir(self.downloads) if n.endswith(".crdownload")]
            if new and not partial:
                path = os.path.join(self.downloads, sorted(new)[0])
                size = os.path.getsize(path)
                time.sleep(0.1)
                if os.path.getsize(path) == size and size > 0:
                    return path
            time.sleep(0.05)
        raise PageProblem(f"the download {href} did not arrive in {timeout} s (page {self.path()})")

    # --- The scan field, as a wedge scanner types ------------------------------------------------

    def scan(self, line, wait_for=None, tone=None):
        """Types one line into #scan-input and presses Enter, as a wedge scanner does; waits for
        #scan-result to show the answer (naming `wait_for`, a bundle id, and with class `tone`
        when given). Returns the answer's text."""
        field = self.element("#scan-input")
        # Blank the last answer first, so that the same answer twice is still seen arriving.
        self.driver.execute_script("arguments[0].textContent = ''", self.element("#scan-result"))
        field.send_keys(line + Keys.ENTER)

        def answered(_):
            found = self.elements("#scan-result")
            if not found:
                return False
            text = found[0].text.strip()
            if not text or (wait_for is not None and wait_for not in text):
                return False
            if tone is not None and tone not in (found[0].get_attribute("class") or "").split():
                return False
            return text

        try:
            return self.wait(f"#scan-result to answer {line[:40]!r}" + (f" with {tone}" if tone else ""), answered)
        except PageProblem as problem:
            found = self.elements("#scan-result")
            shown = (found[0].text.strip(), found[0].get_attribute("class")) if found else None
            raise PageProblem(f"{problem}; #scan-result shows (text, class) {shown!r}") from None

    def tone(self):
        classes = (self.element("#scan-result").get_attribute("class") or "").split()
        return next((c for c in classes if c in ("ok", "repeat", "refused")), None)


def choose(select, value):
    """Picks the option whose value or text is `value`, else the first that starts with it."""
    value = str(value).upper()
    options = [((o.get_attribute("value") or "").upper(), o.text.strip().upper()) for o in select.options]
    for exact in (True, False):
        for index, (option_value, option_text) in enumerate(options):
            if (exact and value in (option_value, option_text)) or \
                    (not exact and (option_value.startswith(value) or option_text.startswith(value))):
                select.select_by_index(index)
                return
    raise PageProblem(f"no option {value!r} in the select {select._el.get_attribute('name')!r}: "
                      + ", ".join(v for v, _ in options))


def number(text):
    """The first whole number in a tally's text ("3", "3 ikatan", "0 dari 3")."""
    found = re.search(r"\d+", text or "")
    return int(found.group()) if found else None
