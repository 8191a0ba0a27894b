"""The day at the workshop and at the partner, walked in a real browser (issue 12).

Each numbered test is one step of the day and needs the steps before it: when one fails, the
later ones are skipped naming the step they wait for, so the report says exactly where the
day stopped. Everything a step checks on a page is also checked where it lands: the label
files are decoded with zbar, the database is read back with the CLI.
"""
import functools
import json
import os
import unittest

import world
from browser import PageProblem, number
from world import bundle_of, decode_codes, pdf_text

COUNT = 3


def step(method):
    """Runs a step unless an earlier one failed; on failure, screenshots the page it stopped on."""
    @functools.wraps(method)
    def run(self):
        if TheDay.stopped_at:
            self.skipTest(f"waits for {TheDay.stopped_at}")
        try:
            method(self)
        except BaseException:
            TheDay.stopped_at = method.__name__
            for opened in (TheDay.desk, TheDay.clerk):
                try:
                    if opened:
                        opened.shot(f"FAILED-{method.__name__[5:]}")
                except Exception:
                    pass
            raise
    return run


class TheDay(unittest.TestCase):
    stopped_at = None
    # What the steps hand on to each other.
    bundles = []          # the bundle ids inspected, in order
    payloads = {}         # bundle id -> signed label payload, decoded from the PNG labels
    shipment = None       # its number, e.g. 001/SJ/PWT/XII/2026
    shipment_path = None  # its page
    shipment_files = {}   # manifest, signature, csv, pdf -> downloaded path
    receipt = None
    receipt_signature = None
    desk = clerk = None   # the workshop's PC and, from step 9, the partner's

    @classmethod
    def setUpClass(cls):
        cls.w = world.current
        cls.desk = cls.w.browser("workshop")
        cls.desk.base = cls.w.workshop_server.url

    # --- The QC desk ---------------------------------------------------------------------------

    @step
    def test_01_qc_logs_in_and_sees_the_dashboard(self):
        desk = self.desk
        desk.log_in("QC1")
        desk.expect_page("logging in as QC1")
        self.assertEqual(desk.path(), "/", "QC1 lands on the dashboard")
        self.assertEqual(desk.driver.execute_script("return document.documentElement.lang"), "id")
        for tile in ("#stock-on-hand", "#inspections-today", "#pass-rate", "#open-shipments"):
            desk.element(tile)
        self.assertEqual(desk.text("#user-code"), "QC1")
        desk.shot("dashboard-qc")

    @step
    def test_02_qc_inspects_three_bundles_that_pass_with_grade_a(self):
        desk = self.desk
        desk.open("/inspect", "inspect-form")
        form = desk.element("#inspect-form")
        for name, value in (("batch", self.w.batch), ("maker", "M042"), ("result", "pass"), ("grade", "A"),
                            ("count", COUNT)):
            if not desk.fill(form, name, value):
                raise PageProblem(f"#inspect-form has no field {name}")
        desk.shot("inspect-filled")
        desk.submit("#inspect", "inspecting")
        desk.expect_page("inspecting")
        ids = [element.text.strip() for element in desk.elements(".bundle-id")]
        desk.shot("inspected")
        self.assertEqual(len(ids), COUNT, f"the result lists {COUNT} new bundle ids (.bundle-id): {ids}")
        self.assertTrue(all(i.startswith(self.w.batch + "-") for i in ids), ids)
        TheDay.bundles = ids
        # The database says the same: passed grade A, by maker M042, inspected by QC1 from the browser.
        for bundle in ids:
            shown = self.w.workshop.json("bundle", "show", bundle)
            text = json.dumps(shown)
            self.assertIn("M042", text)
            self.assertIn("QC1", text, "the event log names the user who inspected")

    @step
    def test_03_qc_downloads_png_labels_and_zbar_reads_the_signed_payloads(self):
        desk = self.desk
        desk.open("/labels", "label-form")
        form = desk.element("#label-form")
        desk.fill(form, "bundles", " ".join(self.bundles))
        desk.fill(form, "format", "png")
        desk.submit("#make-labels", "making PNG labels")
        desk.expect_page("making PNG labels")
        desk.shot("labels-png")
        files = desk.download_all()
        payloads = {}
        for path in files:
            self.assertTrue(path.endswith(".png"), f"a PNG label: {path}")
            for line in decode_codes(path):
                payloads[bundle_of(line)] = line
        self.assertEqual(sorted(payloads), sorted(self.bundles), "one readable QR label per bundle")
        for bundle, payload in payloads.items():
            self.assertTrue(payload.startswith("SAPU1 "), payload)
            self.assertIn(" MM042 ", payload)
            self.assertIn(" QA ", payload)
            self.assertRegex(payload, r"^[0-9A-Z ]+$", "only 0-9, A-Z and space")
        TheDay.payloads = payloads

    @step
    def test_04_qc_downloads_an_a4_pdf_sheet_of_the_same_labels(self):
        desk = self.desk
        desk.open("/labels", "label-form-pdf")
        form = desk.element("#label-form")
        desk.fill(form, "bundles", "\n".join(self.bundles))
        desk.fill(form, "format", "pdf")
        if not desk.fill(form, "template", "a4-3x8"):
            raise PageProblem("#label-form has no template field")
        desk.fill(form, "again", True)
        desk.submit("#make-labels", "making the A4 PDF")
        desk.expect_page("making the A4 PDF")
        desk.shot("labels-pdf")
        files = [f for f in desk.download_all() if f.endswith(".pdf")]
        self.assertEqual(len(files), 1, "one A4 sheet")
        read = decode_codes(files[0])
        self.assertEqual(sorted(read), sorted(self.payloads.values()), "the sheet carries the same signed labels")
        desk.log_out()
        desk.shot("logged-out")

    # --- The store room ------------------------------------------------------------------------

    @step
    def test_05_gudang_receives_the_bundles_by_typing_each_payload_with_enter(self):
        desk = self.desk
        desk.log_in("GUDANG1")
        desk.expect_page("logging in as GUDANG1")
        desk.open("/scan", "scan-station")
        field = desk.element("#scan-input")
        self.assertEqual(desk.driver.switch_to.active_element, field, "#scan-input has the focus")
        desk.fill(desk.element("#scan-input").find_element("xpath", "./ancestor::form"), "mode", "receive")
        for bundle in self.bundles:
            desk.scan(self.payloads[bundle], wait_for=bundle, tone="ok")
        desk.shot("scan-received")
        # The same label again is safe: answered as a repeat, counted once.
        first = self.bundles[0]
        desk.scan(self.payloads[first], wait_for=first, tone="repeat")
        desk.element("#scan-count")
        desk.shot("scan-repeat")
        states = {b: self.w.workshop.json("bundle", "show", b) for b in self.bundles}
        for bundle, shown in states.items():
            self.assertEqual(shown.get("state"), "in-stock", f"{bundle}: {shown}")
        # The same page on a phone.
        desk.driver.set_window_size(412, 915)
        desk.shot("scan-station-phone")
        desk.driver.set_window_size(1280, 900)

    @step
    def test_06_gudang_creates_a_shipment_to_the_partner(self):
        desk = self.desk
        desk.open("/shipments", "shipments")
        form = desk.element("#shipment-form")
        filled = [name for name, value in (("partner", "PHC"), ("vehicle", "R 8123 KB"), ("driver", "Darto"))
                  if desk.fill(form, name, value)]
        self.assertIn("partner", filled, "#shipment-form lets the clerk choose the registered partner PHC")
        desk.shot("shipment-form")
        submit = form.find_elements("css selector", "button[type=submit], input[type=submit]")
        if not submit:
            raise PageProblem("#shipment-form has no submit button")
        desk.submit("#shipment-form [type=submit]", "creating the shipment")
        desk.expect_page("creating the shipment")
        listed = self.w.workshop.json("shipment", "list")
        self.assertEqual(len(listed), 1, f"one shipment in the database: {listed}")
        TheDay.shipment = listed[0]["id"]
        self.assertEqual(listed[0]["status"], "open")
        if not desk.path().startswith("/shipments/"):
            links = [a for a in desk.elements("main a[href^='/shipments/']") if self.shipment in a.text]
            if not links:
                raise PageProblem(f"no link to shipment {self.shipment} on {desk.path()}")
            desk.click(links[0])
        TheDay.shipment_path = desk.path()
        desk.expect_page("the shipment's page")
        self.assertIn(self.shipment, desk.element("main").text)
        desk.shot("shipment-open")

    @step
    def test_07_gudang_packs_on_the_scanning_page_in_pack_mode_at_wedge_speed(self):
        desk = self.desk
        pack = [a for a in desk.elements("main a[href*='/scan']") if "mode=pack" in (a.get_attribute("href") or "")]
        if not pack:
            raise PageProblem(f"no link to the scanning page in pack mode on {desk.path()}")
        desk.click(pack[0])
        desk.wait("the scanning page", lambda d: "/scan" in d.current_url)
        desk.expect_page("opening the scanning page in pack mode")
        self.assertEqual(desk.element("#scan-mode").get_attribute("value"), "pack")
        self.assertIn(self.shipment, desk.element("#scan-shipment").get_attribute("value")
                      or desk.element("#scan-shipment").text)
        desk.shot("scan-pack-mode")
        # A wedge scanner types the next label at once: no waiting between lines.
        field = desk.element("#scan-input")
        for bundle in self.bundles:
            field.send_keys(self.payloads[bundle] + "\n")
        last = self.bundles[-1]
        desk.wait(f"#scan-result to answer the last of {COUNT} scans ({last})",
                  lambda d: last in desk.element("#scan-result").text)
        desk.wait("every packed bundle in #scan-log",
                  lambda d: all(b in desk.element("#scan-log").text for b in self.bundles))
        self.assertEqual(desk.tone(), "ok")
        desk.shot("scan-packed")
        for bundle in self.bundles:
            self.assertEqual(self.w.workshop.json("bundle", "show", bundle).get("state"), "packed", bundle)

    @step
    def test_08_gudang_closes_ships_and_downloads_the_surat_jalan_manifest_and_signature(self):
        desk = self.desk
        desk.open(self.shipment_path, "shipment-packed")
        desk.submit("#close-shipment", "closing the shipment")
        desk.expect_page("closing the shipment")
        desk.shot("shipment-closed")
        files = {}
        for path in desk.download_all():
            name = os.path.basename(path)
            kind = ("signature" if name.endswith(".manifest.sig") else "manifest" if name.endswith(".manifest.json")
                    else "csv" if name.endswith(".csv") else "pdf" if name.endswith(".pdf") else name)
            files[kind] = path
        for kind in ("manifest", "signature", "csv", "pdf"):
            self.assertIn(kind, files, f"the shipment page offers its {kind}: {sorted(files)}")
        manifest = json.load(open(files["manifest"]))
        self.assertEqual(manifest.get("shipment"), self.shipment)
        listed = json.dumps(manifest)
        self.assertTrue(all(b in listed for b in self.bundles), "the manifest lists every packed bundle")
        surat_jalan = pdf_text(files["pdf"])
        self.assertIn(self.shipment, surat_jalan)
        self.assertTrue(all(b in surat_jalan for b in self.bundles), "the surat jalan lists every bundle")
        TheDay.shipment_files = files
        desk.submit("#ship-shipment", "shipping")
        desk.expect_page("shipping")
        desk.shot("shipment-shipped")
        shown = self.w.workshop.json("shipment", "show", self.shipment)
        self.assertEqual(shown.get("status"), "shipped", shown)
        desk.log_out()

    # --- The partner's warehouse, on its own server and PC --------------------------------------

    @step
    def test_09_mitra_uploads_the_manifest_signature_and_workshop_key_on_the_partners_server(self):
        clerk = self.w.browser("partner")
        clerk.base = self.w.partner_server.url
        TheDay.clerk = clerk
        clerk.log_in("MITRA1")
        clerk.expect_page("logging in as MITRA1")
        self.assertEqual(clerk.path(), "/verify", "the partner's clerk lands on verification")
        clerk.shot("verify-upload")
        form = clerk.element("#verify-form")
        clerk.upload(form, "manifest", self.shipment_files["manifest"])
        clerk.upload(form, "signature", self.shipment_files["signature"])
        clerk.upload(form, "key", self.w.workshop.public_key)
        clerk.submit("#verify-form [type=submit]", "uploading the manifest")
        clerk.expect_page("uploading the manifest")
        self.assertTrue(clerk.path().startswith("/verify/"), f"on the verification's page, not {clerk.path()}")
        self.assertEqual(number(clerk.text("#expected")), COUNT)
        self.assertEqual(number(clerk.text("#received")), 0)
        self.assertEqual(number(clerk.text("#missing")), COUNT)
        TheDay.verification_path = clerk.path()
        clerk.shot("verify-started")

    @step
    def test_10_mitra_scans_what_arrived_and_sees_the_tallies_live(self):
        clerk = TheDay.clerk
        for received, bundle in enumerate(self.bundles, start=1):
            clerk.scan(self.payloads[bundle], wait_for=bundle, tone="ok")
            clerk.wait(f"#received to show {received}", lambda d: number(clerk.text("#received")) == received)
        clerk.shot("verify-scanned")
        # One label scanned twice: a duplicate, counted once.
        first = self.bundles[0]
        clerk.scan(self.payloads[first], wait_for=first)
        clerk.wait("#duplicate to show 1", lambda d: number(clerk.text("#duplicate")) == 1)
        tallies = {name: number(clerk.text("#" + name))
                   for name in ("expected", "received", "missing", "extra", "duplicate", "forged", "mismatched")}
        self.assertEqual(tallies, {"expected": COUNT, "received": COUNT, "missing": 0, "extra": 0, "duplicate": 1,
                                   "forged": 0, "mismatched": 0})
        clerk.shot("verify-duplicate")
        # The tallies survive a reload: the verification is kept on the partner's server.
        clerk.open(TheDay.verification_path, "verify-reloaded")
        self.assertEqual(number(clerk.text("#received")), COUNT)

    @step
    def test_11_mitra_finishes_and_downloads_the_signed_receipt(self):
        clerk = TheDay.clerk
        clerk.submit("#finish-verification", "finishing the verification")
        clerk.expect_page("finishing the verification")
        clerk.shot("verify-finished")
        files = clerk.download_all()
        receipts = [f for f in files if f.endswith(".receipt.json")]
        signatures = [f for f in files if f.endswith(".receipt.sig")]
        self.assertEqual((len(receipts), len(signatures)), (1, 1), f"a receipt and its signature: {files}")
        receipt = json.load(open(receipts[0]))
        self.assertEqual(receipt.get("shipment"), self.shipment)
        TheDay.receipt, TheDay.receipt_signature = receipts[0], signatures[0]
        clerk.log_out()

    # --- Back at the workshop --------------------------------------------------------------------

    @step
    def test_12_gudang_reconciles_the_shipment_with_the_receipt_and_its_signature(self):
        desk = self.desk
        desk.log_in("GUDANG1")
        desk.expect_page("logging in as GUDANG1 again")
        desk.open(self.shipment_path, "shipment-to-reconcile")
        form = desk.element("#reconcile-form")
        desk.upload(form, "receipt", self.receipt)
        desk.upload(form, "signature", self.receipt_signature)
        desk.submit("#reconcile-form [type=submit]", "reconciling")
        desk.expect_page("reconciling")
        desk.shot("shipment-reconciled")
        shown = self.w.workshop.json("shipment", "show", self.shipment)
        self.assertEqual(shown.get("status"), "delivered", shown)
        for bundle in self.bundles:
            self.assertEqual(self.w.workshop.json("bundle", "show", bundle).get("state"), "received", bundle)
        desk.open("/", "dashboard-gudang-end-of-day")
        # English per user: the button in the header switches, and the page comes back in English.
        desk.submit("#language", "switching to English")
        self.assertEqual(desk.driver.execute_script("return document.documentElement.lang"), "en")
        desk.shot("dashboard-english")
