"""The incident log's pages: entry form, list, detail, map data; each refuses what the user may not see."""

# ruff: noqa: F811 (pytest fixtures imported from log_fixtures are parameters of the tests)

import datetime as dt

import pytest

from peaceops.incidents.log.selectors import CATEGORY_INDEX, MAP_EPOCH
from peaceops.incidents.models import Incident
from peaceops.incidents.tests.log_fixtures import HIDDEN_MARKER, client_as, log_world  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

ENTRY = {
    "start_date": "2009-06-01", "category": "armed_clash", "location": "Goz Beida", "pcode": "td0101",
    "description": "Exchange of fire at the market", "deaths_a": "2", "deaths_civilians": "1",
    "side_a": "Janjawid", "side_b": "FACA; Local militia", "source_name": "UNPOL Goz Beida", "reliability": "B",
    "credibility": "2", "classification": "0",
    "new_actors": ["FACA", "Local militia"],  # two actors nobody recorded yet: created on this confirmation
}


def test_form_opens_on_today_with_the_date_focused(log_world, client_as):
    page = client_as(log_world.users["watch"]).get("/incidents/new/").content.decode()
    assert f'value="{dt.date.today().isoformat()}"' in page
    assert 'name="start_date"' in page and "autofocus" in page
    assert "1 · Armed clash" in page  # type the number to pick the category


def test_watch_officer_logs_an_incident_placed_by_pcode(log_world, client_as):
    answer = client_as(log_world.users["watch"]).post("/incidents/new/", ENTRY)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    incident = Incident.objects.get(description=ENTRY["description"])
    assert incident.owning_mission == log_world.minurcat and incident.created_by == log_world.users["watch"]
    assert incident.country == log_world.chad and (incident.admin1, incident.admin2) == ("Batha", "Batha Est")
    assert (incident.latitude, incident.longitude) == (13.5, 19.1)  # the area's centre, none typed
    assert list(incident.missions.values_list("acronym", flat=True)) == ["MINURCAT"]
    assert incident.deaths_best == 3 and incident.status == "draft"
    assert {link.actor.name for link in incident.actor_links.all()} == {"Janjaweed", "FACA", "Local militia"}
    assert incident.sources.get().grade == "B2"
    assert incident.history.first().history_user == log_world.users["watch"]


def test_errors_are_shown_beside_their_fields_and_nothing_is_saved(log_world, client_as):
    bad = {**ENTRY, "pcode": "XX99", "latitude": "95", "deaths_best": "1", "deaths_high": "0"}
    page = client_as(log_world.users["watch"]).post("/incidents/new/", bad)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="error-pcode"' in html and 'id="error-latitude"' in html
    assert not Incident.objects.filter(description=ENTRY["description"]).exists()
    page = client_as(log_world.users["watch"]).post("/incidents/new/", {**ENTRY, "deaths_best": "5",
                                                                        "deaths_high": "1"})
    assert 'id="error-deaths_best"' in page.content.decode()  # the model's rule low <= best <= high


def test_a_viewer_gets_no_entry_form(log_world, client_as):
    assert client_as(log_world.users["regional"]).get("/incidents/new/").status_code == 403


def test_pcode_lookup_fills_country_and_admin_names(log_world, client_as):
    place = client_as(log_world.users["watch"]).get("/incidents/place/", {"pcode": "TD0101"}).json()
    assert place["country"] == "TCD" and place["admin1"] == "Batha" and place["admin2"] == "Batha Est"
    assert client_as(log_world.users["watch"]).get("/incidents/place/", {"pcode": "nope"}).status_code == 404


def test_list_filters_and_never_shows_hidden_reports(log_world, client_as):
    client = client_as(log_world.users["minurcat"])
    page = client.get("/incidents/").content.decode()
    assert "Clash near Goz Beida" in page and HIDDEN_MARKER not in page
    assert HIDDEN_MARKER not in client.get("/incidents/", {"mission": "UNAMID"}).content.decode()
    filtered = client.get("/incidents/", {"category": "abduction"}).content.decode()
    assert "Abduction of two drivers" in filtered and "Goz Beida" not in filtered


def test_detail_shows_sources_actors_history_and_404s_for_hidden(log_world, client_as):
    inc = log_world.records["incidents"]
    client = client_as(log_world.users["minurcat"])
    page = client.get(f"/incidents/{inc['minurcat_open'].id}/").content.decode()
    assert "UNPOL Abeche" in page and "B2" in page and "Janjaweed" in page and "Janjawid" in page
    assert 'id="history"' in page
    assert client.get(f"/incidents/{inc['unamid_conf'].id}/").status_code == 404
    assert client.get(f"/incidents/{inc['unamid_conf'].id}/edit/").status_code == 404


def test_correction_through_the_form_keeps_the_earlier_version(log_world, client_as):
    report = log_world.records["incidents"]["minurcat_open"]
    client = client_as(log_world.users["watch"])
    form = {**ENTRY, "pcode": "", "country": "TCD", "description": "Corrected: clash east of Goz Beida",
            "start_date": "2009-03-14"}  # a place stays required: the name with its country
    assert client.post(f"/incidents/{report.id}/edit/", form).status_code == 302
    page = client.get(f"/incidents/{report.id}/").content.decode()
    assert "Clash near Goz Beida" in page and "Corrected: clash east of Goz Beida" in page  # old -> new
    assert report.sources.count() == 2  # the source named in the correction is added
    # "Janjawid" is still Janjaweed, although its only other report is one the officer may not read.
    assert report.actor_links.get(side="a").actor == log_world.records["actors"]["janjaweed"]


def test_duplicate_links_show_on_both_pages(log_world, client_as):
    inc = log_world.records["incidents"]
    inc["minurcat_conf"].duplicate_of = inc["minurcat_open"]
    inc["minurcat_conf"].save()
    client = client_as(log_world.users["minurcat"])
    master_page = client.get(f"/incidents/{inc['minurcat_open'].id}/").content.decode()
    assert f'href="/incidents/{inc["minurcat_conf"].id}/"' in master_page
    assert f'href="/incidents/{inc["minurcat_open"].id}/"' in client.get(
        f"/incidents/{inc['minurcat_conf'].id}/").content.decode()


def test_status_buttons_follow_the_workflow_rights(log_world, client_as, client):
    report = log_world.records["incidents"]["minurcat_open"]
    watch = client_as(log_world.users["watch"])
    watch.post(f"/incidents/{report.id}/status/", {"status": "verified"})
    report.refresh_from_db()
    assert report.status == "verified"
    assert "Mark published" not in watch.get(f"/incidents/{report.id}/").content.decode()
    assert watch.post(f"/incidents/{report.id}/status/", {"status": "published"}).status_code == 403
    leader = client_as(log_world.users["leader"])
    assert "Mark published" in leader.get(f"/incidents/{report.id}/").content.decode()
    leader.post(f"/incidents/{report.id}/status/", {"status": "published"})
    report.refresh_from_db()
    assert report.status == "published"


def test_map_data_is_compact_and_holds_only_readable_rows(log_world, client_as):
    inc = log_world.records["incidents"]
    body = client_as(log_world.users["minurcat"]).get("/incidents/map/data.json").json()
    rows = {row[0]: row for row in zip(body["id"], body["lat"], body["lon"], body["cat"], body["day"], strict=True)}
    assert set(rows) == {inc["minurcat_open"].id, inc["minurcat_conf"].id}
    pk, lat, lon, cat, day = rows[inc["minurcat_conf"].id]
    assert (lat, lon) == (12.9, 21.0) and cat == CATEGORY_INDEX["abduction"]
    assert day == (inc["minurcat_conf"].start_date - MAP_EPOCH).days
    assert body["categories"][cat]["key"] == "abduction"


def test_map_data_filters_by_window_category_actor_and_mission(log_world, client_as):
    client = client_as(log_world.users["unamid"])
    inc, actor = log_world.records["incidents"], log_world.records["actors"]["secret"]

    def ids(**params):
        return set(client.get("/incidents/map/data.json", params).json()["id"])

    assert ids(actor=actor.id) == {inc["unamid_conf"].id}
    assert ids(category="protest") == {inc["unamid_open"].id}
    assert ids(mission="UNAMID", start="2009-03-15") == set()
    assert ids(mission="MINURCAT") == set()  # not hers to read
    assert client.get("/incidents/map/data.json", {"bbox": "1,2"}).status_code == 400


def test_map_page_renders_for_a_reader(log_world, client_as):
    page = client_as(log_world.users["minurcat"]).get("/incidents/map/").content.decode()
    assert "markercluster" in page and 'id="time-slider"' in page
