"""Registry lists sort by their columns, page by the size asked, and never widen what a user may read."""

import re

import pytest
from django.urls import reverse

from peaceops.registry.tests.test_views import UNAMID_SECRETS, client_for, structure  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def names_in(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr><td>([^<]+)</td>", body)


def test_people_sort_by_name_both_ways_and_hidden_people_stay_hidden(client, world, structure):  # noqa: F811
    client_for(client, world.users["minurcat"])
    url = reverse("registry:people-list")
    ascending = names_in(client.get(url, {"sort": "name"}).content.decode())
    descending = names_in(client.get(url, {"sort": "-name"}).content.decode())
    assert len(ascending) > 1 and ascending == sorted(ascending) and descending == ascending[::-1]
    for odd in ({"sort": "secret_field"}, {"sort": "-classification", "page": "-3"}, {"page_size": "10000000000"}):
        html = client.get(url, odd).content.decode()
        assert sorted(names_in(html)) == sorted(ascending), odd
        assert not [secret for secret in UNAMID_SECRETS if secret in html], odd


def test_organisations_sort_by_acronym_and_page_by_size(client, world, structure):  # noqa: F811
    client_for(client, world.users["minurcat"])
    html = client.get(reverse("registry:organisation-list"), {"sort": "-acronym", "page_size": "25"}).content.decode()
    acronyms = names_in(html)
    assert acronyms == sorted(acronyms, reverse=True)
    assert 'aria-sort="descending"' in html and 'href="?page_size=25&amp;sort=acronym"' in html
