"""The audit's findings on writes, each reproduced through the API as the audit did it, then closed."""

import datetime as dt

import pytest
from django.db import OperationalError

from peaceops.analysis.models import ArmedGroup
from peaceops.core.classification import Classification
from peaceops.incidents.models import Actor, Incident, IncidentActor
from peaceops.testing import make_user


@pytest.fixture
def hidden_actor(world):
    """An actor named only in a strictly confidential UNAMID report: MINURCAT's users must not learn of it."""
    actor = Actor.objects.create(name="Secret Brigade", kind=Actor.Kind.ARMED_GROUP, aliases=["SB-7"])
    incident = Incident.objects.create(owning_mission=world.unamid, classification=Classification.STRICTLY_CONFIDENTIAL,
                                       category="armed_clash", start_date=dt.date(2009, 6, 1),
                                       end_date=dt.date(2009, 6, 1), country=world.sudan)
    IncidentActor.objects.create(incident=incident, actor=actor, side="a")
    return actor


def test_creating_an_actor_known_only_from_hidden_reports_reveals_nothing(world, api_as, hidden_actor):
    client = api_as(world.users["minurcat"])
    response = client.post("/api/v1/actors/", {"name": "Secret Brigade", "kind": "militia"}, format="json")
    assert response.status_code == 201, response.json()  # not "already exists"
    created = Actor.objects.get(pk=response.json()["id"])
    assert created.pk != hidden_actor.pk and created.aliases == []
    found = client.get("/api/v1/actors/", {"search": "Secret"}).json()["results"]
    assert [row["id"] for row in found] == [created.pk]
    assert "SB-7" not in str(found)


def test_naming_a_hidden_actor_in_a_report_does_not_link_it(world, api_as, hidden_actor):
    client = api_as(world.users["minurcat"])
    response = client.post("/api/v1/incidents/", {
        "owning_mission": "MINURCAT", "category": "armed_clash", "start_date": "2009-06-02", "country": "TCD",
        "location": "Abeche", "actors": [{"name": "secret brigade", "side": "a"}]}, format="json")
    assert response.status_code == 201, response.json()
    linked = IncidentActor.objects.get(incident_id=response.json()["id"]).actor
    assert linked.pk != hidden_actor.pk
    assert "SB-7" not in str(client.get("/api/v1/actors/").json())


@pytest.fixture
def shared_group(world):
    return ArmedGroup.objects.create(name="Lord's Resistance Army", acronym="LRA", aliases=["LRA"])


def test_one_missions_analyst_cannot_capture_or_delete_a_shared_armed_group(world, api_as, shared_group):
    client = api_as(world.users["minurcat"])  # an analyst at MINURCAT only
    taken = client.patch(f"/api/v1/analysis/armed-groups/{shared_group.pk}/",
                         {"owning_mission": "MINURCAT", "classification": Classification.CONFIDENTIAL}, format="json")
    assert taken.status_code == 403
    assert client.delete(f"/api/v1/analysis/armed-groups/{shared_group.pk}/").status_code == 403
    shared_group.refresh_from_db()
    assert (shared_group.owning_mission_id, shared_group.classification) == (None, Classification.UNCLASSIFIED)
    # ...but may still correct the shared register, and add to it
    renamed = client.patch(f"/api/v1/analysis/armed-groups/{shared_group.pk}/", {"aliases": ["LRA", "Kony"]},
                           format="json")
    assert renamed.status_code == 200, renamed.json()
    assert client.post("/api/v1/analysis/armed-groups/", {"name": "FPRC"}, format="json").status_code == 201


def test_a_system_wide_analyst_may_delete_a_shared_group(world, api_as, shared_group):
    regional = make_user("jmac.hq", "analyst", clearance=Classification.CONFIDENTIAL)
    assert api_as(regional).delete(f"/api/v1/analysis/armed-groups/{shared_group.pk}/").status_code == 204


def test_an_api_change_from_an_old_version_is_refused_with_the_current_values(world, api_as):
    client = api_as(world.users["admin"])
    person = world.records["minurcat_unclassified"]["person"]
    read = client.get(f"/api/v1/people/{person.pk}/")
    etag = read["ETag"]
    first = client.patch(f"/api/v1/people/{person.pk}/", {"name": "First"}, format="json", HTTP_IF_MATCH=etag)
    assert first.status_code == 200 and first["ETag"] != etag
    second = client.patch(f"/api/v1/people/{person.pk}/", {"name": "Second"}, format="json", HTTP_IF_MATCH=etag)
    assert second.status_code == 412
    body = second.json()
    assert body["code"] == "precondition_failed" and body["current"]["name"] == "First"
    assert second["ETag"] == first["ETag"]


def test_a_locked_store_answers_503_in_the_json_error_shape(world, api_as, monkeypatch):
    """While a long import holds SQLite's write lock, a write answers 503 JSON (retry), never a 500 HTML page."""
    from peaceops.incidents.log import services as log_services

    def locked(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(log_services, "incident_create", locked)  # the store, not the code under test, is busy
    response = api_as(world.users["minurcat"]).post("/api/v1/incidents/", {
        "owning_mission": "MINURCAT", "category": "armed_clash", "start_date": "2009-06-02", "country": "TCD",
        "location": "Abeche"}, format="json")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "busy" and response["Retry-After"]


def test_a_locked_store_answers_a_page_that_says_try_again(rf, world):
    """Outside the API's views (sessions, pages) the same: 503 with a page that says to send it again."""
    from peaceops.core.middleware import BusyStoreMiddleware

    def locked(request):
        raise OperationalError("database is locked")

    from django.contrib.messages.storage.fallback import FallbackStorage

    request = rf.post("/incidents/new/")
    request.user, request.session = world.users["minurcat"], {}
    request._messages = FallbackStorage(request)
    response = BusyStoreMiddleware(locked)(request)
    assert response.status_code == 503 and response["Retry-After"]
    assert "send it again" in response.content.decode()
    api = BusyStoreMiddleware(locked)(rf.post("/api/v1/incidents/"))
    assert api.status_code == 503 and api["Content-Type"].startswith("application/json")


@pytest.mark.django_db(transaction=True)
def test_a_write_while_an_import_holds_sqlites_write_lock_answers_503_json(world, api_as):
    """The audit's locked writes, on a real SQLite file: another connection holds the write lock, as a long
    import's transaction does, and the API's write waits its busy timeout, then answers 503 in the JSON shape."""
    import sqlite3

    from django.db import connection

    from peaceops.accounts.tests.file_database import file_backed_database

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's single write lock; PostgreSQL locks rows")
    client = api_as(world.users["minurcat"])
    with file_backed_database(busy_timeout=0.5) as path:
        importer = sqlite3.connect(path, isolation_level=None)
        importer.execute("BEGIN IMMEDIATE")  # the import's transaction holds the lock from its start
        try:
            response = client.post("/api/v1/incidents/", {
                "owning_mission": "MINURCAT", "category": "armed_clash", "start_date": "2009-06-02",
                "country": "TCD", "location": "Abeche"}, format="json")
        finally:
            importer.rollback()
            importer.close()
        assert response.status_code == 503, response.content
        assert response["Content-Type"].startswith("application/json") and response["Retry-After"]
        assert response.json()["code"] == "busy"
        assert not Incident.objects.filter(location="Abeche").exists()
        # once the import has committed, the same write goes through
        again = client.post("/api/v1/incidents/", {
            "owning_mission": "MINURCAT", "category": "armed_clash", "start_date": "2009-06-02",
            "country": "TCD", "location": "Abeche"}, format="json")
        assert again.status_code == 201, again.json()
