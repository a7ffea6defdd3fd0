"""The reports API: draft by POST, edit sections, redraft, approve, export; denials answer like absences."""

import io

import pytest

from peaceops.reports.models import Report, ReportSection

pytestmark = pytest.mark.django_db


def draft_payload(world, **extra):
    return {"kind": "threat_assessment", "owning_mission": world.minurcat.id, "region": world.region.id,
            "period_start": "2010-01-01", "period_end": "2010-03-31", **extra}


def test_drafting_through_the_api_writes_the_sections(reporting, api_as):
    answer = api_as(reporting.users["minurcat"]).post("/api/v1/reports/", draft_payload(reporting), format="json")
    assert answer.status_code == 201, answer.content
    report = Report.objects.get(pk=answer.json()["id"])
    assert report.sections.filter(key="incidents.situation").exists()
    assert answer.json()["status"] == "draft"


def test_drafting_without_the_role_is_forbidden_and_stores_nothing(reporting, api_as):
    answer = api_as(reporting.users["regional"]).post("/api/v1/reports/", draft_payload(reporting), format="json")
    assert answer.status_code == 403
    assert not Report.objects.exists()


def test_a_bad_period_is_a_400_naming_the_field(reporting, api_as):
    payload = draft_payload(reporting, period_end="2009-12-31")
    answer = api_as(reporting.users["minurcat"]).post("/api/v1/reports/", payload, format="json")
    assert answer.status_code == 400
    assert answer.json()["field"] == "period_end"


def test_section_edit_redraft_approve_and_export(reporting, api_as):
    analyst, leader = api_as(reporting.users["minurcat"]), api_as(reporting.users["leader"])
    report_id = analyst.post("/api/v1/reports/", draft_payload(reporting, region=None), format="json").json()["id"]
    section = ReportSection.objects.get(report_id=report_id, key="incidents.situation")
    answer = analyst.patch(f"/api/v1/report-sections/{section.id}/", {"body": "Assessed: tense."}, format="json")
    assert answer.status_code == 200, answer.content
    assert analyst.post(f"/api/v1/reports/{report_id}/redraft/").status_code == 200
    assert analyst.post(f"/api/v1/reports/{report_id}/approve/").status_code == 403
    assert leader.post(f"/api/v1/reports/{report_id}/approve/").json()["status"] == "approved"
    locked = analyst.patch(f"/api/v1/report-sections/{section.id}/", {"body": "late"}, format="json")
    assert locked.status_code == 400
    docx = analyst.get(f"/api/v1/reports/{report_id}/export/", {"output": "docx"})
    assert docx.status_code == 200 and docx["Content-Type"].endswith("wordprocessingml.document")
    import docx as python_docx
    text = "\n".join(p.text for p in python_docx.Document(io.BytesIO(docx.content)).paragraphs)
    assert "Assessed: tense." in text
    assert analyst.get(f"/api/v1/reports/{report_id}/export/", {"output": "odt"}).status_code == 400


def test_a_report_of_another_mission_is_not_found(reporting, api_as):
    unamid = api_as(reporting.users["jmac_unamid"])
    payload = {**draft_payload(reporting, region=None), "owning_mission": reporting.unamid.id, "classification": 1}
    report_id = unamid.post("/api/v1/reports/", payload, format="json").json()["id"]
    minurcat = api_as(reporting.users["minurcat"])
    assert minurcat.get(f"/api/v1/reports/{report_id}/export/").status_code == 404
    assert minurcat.post(f"/api/v1/reports/{report_id}/approve/").status_code == 404
