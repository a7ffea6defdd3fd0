"""The reports list sorts by its columns and pages, and never lists a report the reader may not read."""

import pytest
from django.urls import reverse

from peaceops.reports import services
from peaceops.reports.tests.conftest import Q1_2010

pytestmark = pytest.mark.django_db


def test_reports_sort_by_title_both_ways_without_hidden_ones(reporting, client):
    for title in ("Alpha assessment", "Bravo assessment"):
        services.report_draft(user=reporting.users["minurcat"], kind="threat_assessment",
                              owning_mission=reporting.minurcat, title=title, **Q1_2010)
    services.report_draft(user=reporting.users["jmac_unamid"], kind="threat_assessment",
                          owning_mission=reporting.unamid, classification=1, title="Zulu hidden", **Q1_2010)
    client.force_login(reporting.users["minurcat"], backend="django.contrib.auth.backends.ModelBackend")
    url = reverse("reports:list")
    ascending = client.get(url, {"sort": "title"}).content.decode()
    descending = client.get(url, {"sort": "-title"}).content.decode()
    assert ascending.index("Alpha assessment") < ascending.index("Bravo assessment")
    assert descending.index("Bravo assessment") < descending.index("Alpha assessment")
    for odd in ({"sort": "body"}, {"page": "-1"}, {"page_size": "99999999999"}, {"page": "99999999999999999999"}):
        page = client.get(url, odd)
        assert page.status_code == 200, odd
        html = page.content.decode()
        assert "Alpha assessment" in html and "Zulu hidden" not in html, odd
