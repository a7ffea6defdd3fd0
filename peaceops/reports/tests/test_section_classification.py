"""A drafted section is classified at least as high as what it was drafted from, its report at least as high
as its sections, and a section is read only with its report."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase
from rest_framework.test import APIClient

from peaceops.core.classification import Classification
from peaceops.demo import part_reports
from peaceops.demo.loader import load_demo
from peaceops.incidents.models import Incident
from peaceops.reports import selectors, services
from peaceops.reports.models import Report, ReportSection
from peaceops.reports.tests.conftest import Q1_2010
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


def _confidential_clash(world, day=dt.date(2010, 2, 14)):
    incident = Incident.objects.create(owning_mission=world.minurcat, classification=Classification.CONFIDENTIAL,
                                       country=world.chad, start_date=day, end_date=day, category="armed_clash",
                                       admin1="Salamat", deaths_best=31, status="verified")
    incident.missions.set([world.minurcat])
    return incident


def _draft(world, user="planner", classification=Classification.UNCLASSIFIED):
    return services.report_draft(user=world.users[user], kind="sg_report", owning_mission=world.minurcat,
                                 classification=classification, **Q1_2010)


def test_the_situation_drafted_from_a_confidential_incident_is_confidential_and_so_is_the_report(reporting):
    _confidential_clash(reporting)
    report = _draft(reporting)  # asked for unclassified
    situation = report.sections.get(key="incidents.situation")
    assert "Salamat" in str(situation.tables)
    assert situation.classification == Classification.CONFIDENTIAL
    report.refresh_from_db()
    assert report.classification == Classification.CONFIDENTIAL


def test_a_section_drafted_from_unclassified_records_stays_unclassified(reporting):
    report = _draft(reporting)
    assert report.sections.get(key="incidents.situation").classification == Classification.UNCLASSIFIED
    report.refresh_from_db()
    assert report.classification == Classification.UNCLASSIFIED


def test_the_period_before_counts_too(reporting):
    # the section compares with the quarter before: "+x% on the period before" speaks of that incident
    _confidential_clash(reporting, day=dt.date(2009, 11, 20))
    report = _draft(reporting)
    assert report.sections.get(key="incidents.situation").classification == Classification.CONFIDENTIAL


def test_a_redraft_raises_the_section_and_the_report_to_what_they_are_now_drafted_from(reporting):
    report = _draft(reporting)
    _confidential_clash(reporting)
    services.report_redraft(report, reporting.users["planner"])
    report.refresh_from_db()
    assert report.sections.get(key="incidents.situation").classification == Classification.CONFIDENTIAL
    assert report.classification == Classification.CONFIDENTIAL


def test_an_edited_section_keeps_its_text_but_not_a_lower_level_than_its_draft(reporting):
    report = _draft(reporting)
    situation = report.sections.get(key="incidents.situation")
    services.section_edit(situation, reporting.users["planner"], body="Calm quarter.")
    _confidential_clash(reporting)
    services.report_redraft(report, reporting.users["planner"])
    situation.refresh_from_db()
    assert (situation.body, situation.classification) == ("Calm quarter.", Classification.CONFIDENTIAL)


def test_every_threat_assessment_section_is_at_least_as_high_as_the_incidents_it_counts(reporting):
    report = services.report_draft(user=reporting.users["jmac_unamid"], kind="threat_assessment",
                                   owning_mission=reporting.unamid, **Q1_2010)
    # the strictly confidential clash of 1 March in West Darfur is read by the trends, alerts and situation
    for key in ("incidents.situation", "analysis.trends", "analysis.threats.unamid"):
        assert report.sections.get(key=key).classification == Classification.STRICTLY_CONFIDENTIAL, key
    report.refresh_from_db()
    assert report.classification == Classification.STRICTLY_CONFIDENTIAL


def test_a_section_is_not_read_without_its_report(reporting, api_as):
    report = _draft(reporting, classification=Classification.CONFIDENTIAL)
    section = report.sections.get(key="incidents.situation")
    assert section.classification == Classification.UNCLASSIFIED
    viewer = reporting.users["regional"]  # unclassified over the region: cleared for the section, not the report
    client = api_as(viewer)
    assert client.get(f"/api/v1/reports/{report.pk}/").status_code == 404
    assert client.get(f"/api/v1/report-sections/{section.pk}/").status_code == 404
    assert client.get(f"/api/v1/report-sections/{section.pk}/history/").status_code == 404
    listed = client.get("/api/v1/report-sections/", {"page_size": 500}).json()["results"]
    assert section.pk not in {row["id"] for row in listed}
    assert not selectors.visible_sections(ReportSection.objects.all(), viewer).filter(report=report).exists()
    planner = api_as(reporting.users["planner"])
    assert planner.get(f"/api/v1/report-sections/{section.pk}/").status_code == 200


def test_a_report_cannot_be_lowered_below_its_sections(reporting, api_as):
    _confidential_clash(reporting)
    report = _draft(reporting)
    answer = api_as(reporting.users["planner"]).patch(f"/api/v1/reports/{report.pk}/",
                                                      {"classification": Classification.UNCLASSIFIED}, format="json")
    assert answer.status_code == 400, answer.content
    assert "classification" in answer.content.decode()
    report.refresh_from_db()
    assert report.classification == Classification.CONFIDENTIAL


def test_a_regional_draft_is_read_only_by_those_cleared_in_every_mission_it_was_drafted_from(reporting, api_as):
    # the regional viewer reads both missions; the report is MINURCAT's, yet its sections tell of UNAMID's incidents
    reporting.users["regional_planner"] = make_user("regional_planner", "planner", region=reporting.region,
                                                    clearance=Classification.UNCLASSIFIED)
    report = services.report_draft(user=reporting.users["regional_planner"], kind="sg_report",
                                   owning_mission=reporting.minurcat, region=reporting.region, **Q1_2010)
    assert list(report.drawn_from.all()) == [reporting.unamid]
    assert "West Darfur" in str(report.sections.get(key="incidents.situation").tables)
    minurcat_only = make_user(
        "minurcat_reader", "viewer", mission=reporting.minurcat, clearance=Classification.CONFIDENTIAL
    )
    assert selectors.report_for(minurcat_only, report.pk) is None
    assert api_as(minurcat_only).get(f"/api/v1/reports/{report.pk}/").status_code == 404
    section = report.sections.get(key="incidents.situation")
    assert api_as(minurcat_only).get(f"/api/v1/report-sections/{section.pk}/").status_code == 404
    for reader in ("regional", "admin", "regional_planner"):
        assert selectors.report_for(reporting.users[reader], report.pk) is not None, reader


def test_a_single_missions_draft_stays_with_that_missions_readers(reporting):
    report = _draft(reporting)
    assert not report.drawn_from.exists()
    assert selectors.report_for(reporting.users["leader"], report.pk) is not None


class TestTheDemoThreatAssessment(TestCase):
    """The demo's assessment, drafted by UNAMID's JMAC from confidential and strictly confidential incidents."""

    @classmethod
    def setUpTestData(cls):
        load_demo()
        cls.report = Report.objects.get(title=part_reports.TITLE)

    def client_for(self, username):
        client = APIClient()
        client.force_authenticate(get_user_model().objects.get(username=username))
        return client

    def test_the_viewer_reads_no_section_of_a_report_it_may_not_read(self):
        viewer = self.client_for("viewer")
        assert viewer.get(f"/api/v1/reports/{self.report.pk}/").status_code == 404
        for section in self.report.sections.all():
            assert viewer.get(f"/api/v1/report-sections/{section.pk}/").status_code == 404, section.key
        listed = viewer.get("/api/v1/report-sections/", {"report": self.report.pk}).json()["results"]
        assert listed == []

    def test_the_regional_planner_reads_none_of_its_sections(self):
        listed = (
            self.client_for("planner.region")
            .get("/api/v1/report-sections/", {"report": self.report.pk})
            .json()["results"]
        )
        assert listed == []

    def test_the_situation_is_classified_as_the_incidents_it_counts(self):
        situation = self.report.sections.get(key="incidents.situation")
        counted = Incident.objects.filter(
            owning_mission=self.report.owning_mission, start_date__range=(dt.date(2009, 4, 1), dt.date(2009, 6, 30))
        )
        assert situation.classification == max(counted.values_list("classification", flat=True))
        assert self.report.classification >= situation.classification
        drafter = self.client_for(part_reports.DRAFTER)
        assert drafter.get(f"/api/v1/report-sections/{situation.pk}/").status_code == 200
