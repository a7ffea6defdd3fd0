"""The demo's joint regional threat assessment: drafted by UNAMID's JMAC, written and read by every mission
deployed in the quarter, each by its clearance in its own mission; loaded once."""

import datetime as dt

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
        # the region's missions deployed in the quarter: BINUCA and MONUSCO came later
        self.assertEqual(sorted(report.missions.values_list("acronym", flat=True)),
                         ["BONUCA", "MINURCAT", "MONUC", "UNAMID", "UNMIS"])
        self.assertEqual([m.acronym for m in selectors.contributing_missions(report)],
                         ["BONUCA", "MINURCAT", "MONUC", "UNAMID", "UNMIS"])
        situation = report.sections.get(key="incidents.situation")
        self.assertIn("incidents that started between 2009-04-01 and 2009-06-30", situation.body)

    def test_it_is_read_by_the_contributing_missions_and_not_below_its_level(self):
        report = Report.objects.get(title=part_reports.TITLE)
        self.assertIsNotNone(selectors.report_for(self.user("jmac.unamid"), report.pk))
        self.assertIsNotNone(selectors.report_for(self.user("joc.minurcat"), report.pk))  # MINURCAT, confidential
        self.assertIsNone(selectors.report_for(self.user("planner.region"), report.pk))  # unclassified only
        self.assertIsNone(selectors.report_for(self.user("guest"), report.pk))

    def test_minurcats_analyst_opens_it_and_edits_minurcats_section_only(self):
        report = Report.objects.get(title=part_reports.TITLE)
        self.client.force_login(self.user("jmac.minurcat"))
        ours = report.sections.get(key="analysis.threats.minurcat")
        theirs = report.sections.get(key="analysis.threats.unamid")
        self.assertContains(self.client.get(f"/reports/{report.pk}/"), "Drawn from the records of:")
        answer = self.client.post(f"/reports/{report.pk}/sections/{ours.pk}/", {"title": ours.title, "body": "Ours."})
        self.assertEqual(answer.status_code, 302)
        ours.refresh_from_db()
        self.assertEqual(ours.body, "Ours.")
        self.assertEqual(self.client.get(f"/reports/{report.pk}/sections/{theirs.pk}/").status_code, 403)

    def test_the_regions_first_quarter_assessment_is_late_on_the_scenarios_day(self):
        late = selectors.late_reports(self.user("jmac.minurcat"), dt.date(2009, 6, 30))
        self.assertEqual([(d["label"], d["due"]) for d in late],
                         [("Q1 2009 joint threat assessment", dt.date(2009, 4, 30))])

    def test_a_second_load_leaves_the_report_alone(self):
        report = Report.objects.get(title=part_reports.TITLE)
        history = report.history.count()
        load_demo()
        self.assertEqual(Report.objects.filter(title=part_reports.TITLE).count(), 1)
        self.assertEqual(report.history.count(), history)
