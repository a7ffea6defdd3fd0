"""No page, export or data endpoint shows a MINURCAT-only user anything of UNAMID's confidential records.

Crawls every URL pattern that takes no argument (lists, maps and their data, exports, reports,
search) with and without a search for the hidden records' marker, as the MINURCAT analyst.
"""

import datetime as dt

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident
from peaceops.registry.models import Component, Hat, Person, Post

pytestmark = pytest.mark.django_db

MARKER = "Zzhidden"  # searched for: pages may echo the query itself
LEAK = "Qqleak"  # stored beside the marker in every hidden record, never in a query
SKIP = ("admin/", "api/v1/docs/", "logout/", "i18n/")


def plain_urls(resolver=None, prefix=""):
    """Every URL path without parameters, e.g. /incidents/map/data.json."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if any(route.startswith(skip) for skip in SKIP) or "<" in route or "(?P" in route:
            continue
        if isinstance(pattern, URLResolver):
            yield from plain_urls(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield "/" + route.lstrip("^").rstrip("$").replace("\\", "")


@pytest.fixture
def hidden(world):
    unamid = world.unamid
    component = Component.objects.create(mission=unamid, name=f"{MARKER} {LEAK} cell", kind="joint",
                                           classification=Classification.CONFIDENTIAL)
    post = Post.objects.create(mission=unamid, component=component, title=f"{MARKER} {LEAK} chief",
                                 classification=Classification.CONFIDENTIAL)
    Person.objects.create(
        name=f"{MARKER} {LEAK} Person", owning_mission=unamid, classification=Classification.STRICTLY_CONFIDENTIAL
    )
    Hat.objects.create(
        post=post, role="other", terms_of_reference=f"{MARKER} {LEAK}", classification=Classification.CONFIDENTIAL
    )
    incident = Incident.objects.create(
        owning_mission=unamid,
        classification=Classification.CONFIDENTIAL,
        category="armed_clash",
        start_date=dt.date(2009, 6, 8),
        end_date=dt.date(2009, 6, 8),
        latitude=13.45,
        longitude=22.44,
        country=world.chad,
        admin1=f"{MARKER} {LEAK} Ouaddai",
        location=f"{MARKER} {LEAK} town",
        description=f"{MARKER} {LEAK}",
        follow_up=f"{MARKER} {LEAK}",
    )
    incident.missions.set([unamid, world.minurcat])  # even inside MINURCAT's area it stays UNAMID's secret
    return incident


def test_every_plain_page_and_export_hides_uncleared_records(world, hidden, client):
    urls = sorted(set(plain_urls()))
    assert "/incidents/map/data.json" in urls and "/registry/people/" in urls  # the crawl reaches the data
    client.force_login(world.users["minurcat"])
    checked = 0
    for url in urls:
        for query in ("", f"?search={MARKER}&q={MARKER}&date=2009-06-08&start=2009-06-01&end=2009-06-30"):
            response = client.get(url + query)
            if response.status_code in (405, 302):
                continue
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert LEAK.lower().encode() not in body.lower(), (url + query, response.status_code)
            checked += 1
    assert checked > 40


def test_the_cleared_owner_does_see_them_so_the_crawl_can_find_the_marker(world, hidden, client):
    client.force_login(world.users["unamid"])
    found = []
    for url in set(plain_urls()):
        response = client.get(url + f"?search={MARKER}&date=2009-06-08")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if LEAK.encode() in body:
            found.append(url)
    # the records are reachable through these pages for whoever is cleared, so their absence above means something
    assert {"/registry/people/", "/incidents/", "/incidents/export.csv"} <= set(found), found
