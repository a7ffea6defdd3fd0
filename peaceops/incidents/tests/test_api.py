"""The incident API: reads hide what the user may not see; writes follow roles and the workflow."""

# ruff: noqa: F811 (pytest fixtures imported from log_fixtures are parameters of the tests)

import pytest

from peaceops.incidents.models import Actor, Incident
from peaceops.incidents.tests.log_fixtures import HIDDEN_MARKER, log_world  # noqa: F401 (fixture)
from peaceops.incidents.workflow import PUBLISHED, VERIFIED

pytestmark = pytest.mark.django_db

NEW_REPORT = {
    "start_date": "2009-05-02", "category": "banditry", "latitude": 13.2, "longitude": 20.5, "country": "TCD",
    "description": "Convoy stopped at Farchana", "deaths_a": 1, "deaths_civilians": 2,
    "actors": [{"name": "Janjawid", "side": "a"}, {"name": "Road bandits", "side": "b"}],
    "sources": [{"name": "WFP Abeche", "reliability": "B", "credibility": 2}],
}


def ids(answer):
    return {row["id"] for row in answer.json()["results"]}


def test_minurcat_user_lists_own_reports_but_never_unamid_ones(log_world, api_as):
    inc = log_world.records["incidents"]
    seen = ids(api_as(log_world.users["minurcat"]).get("/api/v1/incidents/"))
    assert seen == {inc["minurcat_open"].id, inc["minurcat_conf"].id}
    regional = ids(api_as(log_world.users["regional"]).get("/api/v1/incidents/"))
    assert regional == {inc["minurcat_open"].id, inc["unamid_open"].id}  # unclassified only, both missions


def test_hidden_report_is_not_found_by_id_nor_its_history(log_world, api_as):
    hidden = log_world.records["incidents"]["unamid_conf"]
    client = api_as(log_world.users["minurcat"])
    assert client.get(f"/api/v1/incidents/{hidden.id}/").status_code == 404
    assert client.get(f"/api/v1/incidents/{hidden.id}/history/").status_code == 404
    assert client.get(f"/api/v1/incidents/{hidden.id}/").json()["code"] == "not_found"


def test_search_and_filters_never_reach_hidden_reports(log_world, api_as):
    client = api_as(log_world.users["minurcat"])
    secret_actor = log_world.records["actors"]["secret"]
    assert client.get("/api/v1/incidents/", {"search": HIDDEN_MARKER}).json()["count"] == 0
    assert client.get("/api/v1/incidents/", {"category": "attack_on_civilians"}).json()["count"] == 0
    assert client.get("/api/v1/incidents/", {"actor": secret_actor.id}).json()["count"] == 0
    assert client.get("/api/v1/incidents/", {"mission": "UNAMID", "classification": 1}).json()["count"] == 0
    assert client.get("/api/v1/incidents/", {"admin1": "South Darfur"}).json()["count"] == 0


def test_unamid_officer_finds_their_confidential_report_through_filters(log_world, api_as):
    client = api_as(log_world.users["unamid"])
    hidden = log_world.records["incidents"]["unamid_conf"]
    assert ids(client.get("/api/v1/incidents/", {"search": HIDDEN_MARKER, "category": "attack_on_civilians"})) == {
        hidden.id}
    assert hidden.id in ids(client.get("/api/v1/incidents/", {"bbox": "24,11,26,13"}))
    assert hidden.id not in ids(client.get("/api/v1/incidents/", {"bbox": "10,5,20,15"}))


def test_actor_known_only_from_hidden_reports_is_not_listed(log_world, api_as):
    names = {a["name"] for a in api_as(log_world.users["minurcat"]).get("/api/v1/actors/").json()["results"]}
    assert "Janjaweed" in names and "Hidden Brigade" not in names
    unamid_names = {a["name"] for a in api_as(log_world.users["unamid"]).get("/api/v1/actors/").json()["results"]}
    assert "Hidden Brigade" in unamid_names


def test_officer_logs_a_report_with_actors_by_alias_and_graded_source(log_world, api_as):
    answer = api_as(log_world.users["watch"]).post("/api/v1/incidents/", NEW_REPORT, format="json")
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["owning_mission"] == "MINURCAT" and body["status"] == "draft" and body["created_by"] == "watch"
    assert body["missions"] == ["MINURCAT"]  # Chad, inside MINURCAT's mandate dates (areas.py rule)
    assert body["end_date"] == "2009-05-02"
    assert body["deaths_best"] == 3 and body["deaths_low"] == 3 and body["deaths_high"] == 3
    assert {(a["name"], a["side"]) for a in body["actors"]} == {("Janjaweed", "a"), ("Road bandits", "b")}
    assert body["sources"] == [{"name": "WFP Abeche", "reference": "", "reliability": "B", "credibility": 2,
                                "reported_on": None, "grade": "B2"}]
    assert Actor.objects.filter(name="Road bandits").exists()


def test_a_viewer_cannot_log_and_nothing_is_stored(log_world, api_as):
    report = {**NEW_REPORT, "owning_mission": "MINURCAT"}
    answer = api_as(log_world.users["regional"]).post("/api/v1/incidents/", report, format="json")
    assert answer.status_code == 403 and answer.json()["code"] == "permission_denied"
    assert not Incident.objects.filter(description=NEW_REPORT["description"]).exists()
    assert not Actor.objects.filter(name="Road bandits").exists()


def test_an_officer_cannot_log_for_another_mission_nor_above_clearance(log_world, api_as):
    client = api_as(log_world.users["watch"])
    other = client.post("/api/v1/incidents/", {**NEW_REPORT, "owning_mission": "UNAMID"}, format="json")
    too_high = client.post("/api/v1/incidents/", {**NEW_REPORT, "classification": 2}, format="json")
    assert other.status_code == 403 and too_high.status_code == 403
    assert not Incident.objects.filter(description=NEW_REPORT["description"]).exists()


def test_bad_input_names_each_field_in_the_one_error_format(log_world, api_as):
    answer = api_as(log_world.users["watch"]).post(
        "/api/v1/incidents/", {**NEW_REPORT, "latitude": 123, "category": "picnic"}, format="json")
    assert answer.status_code == 400
    fields = {e["field"] for e in answer.json()["errors"]}
    assert "category" in fields
    answer = api_as(log_world.users["watch"]).post(
        "/api/v1/incidents/", {**NEW_REPORT, "latitude": 123}, format="json")
    assert answer.status_code == 400 and answer.json()["field"] == "latitude"


def test_a_report_cannot_be_linked_to_a_hidden_one(log_world, api_as):
    hidden = log_world.records["incidents"]["unamid_conf"]
    answer = api_as(log_world.users["watch"]).post("/api/v1/incidents/", {**NEW_REPORT, "duplicate_of": hidden.id},
                                                   format="json")
    assert answer.status_code == 400 and answer.json()["field"] == "duplicate_of"


def test_duplicates_are_visible_both_ways_but_hidden_links_are_blank(log_world, api_as):
    inc = log_world.records["incidents"]
    inc["minurcat_conf"].duplicate_of = inc["minurcat_open"]
    inc["minurcat_conf"].save()
    inc["unamid_conf"].duplicate_of = inc["unamid_open"]
    inc["unamid_conf"].save()
    client = api_as(log_world.users["minurcat"])
    master = client.get(f"/api/v1/incidents/{inc['minurcat_open'].id}/").json()
    assert master["duplicates"] == [inc["minurcat_conf"].id]
    assert client.get(f"/api/v1/incidents/{inc['minurcat_conf'].id}/").json()["duplicate_of"] == inc["minurcat_open"].id
    regional = api_as(log_world.users["regional"])  # reads unclassified reports of both missions only
    assert regional.get(f"/api/v1/incidents/{inc['unamid_open'].id}/").json()["duplicates"] == []
    inc["unamid_open"].duplicate_of = inc["unamid_strict"]
    inc["unamid_open"].save()
    assert regional.get(f"/api/v1/incidents/{inc['unamid_open'].id}/").json()["duplicate_of"] is None


def test_workflow_officer_verifies_only_leadership_publishes(log_world, api_as):
    report = log_world.records["incidents"]["minurcat_open"]
    officer, leader = api_as(log_world.users["watch"]), api_as(log_world.users["leader"])
    url = f"/api/v1/incidents/{report.id}/transition/"
    assert officer.post(url, {"status": PUBLISHED}, format="json").status_code == 400  # draft -> published: no
    assert officer.post(url, {"status": VERIFIED}, format="json").status_code == 200
    refused = officer.post(url, {"status": PUBLISHED}, format="json")
    assert refused.status_code == 403 and "approve" in refused.json()["message"]
    assert leader.post(url, {"status": PUBLISHED}, format="json").json()["status"] == PUBLISHED
    assert leader.patch(f"/api/v1/incidents/{report.id}/", {"description": "x"}, format="json").status_code == 403


def test_corrections_keep_history_with_who_and_what(log_world, api_as):
    report = log_world.records["incidents"]["minurcat_open"]
    client = api_as(log_world.users["watch"])
    answer = client.patch(f"/api/v1/incidents/{report.id}/", {"deaths_civilians": 4}, format="json")
    assert answer.status_code == 200, answer.content
    newest = client.get(f"/api/v1/incidents/{report.id}/history/").json()[0]
    assert newest["user"] == "watch" and newest["history_type"] == "~"
    assert {"field": "deaths_civilians", "old": 0, "new": 4} in newest["changes"]


def test_history_hides_versions_above_the_readers_clearance(log_world, api_as):
    report = log_world.records["incidents"]["minurcat_open"]
    report.classification = 2  # strictly confidential for a while, then downgraded
    report.description = "what only the strictly cleared may read"
    report.save()
    report.classification, report.description = 0, "public wording"
    report.save()
    history = api_as(log_world.users["minurcat"]).get(f"/api/v1/incidents/{report.id}/history/").json()
    assert "what only the strictly cleared may read" not in str(history)
    assert len(history) == 2


def test_export_through_the_api_holds_only_the_readable_filtered_rows(log_world, api_as):
    client = api_as(log_world.users["minurcat"])
    text = b"".join(client.get("/api/v1/incidents/export.csv").streaming_content).decode()
    assert HIDDEN_MARKER not in text and "Clash near Goz Beida" in text
    assert text.splitlines()[1].startswith("#event+id,")
    only_abductions = b"".join(
        client.get("/api/v1/incidents/export/", {"format": "geojson", "category": "abduction"}).streaming_content)
    assert b"Abduction of two drivers" in only_abductions and b"Goz Beida" not in only_abductions


def test_export_refuses_anonymous_callers_in_the_error_format(log_world, api_as):
    answer = api_as(None).get("/api/v1/incidents/export.csv")
    assert answer.status_code in (401, 403)
    assert answer.json()["code"] in ("not_authenticated", "authentication_failed")
