"""A large API page reads a fixed number of queries, whatever the number of reports on it (no query per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from peaceops.core.classification import Classification
from peaceops.incidents.tests.log_fixtures import log_world, make_incident  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _queries(client) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        answer = client.get("/api/v1/incidents/", {"page_size": 500})
    assert answer.status_code == 200
    return len(queries), answer.json()


def _add(world, count, master):
    for n in range(count):
        duplicate = make_incident(world.minurcat, Classification.UNCLASSIFIED, country=world.chad, lat=13.0, lon=20.0,
                                  description=f"Report {n}")
        duplicate.duplicate_of = master
        duplicate.save()


def test_page_of_500_reads_the_same_queries_for_few_or_many_reports(log_world, api_as):  # noqa: F811
    client = api_as(log_world.users["minurcat"])
    master = log_world.records["incidents"]["minurcat_open"]
    _add(log_world, 5, master)
    _queries(client)  # the first request of a client reads some things once (its token's user, grants)
    few, _body = _queries(client)
    _add(log_world, 40, master)
    many, body = _queries(client)
    assert many == few, f"{many} queries for 40 more reports, {few} before"
    by_id = {row["id"]: row for row in body["results"]}
    assert len(by_id[master.id]["duplicates"]) == 45  # the readable duplicates are still listed


def test_hidden_duplicates_stay_hidden_on_a_large_page(log_world, api_as):  # noqa: F811
    incidents = log_world.records["incidents"]
    hidden = incidents["unamid_strict"]  # above the regional user's clearance
    hidden.duplicate_of = incidents["unamid_open"]
    hidden.save()
    rows = {row["id"]: row for row in api_as(log_world.users["regional"]).get(
        "/api/v1/incidents/", {"page_size": 500}).json()["results"]}
    assert hidden.id not in rows and rows[incidents["unamid_open"].id]["duplicates"] == []
