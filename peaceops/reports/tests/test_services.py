"""Drafting, editing, redrafting and approving reports, with the roles each step needs."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from peaceops.core.classification import Classification
from peaceops.reports import selectors, services
from peaceops.reports.models import Report
from peaceops.reports.tests.conftest import Q1_2010
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


def draft(world, user="minurcat", kind="threat_assessment", region=True, **extra):
    return services.report_draft(user=world.users[user], kind=kind, owning_mission=world.minurcat,
                                 region=world.region if region else None, **Q1_2010, **extra)


def situation(report, user):
    return selectors.sections_for(user, report).get(key="incidents.situation")


def test_a_regional_draft_counts_what_the_drafter_may_read(reporting):
    report = draft(reporting)
    assert report.status == "draft" and report.drafted_by == reporting.users["minurcat"]
    assert set(report.missions.values_list("acronym", flat=True)) == {"MINURCAT", "UNAMID"}
    section = situation(report, reporting.users["minurcat"])
    # MINURCAT's analyst reads two MINURCAT incidents of the quarter and none of UNAMID's (no grant there)
    assert "holds 2 incidents" in section.body and "4 deaths" in section.body
    assert "+100% on the period before" in section.body
    rows = {row[0]: row[1:] for row in section.tables[0]["rows"]}
    assert rows == {"Armed clash": [1, 4], "Banditry or hijacking": [1, 0]}


def test_the_unamid_analyst_drafts_with_unamid_strictly_confidential_incidents(reporting):
    report = services.report_draft(user=reporting.users["jmac_unamid"], kind="threat_assessment",
                                   owning_mission=reporting.unamid, classification=Classification.STRICTLY_CONFIDENTIAL,
                                   **Q1_2010)
    body = situation(report, reporting.users["jmac_unamid"]).body
    assert "holds 2 incidents" in body and "16 deaths" in body


def test_drafting_needs_the_author_role_of_the_kind(reporting):
    with pytest.raises(PermissionDenied):
        draft(reporting, user="planner")  # planners draft SG reports, analysts threat assessments
    with pytest.raises(PermissionDenied):
        draft(reporting, user="unamid", region=False)  # no role at MINURCAT
    assert draft(reporting, user="planner", kind="sg_report", region=False).kind == "sg_report"
    assert Report.objects.count() == 1


def test_a_draft_cannot_be_classified_above_the_drafters_clearance(reporting):
    with pytest.raises(services.ReportError, match="above your clearance"):
        draft(reporting, classification=Classification.STRICTLY_CONFIDENTIAL)
    assert not Report.objects.exists()


def test_a_period_ending_before_it_starts_is_refused_and_nothing_is_stored(reporting):
    with pytest.raises(services.ReportError):
        services.report_draft(user=reporting.users["minurcat"], kind="threat_assessment",
                              owning_mission=reporting.minurcat, start=Q1_2010["end"], end=Q1_2010["start"])
    assert not Report.objects.exists()


def test_edits_survive_a_redraft_and_untouched_sections_follow_the_data(reporting):
    report = draft(reporting, region=False)
    section = situation(report, reporting.users["minurcat"])
    services.section_edit(section, reporting.users["minurcat"], body="Our own words.")
    reporting.incidents[1].delete()
    services.report_redraft(report, reporting.users["minurcat"])
    section.refresh_from_db()
    assert section.body == "Our own words." and section.edited
    other = draft(reporting, region=False)
    assert "holds 1 incidents" in situation(other, reporting.users["minurcat"]).body


def test_another_missions_staff_cannot_edit_a_section_they_do_not_contribute(reporting):
    report = draft(reporting)
    section = situation(report, reporting.users["minurcat"])
    with pytest.raises(PermissionDenied):
        services.section_edit(section, reporting.users["jmac_unamid"], body="Overwritten")
    section.refresh_from_db()
    assert section.body != "Overwritten"


def test_approval_needs_leadership_and_locks_the_report(reporting):
    report = draft(reporting, region=False)
    with pytest.raises(PermissionDenied):
        services.report_approve(report, reporting.users["minurcat"])
    services.report_approve(report, reporting.users["leader"])
    report.refresh_from_db()
    assert report.locked and report.approved_by == reporting.users["leader"]
    section = report.sections.first()
    with pytest.raises(services.ReportError, match="locked"):
        services.section_edit(section, reporting.users["minurcat"], body="late change")
    with pytest.raises(services.ReportError, match="locked"):
        services.report_redraft(report, reporting.users["minurcat"])


def test_edited_tables_must_be_rectangular(reporting):
    section = situation(draft(reporting, region=False), reporting.users["minurcat"])
    with pytest.raises(services.ReportError, match="row 1: needs 2 cells"):
        services.section_edit(section, reporting.users["minurcat"],
                              tables=[{"header": ["a", "b"], "rows": [["only one"]]}])


def test_the_document_leaves_out_sections_above_the_readers_clearance(reporting):
    # up to February: the strictly confidential clash of 1 March would raise the whole report to its level
    report = services.report_draft(user=reporting.users["jmac_unamid"], kind="threat_assessment",
                                   owning_mission=reporting.unamid, classification=Classification.CONFIDENTIAL,
                                   start=dt.date(2010, 1, 1), end=dt.date(2010, 2, 28))
    report.sections.create(key="unamid.sources", title="Sources", body="Named informants",
                           classification=Classification.STRICTLY_CONFIDENTIAL)
    cleared_lower = make_user("unamid_conf", "viewer", mission=reporting.unamid, clearance=Classification.CONFIDENTIAL)
    assert "Sources" in [s["title"] for s in selectors.document(reporting.users["jmac_unamid"], report)["sections"]]
    seen = [s["title"] for s in selectors.document(cleared_lower, report)["sections"]]
    assert "Sources" not in seen and "Security situation" in seen
    assert selectors.report_for(reporting.users["minurcat"], report.pk) is None
