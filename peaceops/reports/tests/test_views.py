"""The reports pages: list and draft, a report with its sections, section editing, export; and denials."""

import pytest
from django.urls import reverse

from peaceops.jobs.testing import post_and_run
from peaceops.reports import services
from peaceops.reports.models import Report
from peaceops.reports.tests.conftest import Q1_2010

pytestmark = pytest.mark.django_db


def logged_in(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_an_analyst_drafts_from_the_list_page(reporting, client):
    page = logged_in(client, reporting.users["minurcat"])
    assert "Draft from the data" in page.get(reverse("reports:list")).content.decode()
    job_page = post_and_run(page, reverse("reports:list"), {"kind": "threat_assessment", "period_start": "2010-01-01",
                                                            "period_end": "2010-03-31", "title": ""})
    report = Report.objects.get()
    assert f'href="{reverse("reports:detail", args=[report.pk])}" id="job-result"' in job_page.content.decode()
    detail = page.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "Security situation" in detail and "Export PDF" in detail and "Approve and lock" not in detail


def test_a_viewer_sees_no_draft_form_and_cannot_post_one(reporting, client):
    page = logged_in(client, reporting.users["regional"])
    assert "Draft from the data" not in page.get(reverse("reports:list")).content.decode()
    page.post(reverse("reports:list"), {"kind": "threat_assessment", "period_start": "2010-01-01",
                                        "period_end": "2010-03-31"})
    assert not Report.objects.exists()


def test_editing_a_section_and_approving(reporting, client):
    report = services.report_draft(user=reporting.users["minurcat"], kind="threat_assessment",
                                   owning_mission=reporting.minurcat, **Q1_2010)
    section = report.sections.get(key="incidents.situation")
    page = logged_in(client, reporting.users["minurcat"])
    url = reverse("reports:section-edit", args=[report.pk, section.pk])
    page.post(url, {"title": "Situation", "body": "Calm in Goz Beida.\n\nTense in Abéché."})
    section.refresh_from_db()
    assert section.title == "Situation" and section.edited
    leader = logged_in(client, reporting.users["leader"])
    leader.post(reverse("reports:approve", args=[report.pk]))
    report.refresh_from_db()
    assert report.locked
    assert leader.get(url).status_code == 403  # locked: nobody edits


def test_pages_of_a_report_one_may_not_read_answer_404(reporting, client):
    report = services.report_draft(user=reporting.users["jmac_unamid"], kind="threat_assessment",
                                   owning_mission=reporting.unamid, classification=1, **Q1_2010)
    page = logged_in(client, reporting.users["minurcat"])
    section = report.sections.first()
    for url in (reverse("reports:detail", args=[report.pk]), reverse("reports:export", args=[report.pk, "pdf"]),
                reverse("reports:section-edit", args=[report.pk, section.pk])):
        assert page.get(url).status_code == 404, url
    assert page.post(reverse("reports:approve", args=[report.pk])).status_code == 404


def test_export_downloads(reporting, client):
    report = services.report_draft(user=reporting.users["minurcat"], kind="threat_assessment",
                                   owning_mission=reporting.minurcat, **Q1_2010)
    page = logged_in(client, reporting.users["minurcat"])
    pdf = page.get(reverse("reports:export", args=[report.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    md = page.get(reverse("reports:export", args=[report.pk, "md"])).content.decode()
    assert md.startswith("# ") and "## Security situation" in md


def test_the_reports_page_speaks_french(reporting, client):
    page = logged_in(client, reporting.users["minurcat"])
    page.post("/i18n/setlang/", {"language": "fr"})
    html = page.get(reverse("reports:list")).content.decode()
    assert "Rédiger à partir des données" in html and "Nouveau projet" in html
    assert "Draft from the data" not in html


def test_the_draft_form_shows_iso_dates_under_french(reporting, client):
    """The browser's date input takes only YYYY-MM-DD: French "01/07/2026" stayed blank."""
    import re

    page = logged_in(client, reporting.users["minurcat"])
    client.cookies["django_language"] = "fr"
    shown = page.get(reverse("reports:list")).content.decode()
    values = re.findall(r'<input type="date" name="period_(?:start|end)" value="([^"]*)"', shown)
    assert len(values) == 2 and all(re.fullmatch(r"\d{4}-\d\d-\d\d", v) for v in values), values
