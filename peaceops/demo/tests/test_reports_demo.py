"""The demo's joint regional threat assessment: drafted by UNAMID's JMAC, read by clearance, loaded once."""

from django.contrib.auth import get_user_model
from django.test import TestCase

from peaceops.demo import part_reports
from peaceops.demo.loader import load_demo
from peaceops.reports import selectors
from peaceops.reports.models import Report


class TestReportsDemo(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()

    def user(self, username):
        return get_user_model().objects.get(username=username)

    def test_the_threat_assessment_is_a_regional_draft_with_the_quarters_situation(self):
        report = Report.objects.get(title=part_reports.TITLE)
        self.assertEqual((report.status, report.owning_mission.acronym, report.region.name),
                         ("draft", "UNAMID", "Central Africa and Sudan"))
        self.assertEqual(report.missions.count(), 7)
        situation = report.sections.get(key="incidents.situation")
        self.assertIn("incidents that started between 2009-04-01 and 2009-06-30", situation.body)

    def test_it_is_read_by_unamid_and_not_by_minurcats_officer(self):
        report = Report.objects.get(title=part_reports.TITLE)
        self.assertIsNotNone(selectors.report_for(self.user("jmac.unamid"), report.pk))
        self.assertIsNone(selectors.report_for(self.user("joc.minurcat"), report.pk))

    def test_a_second_load_leaves_the_report_alone(self):
        report = Report.objects.get(title=part_reports.TITLE)
        history = report.history.count()
        load_demo()
        self.assertEqual(Report.objects.filter(title=part_reports.TITLE).count(), 1)
        self.assertEqual(report.history.count(), history)
