"""Writes through the API: roles decide who may change what, bad input names its field, history keeps who."""

import pytest

from peaceops.accounts.models import Grant
from peaceops.core.classification import Classification
from peaceops.registry.models import Post, ReportingLine

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrar(world):
    """An administrator of MINURCAT only, cleared to confidential."""
    from peaceops.testing import make_user

    return make_user("registrar", "administrator", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)


def test_mission_administrator_adds_a_post_and_history_names_them(world, registrar, api_as):
    answer = api_as(registrar).post("/api/v1/posts/", {"mission": world.minurcat.id, "title": "Chief JOC",
                                                       "function": "joc"}, format="json")
    assert answer.status_code == 201, answer.content
    history = api_as(registrar).get(f"/api/v1/posts/{answer.json()['id']}/history/").json()
    assert history[0]["user"] == "registrar" and history[0]["history_type"] == "+"


def test_changes_are_listed_field_by_field(world, registrar, api_as):
    post = world.records["minurcat_unclassified"]["post"]
    client = api_as(registrar)
    assert client.patch(f"/api/v1/posts/{post.id}/", {"title": "Chief JMAC"}, format="json").status_code == 200
    newest = client.get(f"/api/v1/posts/{post.id}/history/").json()[0]
    assert newest["history_type"] == "~"
    assert {"field": "title", "old": "Officer Unclassified", "new": "Chief JMAC"} in newest["changes"]


def test_role_without_registry_rights_is_refused(world, api_as):
    answer = api_as(world.users["minurcat"]).post("/api/v1/posts/", {"mission": world.minurcat.id, "title": "X"},
                                                  format="json")
    assert answer.status_code == 403
    assert answer.json()["code"] == "permission_denied"
    assert not Post.objects.filter(title="X").exists()


def test_administrator_of_one_mission_cannot_write_into_another(world, registrar, api_as):
    answer = api_as(registrar).post("/api/v1/posts/", {"mission": world.unamid.id, "title": "Spy"}, format="json")
    assert answer.status_code == 403
    assert not Post.objects.filter(title="Spy").exists()


def test_cannot_classify_above_own_clearance(world, registrar, api_as):
    answer = api_as(registrar).post(
        "/api/v1/posts/",
        {"mission": world.minurcat.id, "title": "Secret", "classification": Classification.STRICTLY_CONFIDENTIAL},
        format="json",
    )
    assert answer.status_code == 403
    assert not Post.objects.filter(title="Secret").exists()


def test_component_of_another_mission_is_refused_with_its_field(world, api_as):
    other = world.records["unamid_unclassified"]["component"]
    answer = api_as(world.users["admin"]).post(
        "/api/v1/posts/", {"mission": world.minurcat.id, "title": "Odd", "component": other.id}, format="json"
    )
    assert answer.status_code == 400
    assert answer.json()["field"] == "component"
    assert not Post.objects.filter(title="Odd").exists()


def test_mission_dates_that_end_before_they_start(world, api_as):
    answer = api_as(world.users["admin"]).post(
        "/api/v1/missions/",
        {
            "acronym": "UNOCI",
            "name": "Côte d'Ivoire",
            "kind": "peacekeeping",
            "start_date": "2004-04-04",
            "end_date": "2003-01-01",
        },
        format="json",
    )
    assert answer.status_code == 400
    body = answer.json()
    assert body["field"] == "end_date" and body["code"] == "invalid" and "before" in body["message"]


def test_duplicate_acronym_names_the_field(world, api_as):
    answer = api_as(world.users["admin"]).post(
        "/api/v1/missions/",
        {"acronym": "UNAMID", "name": "Again", "kind": "hybrid", "start_date": "2007-07-31"},
        format="json",
    )
    assert answer.status_code == 400
    assert answer.json()["field"] == "acronym"


def test_reporting_line_cycle_is_refused(world, api_as):
    admin = api_as(world.users["admin"])
    a = world.records["minurcat_unclassified"]["post"]
    b = world.records["minurcat_confidential"]["post"]
    assert (
        admin.post(
            "/api/v1/reporting-lines/", {"from_post": a.id, "to_post": b.id, "kind": "direct"}, format="json"
        ).status_code
        == 201
    )
    answer = admin.post(
        "/api/v1/reporting-lines/", {"from_post": b.id, "to_post": a.id, "kind": "direct"}, format="json"
    )
    assert answer.status_code == 400
    assert answer.json()["field"] == "to_post" and "cycle" in answer.json()["message"]
    assert ReportingLine.objects.count() == 1
    # coordination runs both ways and is no cycle
    assert (
        admin.post(
            "/api/v1/reporting-lines/", {"from_post": b.id, "to_post": a.id, "kind": "coordination"}, format="json"
        ).status_code
        == 201
    )


def test_malformed_json_gets_the_error_format(world, api_as):
    answer = api_as(world.users["admin"]).generic(
        "POST", "/api/v1/posts/", "{not json", content_type="application/json"
    )
    assert answer.status_code == 400
    assert answer.json()["code"] == "parse_error"


def test_only_system_administrators_grant_roles(world, registrar, api_as):
    payload = {"user": "nobody", "role": "viewer", "mission": "UNAMID", "clearance": 2}
    assert api_as(registrar).post("/api/v1/grants/", payload, format="json").status_code == 403
    assert api_as(world.users["admin"]).post("/api/v1/grants/", payload, format="json").status_code == 201
    assert Grant.objects.filter(user__username="nobody", mission=world.unamid).exists()


def test_me_lists_own_grants(world, api_as):
    body = api_as(world.users["minurcat"]).get("/api/v1/me/").json()
    assert body["username"] == "minurcat"
    assert body["grants"] == [
        {
            "id": body["grants"][0]["id"],
            "user": "minurcat",
            "role": "analyst",
            "mission": "MINURCAT",
            "region": None,
            "clearance": 1,
        }
    ]


def test_token_endpoint_and_schema(world, client):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="minurcat")
    answer = client.post("/api/v1/token/", {"username": "minurcat", "password": "minurcat-pass-9x!"})
    assert answer.status_code == 200 and answer.json()["token"]
    assert user.api_tokens.get().prefix == answer.json()["token"][:8]  # the key itself is not stored
    client.force_login(user)  # the schema is for logged-in users unless PEACEOPS_PUBLIC_API_SCHEMA opens it
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    assert "/api/v1/posts/{id}/history/" in schema.json()["paths"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/posts/?component=99999999999999999999999",
        "/api/v1/resolutions/?number=99999999999999999999999",
        "/api/v1/posts/99999999999999999999999/",
        "/api/v1/posts/99999999999999999999999/history/",
    ],
)
def test_numbers_beyond_the_store_range_are_not_server_errors(world, api_as, url):
    answer = api_as(world.users["admin"]).get(url)
    assert answer.status_code < 500
    if "component=" in url:
        assert answer.json()["field"] == "component"
