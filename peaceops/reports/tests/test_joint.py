"""Joint reports: read by every contributing mission, each writing and approving its own part, due quarterly.

The world: UNAMID's analyst drafts the region's threat assessment (MINURCAT and UNAMID), confidential.
MINURCAT's analyst reads it through MINURCAT (a contributing mission) and writes MINURCAT's sections only;
each mission's leadership approves its part, UNAMID's the whole last. UNMIS writes nothing in it and does
not see it.
"""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from peaceops.core.classification import Classification
from peaceops.core.errors import Denied
from peaceops.registry.models import Mission
from peaceops.reports import drafting, render, selectors, services
from peaceops.reports.models import Report, ReportSection
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db

# up to February: the strictly confidential UNAMID clash of 1 March would raise the report above MINURCAT's readers
PERIOD = {"start": dt.date(2010, 1, 1), "end": dt.date(2010, 2, 28)}


@pytest.fixture
def joint(reporting):
    world = reporting
    world.unmis = Mission.objects.create(acronym="UNMIS", name="UN Mission in Sudan", kind=Mission.Kind.PEACEKEEPING,
                                         start_date=dt.date(2005, 3, 24))
    world.users["leader_unamid"] = make_user("leader_unamid", "leadership", mission=world.unamid,
                                             clearance=Classification.CONFIDENTIAL)
    world.users["outsider"] = make_user(
        "outsider", "analyst", mission=world.unmis, clearance=Classification.STRICTLY_CONFIDENTIAL
    )
    world.users["minurcat_low"] = make_user("minurcat_low", "analyst", mission=world.minurcat)
    world.report = services.report_draft(
        user=world.users["jmac_unamid"],
        kind="threat_assessment",
        owning_mission=world.unamid,
        region=world.region,
        classification=Classification.CONFIDENTIAL,
        **PERIOD,
    )
    world.report.refresh_from_db()
    assert world.report.classification == Classification.CONFIDENTIAL
    world.ours = world.report.sections.get(key="analysis.threats.minurcat")
    world.theirs = world.report.sections.get(key="analysis.threats.unamid")
    return world


def test_the_contributing_missions_are_those_the_sections_name(joint):
    assert [m.acronym for m in selectors.contributing_missions(joint.report)] == ["MINURCAT", "UNAMID"]


def test_a_contributing_missions_analyst_reads_the_report_and_its_sections(joint):
    minurcat = joint.users["minurcat"]
    assert selectors.report_for(minurcat, joint.report.pk) is not None
    keys = set(selectors.sections_for(minurcat, joint.report).values_list("key", flat=True))
    assert {"analysis.threats.minurcat", "analysis.threats.unamid"} <= keys


def test_readers_outside_the_contributing_missions_or_below_its_level_do_not(joint):
    for name in ("outsider", "minurcat_low", "nobody"):
        user = joint.users[name]
        assert selectors.report_for(user, joint.report.pk) is None, name
        assert not selectors.visible_sections(ReportSection.objects.filter(report=joint.report), user).exists(), name


def test_a_section_above_the_contributing_readers_clearance_stays_out(joint):
    joint.report.sections.create(
        key="unamid.sources",
        title="Sources",
        body="Named informants",
        mission=joint.unamid,
        classification=Classification.STRICTLY_CONFIDENTIAL,
    )
    seen = [s["title"] for s in selectors.document(joint.users["minurcat"], joint.report)["sections"]]
    assert "Sources" not in seen and "Threats: MINURCAT" in seen


def test_what_the_drafter_read_of_another_mission_still_needs_clearance_there(reporting):
    """A drafter cleared in both missions draws on MINURCAT's records: UNAMID's readers, without a grant at
    MINURCAT, no longer read the report; MINURCAT's readers do (UNAMID drafted it, and it names MINURCAT)."""
    both = make_user("both", "analyst", region=reporting.region, clearance=Classification.CONFIDENTIAL)
    report = services.report_draft(
        user=both,
        kind="threat_assessment",
        owning_mission=reporting.unamid,
        region=reporting.region,
        classification=Classification.CONFIDENTIAL,
        **PERIOD,
    )
    assert list(report.drawn_from.values_list("acronym", flat=True)) == ["MINURCAT"]
    unamid_reader = make_user(
        "unamid_reader", "viewer", mission=reporting.unamid, clearance=Classification.CONFIDENTIAL
    )
    assert selectors.report_for(unamid_reader, report.pk) is None
    assert selectors.report_for(reporting.users["minurcat"], report.pk) is not None
    section = report.sections.get(key="incidents.situation")
    assert sorted(selectors.read_from(section)) == ["MINURCAT", "UNAMID"]


def test_each_mission_edits_only_its_own_sections(joint):
    minurcat = joint.users["minurcat"]
    services.section_edit(joint.ours, minurcat, body="Chadian side: calm after the May attack.")
    joint.ours.refresh_from_db()
    assert joint.ours.edited_by == minurcat
    with pytest.raises(Denied):
        services.section_edit(joint.theirs, minurcat, body="Overwritten")
    with pytest.raises(Denied):
        services.section_edit(joint.ours, joint.users["jmac_unamid"], body="Overwritten")
    with pytest.raises(Denied):  # an analyst of a mission that writes nothing in it
        services.section_edit(joint.ours, joint.users["outsider"], body="Overwritten")
    assert not services.may_edit_section(minurcat, joint.theirs)


def test_each_section_states_whose_records_it_was_drawn_from(joint):
    assert selectors.read_from(joint.ours) == ["UNAMID"]  # the drafter read UNAMID's records, not MINURCAT's
    services.section_edit(joint.ours, joint.users["minurcat"], body="Our words.")
    assert selectors.read_from(joint.ours) == ["MINURCAT", "UNAMID"]  # the editor may write MINURCAT's
    text = render.render(selectors.document(joint.users["minurcat"], joint.report), "md").decode()
    assert "Drawn from the records of: MINURCAT, UNAMID (readable to the drafter)" in text


def test_each_leadership_approves_its_part_before_the_whole(joint):
    leader, leader_unamid = joint.users["leader"], joint.users["leader_unamid"]
    with pytest.raises(services.ReportError, match="MINURCAT"):
        services.report_approve(joint.report, leader_unamid)
    with pytest.raises(Denied):
        services.report_approve_part(joint.report, joint.unamid, leader)  # not MINURCAT's to approve
    with pytest.raises(Denied):
        services.report_approve_part(joint.report, joint.minurcat, joint.users["minurcat"])  # analysts do not approve
    with pytest.raises(Denied):
        services.report_approve(joint.report, leader)  # the whole is the drafting mission's
    with pytest.raises(Denied):  # UNMIS writes nothing in it: its leadership does not even read it
        services.report_approve_part(
            joint.report,
            joint.unmis,
            make_user("leader_unmis", "leadership", mission=joint.unmis, clearance=Classification.CONFIDENTIAL),
        )
    with pytest.raises(services.ReportError, match="writes no part"):
        services.report_approve_part(joint.report, joint.unmis, joint.users["admin"])
    services.report_approve_part(joint.report, joint.minurcat, leader)
    report = services.report_approve(joint.report, leader_unamid)
    assert report.locked
    parts = {p["mission"].acronym: p["approved_by"] for p in selectors.part_approvals(report)}
    assert parts == {"MINURCAT": "leader", "UNAMID": "leader_unamid"}
    with pytest.raises(services.ReportError, match="locked"):
        services.section_edit(joint.ours, joint.users["minurcat"], body="late")


# -- the API and the pages: every new route refuses as the rule says -------------------------------------------


def _report_routes(joint):
    report, section = joint.report.pk, joint.ours.pk
    return [
        ("get", f"/api/v1/reports/{report}/", None),
        ("get", f"/api/v1/reports/{report}/parts/", None),
        ("get", f"/api/v1/reports/{report}/export/?output=md", None),
        ("get", f"/api/v1/report-sections/{section}/", None),
        ("get", f"/api/v1/report-sections/?report={report}", "empty"),
        ("patch", f"/api/v1/report-sections/{section}/", {"body": "x"}),
        ("post", f"/api/v1/reports/{report}/approve-part/", {"mission": joint.minurcat.pk}),
        ("post", f"/api/v1/reports/{report}/approve/", {}),
        ("post", f"/api/v1/reports/{report}/redraft/", {}),
    ]


@pytest.mark.parametrize("who", ["outsider", "minurcat_low"])
def test_every_route_of_the_report_is_not_found_outside_its_readers(joint, api_as, who):
    client = api_as(joint.users[who])
    for method, url, body in _report_routes(joint):
        answer = (
            getattr(client, method)(url, body if isinstance(body, dict) else None, format="json")
            if method != "get"
            else client.get(url)
        )
        if body == "empty":
            assert answer.status_code == 200 and answer.json()["count"] == 0, url
        else:
            assert answer.status_code == 404, f"{method} {url}: {answer.status_code}"
    joint.report.refresh_from_db()
    assert joint.report.status == "draft" and not joint.report.part_approvals.exists()


@pytest.mark.parametrize("page", ["detail", "section-edit", "approve-part"])
def test_every_page_of_the_report_is_not_found_outside_its_readers(joint, client, page):
    client.force_login(joint.users["outsider"])
    urls = {
        "detail": f"/reports/{joint.report.pk}/",
        "section-edit": f"/reports/{joint.report.pk}/sections/{joint.ours.pk}/",
        "approve-part": f"/reports/{joint.report.pk}/parts/{joint.minurcat.pk}/approve/",
    }
    answer = client.post(urls[page]) if page == "approve-part" else client.get(urls[page])
    assert answer.status_code == 404


def test_the_contributing_analyst_reads_through_the_api_and_edits_only_their_section(joint, api_as):
    client = api_as(joint.users["minurcat"])
    assert client.get(f"/api/v1/reports/{joint.report.pk}/").status_code == 200
    listed = client.get("/api/v1/report-sections/", {"report": joint.report.pk}).json()
    assert joint.ours.pk in [row["id"] for row in listed["results"]]
    assert client.patch(f"/api/v1/report-sections/{joint.ours.pk}/", {"body": "ours"}, format="json").status_code == 200
    answer = client.patch(f"/api/v1/report-sections/{joint.theirs.pk}/", {"body": "theirs"}, format="json")
    assert answer.status_code == 403
    joint.theirs.refresh_from_db()
    assert joint.theirs.body != "theirs"


def test_part_approvals_through_the_api(joint, api_as):
    leader, leader_unamid = api_as(joint.users["leader"]), api_as(joint.users["leader_unamid"])
    url = f"/api/v1/reports/{joint.report.pk}"
    refused = leader.post(f"{url}/approve-part/", {"mission": joint.unamid.pk}, format="json")
    assert refused.status_code == 403
    pending = leader_unamid.post(f"{url}/approve/")
    assert pending.status_code == 400 and "MINURCAT" in pending.content.decode()
    parts = leader.post(f"{url}/approve-part/", {"mission": joint.minurcat.pk}, format="json")
    assert parts.status_code == 200, parts.content
    assert {p["acronym"]: p["approved"] for p in parts.json()} == {"MINURCAT": True, "UNAMID": False}
    assert leader_unamid.post(f"{url}/approve/").json()["status"] == "approved"
    assert all(p["approved"] for p in leader.get(f"{url}/parts/").json())


def test_the_contributing_analyst_opens_the_page_and_edits_their_section(joint, client):
    client.force_login(joint.users["minurcat"])
    page = client.get(f"/reports/{joint.report.pk}/").content.decode()
    assert "Threats: MINURCAT" in page and "Drawn from the records of:" in page and "part-MINURCAT" in page
    assert client.get(f"/reports/{joint.report.pk}/sections/{joint.ours.pk}/").status_code == 200
    assert client.get(f"/reports/{joint.report.pk}/sections/{joint.theirs.pk}/").status_code == 403
    client.force_login(joint.users["leader"])
    client.post(f"/reports/{joint.report.pk}/parts/{joint.unamid.pk}/approve/")
    client.post(f"/reports/{joint.report.pk}/parts/{joint.minurcat.pk}/approve/")
    assert list(joint.report.part_approvals.values_list("mission__acronym", flat=True)) == ["MINURCAT"]


# -- cadence --------------------------------------------------------------------------------------------------


def test_quarters_fall_due_their_days_after_the_quarter_ends():
    assert drafting.quarter_of(dt.date(2009, 5, 17)) == (dt.date(2009, 4, 1), dt.date(2009, 6, 30))
    assert drafting.quarter_of(dt.date(2009, 12, 31)) == (dt.date(2009, 10, 1), dt.date(2009, 12, 31))
    assert drafting.quarter_label(dt.date(2009, 4, 1)) == "Q2 2009"
    assert drafting.quarters_due(dt.date(2009, 4, 1), dt.date(2009, 7, 30), 30) == []  # due today: not late yet
    assert drafting.quarters_due(dt.date(2009, 4, 1), dt.date(2009, 10, 30), 30) == [
        (dt.date(2009, 4, 1), dt.date(2009, 6, 30), dt.date(2009, 7, 30))
    ]


def test_a_quarter_without_an_approved_assessment_is_late(joint, client):
    from peaceops.accounts.access import SYSTEM

    services.cadence_set(SYSTEM, region=joint.region, first_quarter=dt.date(2009, 10, 1))
    minurcat = joint.users["minurcat"]
    late = selectors.late_reports(minurcat, dt.date(2010, 5, 15))
    assert [(d["label"], d["due"]) for d in late] == [
        ("Q4 2009 joint threat assessment", dt.date(2010, 1, 30)),
        ("Q1 2010 joint threat assessment", dt.date(2010, 4, 30)),
    ]
    assert selectors.late_reports(joint.users["outsider"], dt.date(2010, 5, 15)) == []  # not their region
    quarter = Report.objects.create(
        kind="threat_assessment",
        title="Q4",
        owning_mission=joint.unamid,
        region=joint.region,
        period_start=dt.date(2009, 10, 1),
        period_end=dt.date(2009, 12, 31),
        status="approved",
    )
    assert [d["label"] for d in selectors.late_reports(minurcat, dt.date(2010, 5, 15))] == [
        "Q1 2010 joint threat assessment"
    ]
    quarter.delete()
    out = StringIO()
    call_command("report", "late", "--today", "2010-05-15", stdout=out)
    assert "late: Q4 2009 joint threat assessment, due 2010-01-30 (Central Africa and Sudan)" in out.getvalue()
    with pytest.raises(Denied):
        services.cadence_set(minurcat, region=joint.region, first_quarter=dt.date(2009, 1, 1))


def test_the_list_page_names_the_late_assessments(joint, client, settings):
    from peaceops.accounts.access import SYSTEM

    settings.PEACEOPS_TODAY = "2010-02-15"
    services.cadence_set(SYSTEM, region=joint.region, first_quarter=dt.date(2009, 10, 1))
    client.force_login(joint.users["minurcat"])
    page = client.get("/reports/").content.decode()
    assert "Q4 2009 joint threat assessment, due 2010-01-30" in page


def _notice_titles(user) -> list[str]:
    from peaceops.notifications.selectors import notifications_for

    user.__dict__.pop("_peaceops_access", None)
    return sorted(notifications_for(user).filter(kind__startswith="report_").values_list("title", flat=True))


def test_approvals_are_told_to_the_missions_concerned_and_only_to_readers_of_the_report(joint):
    leader, leader_unamid = joint.users["leader"], joint.users["leader_unamid"]
    title = joint.report.title
    with pytest.raises(services.ReportError):
        services.report_approve(joint.report, leader_unamid)  # refused: nobody is told anything
    assert _notice_titles(leader_unamid) == []
    services.report_approve_part(joint.report, joint.minurcat, leader)
    services.report_approve_part(joint.report, joint.minurcat, leader)  # again: no second notice
    assert _notice_titles(leader_unamid) == [f"MINURCAT approved its part of {title}"]
    assert _notice_titles(joint.users["minurcat"]) == []  # the drafting mission is the one told
    services.report_approve(joint.report, leader_unamid)
    locked = f"{title} is approved and locked"
    assert _notice_titles(joint.users["minurcat"]) == [locked]
    assert locked in _notice_titles(leader_unamid)
    assert _notice_titles(joint.users["outsider"]) == []  # UNMIS wrote nothing in it
    assert _notice_titles(joint.users["minurcat_low"]) == []  # not cleared for the confidential report
