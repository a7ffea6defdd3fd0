"""The 3W and needs lists sort by their columns and page by the size asked, without widening what is read."""

import pytest
from django.urls import reverse

from peaceops.coordination.tests.test_views import coordination  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def rows_of(html: str, marker: str) -> list[str]:
    body = html.split(marker, 1)[1].split("</tbody>", 1)[0]
    return [name for name in ("UNDP", "MINURCAT DDR unit", "UNAMID secret team") if name in body]


def test_activities_sort_by_organisation_both_ways(coordination, client):  # noqa: F811
    client.force_login(coordination.users["minurcat"])
    url = reverse("coordination:activities")
    ascending = client.get(url, {"sort": "organisation"}).content.decode()
    descending = client.get(url, {"sort": "-organisation"}).content.decode()
    assert ascending.index("<td>MINURCAT DDR unit<") < ascending.index("<td>UNDP<")
    assert descending.index("<td>UNDP<") < descending.index("<td>MINURCAT DDR unit<")
    assert 'aria-sort="descending"' in descending
    for odd in ({"sort": "password"}, {"page": "-1"}, {"page": "99999999999999999999"}, {"page_size": "10"}):
        page = client.get(url, odd)
        assert page.status_code == 200, odd
        html = page.content.decode()
        assert "<td>UNDP<" in html and "UNAMID secret team" not in html, odd


def test_needs_list_takes_sort_and_size(coordination, client):  # noqa: F811
    client.force_login(coordination.users["minurcat"])
    url = reverse("coordination:needs")
    for query in ({"sort": "-severity", "page_size": "200"}, {"sort": "zz"}, {"page": "0"}):
        page = client.get(url, query)
        assert page.status_code == 200, query
        assert 'class="pager"' in page.content.decode()
