"""What a person sees when Sapu says no: a wrong password, garbage from the scanner."""
import unittest

import world
from browser import PageProblem


class Refusals(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.w = world.current
        cls.pc = cls.w.browser("refusals")
        cls.pc.base = cls.w.workshop_server.url

    def test_a_wrong_password_shows_the_error_on_the_login_page(self):
        pc = self.pc
        # QC2 exists only for this test: a wrong password slows its account down, not QC1's.
        pc.log_in("QC2", password="bukan-sandinya", shot="login-wrong-password")
        self.assertEqual(pc.page_name(), "login", f"still the log-in page, not {pc.path()}")
        error = pc.text(".error")
        self.assertTrue(error, "an error message on the log-in page")
        self.assertNotIn("Error", error)
        self.assertEqual(pc.element("#login-form input[name=code]").get_attribute("value"), "QC2",
                         "the code typed is kept")
        self.assertEqual(pc.driver.get_cookie("sapu_session"), None, "no session")
        pc.shot("login-refused")

    def test_garbage_from_the_scanner_is_refused_and_scanning_goes_on(self):
        pc = self.pc
        pc.log_in("GUDANG2")
        pc.expect_page("logging in as GUDANG2")
        pc.open("/scan", "scan-before-garbage")
        before = self.w.workshop.sapu("stock", "--all", "--json")
        answer = pc.scan("8991234567895", tone="refused")
        self.assertTrue(answer, "a one-line reason")
        for word in ("Error", "Exception", "SQL", "nil"):
            self.assertNotIn(word, answer)
        self.assertEqual(pc.driver.switch_to.active_element, pc.element("#scan-input"),
                         "the field keeps the focus for the next scan")
        self.assertEqual(pc.element("#scan-input").get_attribute("value"), "", "the field is cleared")
        pc.shot("scan-refused")
        # A lower-case line of a keyboard with Caps Lock on is still no label: refused, no change.
        pc.scan("sapu1 k1 tlidi bzz", tone="refused")
        self.assertEqual(self.w.workshop.sapu("stock", "--all", "--json"), before, "nothing changed")
        pc.log_out()
