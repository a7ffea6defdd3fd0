"""The SG report drafted over the demo: each module's part is there, from the demo's own facts."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.test import TestCase

from peaceops.demo.loader import load_demo
from peaceops.registry.models import Mission
from peaceops.reports import services


class TestSgReportOverTheDemo(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()
        admin = get_user_model().objects.get(username="admin")
        cls.report = services.report_draft(user=admin, kind="sg_report",
                                           owning_mission=Mission.objects.get(acronym="MINURCAT"),
                                           start=dt.date(2009, 7, 1), end=dt.date(2009, 12, 31))

    def test_coordination_reports_the_vakaga_gap_duplication_and_reintegration_funding(self):
        section = self.report.sections.get(key="coordination.findings")
        self.assertIn("Ouanda", section.body + str(section.tables))
        self.assertRegex(section.body, r"[1-9]\d* duplications")
        self.assertIn("reintegration", section.body)

    def test_every_module_with_something_to_say_has_a_section(self):
        keys = set(self.report.sections.values_list("key", flat=True))
        self.assertIn("incidents.situation", keys)
        self.assertTrue(any(key.startswith("cooperation.") for key in keys), keys)
        self.assertTrue(any(key.startswith("mandates.") for key in keys), keys)
