"""Every API endpoint hides what a user is not cleared for: not listed, found, searched, filtered or inferred.

The MINURCAT analyst (cleared to confidential at MINURCAT only) probes UNAMID's confidential
and strictly confidential records through every route the router publishes.
"""

import datetime as dt
import importlib

import pytest

from peaceops.accounts.access import visible
from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident
from peaceops.registry.models import Assignment, Hat, Post, ReportingLine
from peaceops.urls import router

# Each app with secured routes gives one hidden record per route in its testing.hidden_records(world).
APP_TESTING = [importlib.import_module(f"peaceops.{app}.testing")
               for app in ("cooperation", "coordination", "analysis", "mandates", "assets", "reports",
                           "notifications", "leadership")]

pytestmark = pytest.mark.django_db

SECURED_ROUTES = [(prefix, viewset) for prefix, viewset, _ in router.registry if getattr(viewset, "secured", True)]
ALL_PREFIXES = [prefix for prefix, _, _ in router.registry]


@pytest.fixture
def hidden(world):
    """One UNAMID record of every secured model, classified above the MINURCAT user's reach."""
    unamid = world.records["unamid_confidential"]
    boss = Post.objects.create(mission=world.unamid, title="Joint Special Representative",
                                 function="jsr", classification=Classification.CONFIDENTIAL)
    extra = {
        "hats": Hat.objects.create(post=unamid["post"], role="dsrsg", classification=Classification.CONFIDENTIAL),
        "assignments": Assignment.objects.create(person=unamid["person"], post=unamid["post"],
                                                   classification=Classification.CONFIDENTIAL),
        "reporting-lines": ReportingLine.objects.create(from_post=unamid["post"], to_post=boss, kind="direct",
                                                          classification=Classification.CONFIDENTIAL),
    }
    extra["incidents"] = Incident.objects.create(
        owning_mission=world.unamid, classification=Classification.CONFIDENTIAL, start_date=dt.date(2009, 6, 1),
        end_date=dt.date(2009, 6, 1), category="armed_clash", location="El Geneina", description="UNAMID only")
    for app in APP_TESTING:
        extra.update(app.hidden_records(world))
    records = {"components": unamid["component"], "posts": unamid["post"], "people": unamid["person"], **extra}
    assert set(records) == {prefix for prefix, _ in SECURED_ROUTES}, "add a hidden record for every secured route"
    return records


def rows(client, prefix, **params):
    """All rows of a list endpoint, following pages."""
    response = client.get(f"/api/v1/{prefix}/", {"page_size": 500, **params})
    assert response.status_code == 200, response.content
    body = response.json()
    return body["results"]


@pytest.mark.parametrize("prefix", [p for p, _ in SECURED_ROUTES])
def test_lists_hold_exactly_what_the_user_may_read(world, hidden, api_as, prefix):
    viewset = dict(SECURED_ROUTES)[prefix]
    user = world.users["minurcat"]
    listed = {row["id"] for row in rows(api_as(user), prefix)}
    allowed = set(visible(viewset.queryset.model.objects.all(), user).values_list("id", flat=True))
    assert listed == allowed
    assert hidden[prefix].id not in listed


@pytest.mark.parametrize("prefix", [p for p, _ in SECURED_ROUTES])
def test_hidden_record_is_not_found_by_id_history_or_change(world, hidden, api_as, prefix):
    client = api_as(world.users["minurcat"])
    url = f"/api/v1/{prefix}/{hidden[prefix].id}/"
    missing = f"/api/v1/{prefix}/987654321/"
    viewset = dict(SECURED_ROUTES)[prefix]
    for method in ("get", "patch", "put", "delete"):
        answer = getattr(client, method)(url, {}, format="json")
        # a method the route does not offer (records kept as written, changed only by their page's service)
        # answers 405 whether the record exists or not
        expected = 404 if method in viewset.http_method_names else 405
        assert answer.status_code == expected, (method, url, answer.content)
        # the same answer as for an id that does not exist: nothing to infer
        assert answer.json() == getattr(client, method)(missing, {}, format="json").json()
    assert client.get(url + "history/").status_code == 404


@pytest.mark.parametrize("prefix", [p for p, _ in SECURED_ROUTES])
def test_owner_with_clearance_reads_the_record_and_its_history(world, hidden, api_as, prefix):
    client = api_as(world.users["unamid"])
    url = f"/api/v1/{prefix}/{hidden[prefix].id}/"
    assert client.get(url).status_code == 200
    history = client.get(url + "history/").json()
    assert history[-1]["history_type"] == "+"


def test_search_does_not_reveal_hidden_names(world, api_as):
    minurcat, unamid = api_as(world.users["minurcat"]), api_as(world.users["unamid"])
    assert rows(minurcat, "people", search="UNAMID") == []
    assert rows(minurcat, "components", search="Strictly") == []  # cleared to confidential only
    assert len(rows(unamid, "people", search="UNAMID")) == 3


@pytest.mark.parametrize("field,prefix", [("component", "posts"), ("post", "hats"), ("person", "assignments"),
                                          ("from_post", "reporting-lines")])
def test_filtering_on_a_hidden_relation_answers_like_a_missing_one(world, hidden, api_as, field, prefix):
    client = api_as(world.users["minurcat"])
    target = {"component": hidden["components"], "post": hidden["posts"], "person": hidden["people"],
              "from_post": hidden["posts"]}[field]
    hidden_answer = client.get(f"/api/v1/{prefix}/", {field: target.id})
    missing_answer = client.get(f"/api/v1/{prefix}/", {field: 987654321})
    assert hidden_answer.status_code == missing_answer.status_code == 200
    assert hidden_answer.json()["results"] == missing_answer.json()["results"] == []


def test_referencing_a_hidden_record_answers_like_a_missing_one(world, hidden, api_as):
    client = api_as(world.users["minurcat"])
    payload = {"mission": world.minurcat.id, "title": "Liaison", "component": hidden["components"].id}
    hidden_answer = client.post("/api/v1/posts/", payload, format="json")
    payload["component"] = 987654321
    missing_answer = client.post("/api/v1/posts/", payload, format="json")
    assert hidden_answer.status_code == missing_answer.status_code == 400
    assert hidden_answer.json()["code"] == missing_answer.json()["code"] == "invalid"
    assert hidden_answer.json()["field"] == "component"


@pytest.mark.parametrize("prefix", ALL_PREFIXES)
def test_anonymous_requests_are_refused(world, api_as, prefix):
    answer = api_as(None).get(f"/api/v1/{prefix}/")
    assert answer.status_code == 401
    assert answer.json()["code"] == "not_authenticated"


def test_user_without_grant_lists_no_mission_records(world, api_as):
    client = api_as(world.users["nobody"])
    for prefix, _ in SECURED_ROUTES:
        assert rows(client, prefix) == [], prefix


def test_grants_are_listed_only_to_administrators(world, api_as):
    assert rows(api_as(world.users["minurcat"]), "grants") == []
    assert len(rows(api_as(world.users["admin"]), "grants")) == 4
