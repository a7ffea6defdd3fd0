"""Finding and acting on many reports: free-text search, sort, page size, pickers by name, bulk changes.

Each read answers only what the user may read; each bulk change has exactly the rights of the same change
made one report at a time, and says what it refused without telling a hidden report from an absent one.
"""

# ruff: noqa: F811 (pytest fixtures imported from log_fixtures are parameters of the tests)

import csv
import io
import re

import pytest

from peaceops.incidents.log import services as log_services
from peaceops.incidents.models import Actor, Incident
from peaceops.incidents.tests.log_fixtures import HIDDEN_MARKER, client_as, log_world  # noqa: F401 (fixtures)
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


def listed_ids(page) -> list[int]:
    html = page.content.decode()
    return [int(value) for value in re.findall(r'name="ids" value="(\d+)"', html)]


# --------------------------------------------------------------------------- search and sort


def test_free_text_search_reads_description_place_actor_and_source(log_world, client_as):
    records = log_world.records["incidents"]
    client = client_as(log_world.users["watch"])
    assert listed_ids(client.get("/incidents/", {"q": "goz beida"})) == [records["minurcat_open"].pk]
    assert listed_ids(client.get("/incidents/", {"q": "janjaweed"})) == [records["minurcat_open"].pk]
    assert listed_ids(client.get("/incidents/", {"q": "unpol abeche"})) == [records["minurcat_open"].pk]
    assert listed_ids(client.get("/incidents/", {"q": "Ouaddai clash"})) == [records["minurcat_open"].pk]
    assert listed_ids(client.get("/incidents/", {"q": "drivers"})) == [records["minurcat_conf"].pk]
    assert listed_ids(client.get("/incidents/", {"q": "clash drivers"})) == []  # every word must be found


def test_search_never_reaches_a_hidden_report(log_world, client_as):
    client = client_as(log_world.users["watch"])  # MINURCAT only: UNAMID's reports are hidden
    for words in (HIDDEN_MARKER, "Hidden Brigade", "South Darfur", "El Fasher"):
        page = client.get("/incidents/", {"q": words})
        assert listed_ids(page) == [] and "attack on a village" not in page.content.decode()
    admin = client_as(log_world.users["admin"])
    assert len(listed_ids(admin.get("/incidents/", {"q": HIDDEN_MARKER}))) == 2


def test_actor_filter_takes_a_name_and_a_hidden_actor_finds_nothing(log_world, client_as):
    records, actors = log_world.records["incidents"], log_world.records["actors"]
    client = client_as(log_world.users["watch"])
    assert listed_ids(client.get("/incidents/", {"actor": "janjaweed"})) == [records["minurcat_open"].pk]
    assert listed_ids(client.get("/incidents/", {"actor": str(actors["janjaweed"].pk)})) == [
        records["minurcat_open"].pk]
    assert listed_ids(client.get("/incidents/", {"actor": "Hidden Brigade"})) == []
    assert listed_ids(client.get("/incidents/", {"actor": str(actors["secret"].pk)})) == []
    admin = client_as(log_world.users["admin"])
    assert listed_ids(admin.get("/incidents/", {"actor": "Hidden Brigade"})) == [records["unamid_conf"].pk]


def test_columns_sort_both_ways_and_odd_values_answer_the_page(log_world, client_as):
    records = log_world.records["incidents"]
    records["unamid_open"].deaths_best = records["unamid_open"].deaths_high = 3
    records["unamid_open"].save()
    client = client_as(log_world.users["admin"])
    by_deaths = listed_ids(client.get("/incidents/", {"sort": "-deaths"}))
    assert by_deaths[:2] == [records["unamid_conf"].pk, records["unamid_open"].pk]
    assert listed_ids(client.get("/incidents/", {"sort": "deaths"}))[-2:] == by_deaths[:2][::-1]
    page = client.get("/incidents/", {"sort": "deaths"}).content.decode()
    assert 'aria-sort="ascending"' in page and "sort=-deaths" in page  # a second click sorts the other way
    for odd in ({"sort": "description"}, {"sort": "-zz"}, {"page": "0"}, {"page": "-1"},
                {"page": "99999999999999999999"}, {"page_size": "1000000000"}, {"page_size": "-5"},
                {"page_size": "bad"}):
        answer = client.get("/incidents/", odd)
        assert answer.status_code == 200, odd
        assert len(listed_ids(answer)) == 5, odd


def test_page_size_and_jump_keep_the_filters(log_world, client_as):
    for n in range(30):
        Incident.objects.create(owning_mission=log_world.minurcat, classification=0, start_date="2009-01-01",
                                end_date="2009-01-01", category="protest", description=f"march {n}")
    client = client_as(log_world.users["watch"])
    page = client.get("/incidents/", {"q": "march", "page_size": "25", "page": "2", "sort": "id"})
    assert len(listed_ids(page)) == 5
    html = page.content.decode()
    assert "Page 2 of 2" in html
    assert 'name="q" value="march"' in html and 'name="sort" value="id"' in html  # the jump form keeps them
    assert len(listed_ids(client.get("/incidents/", {"q": "march", "page_size": "99"}))) == 30  # 50 a page


# --------------------------------------------------------------------------- pickers by name


def test_actor_suggestions_offer_only_actors_the_user_may_know(log_world, client_as):
    client = client_as(log_world.users["watch"])
    names = [a["name"] for a in client.get("/incidents/actors.json", {"q": "jan"}).json()["results"]]
    assert names == ["Janjaweed"]
    assert client.get("/incidents/actors.json", {"q": "janjawid"}).json()["results"][0]["name"] == "Janjaweed"
    assert client.get("/incidents/actors.json", {"q": "hidden"}).json()["results"] == []
    admin = client_as(log_world.users["admin"])
    assert admin.get("/incidents/actors.json", {"q": "hidden"}).json()["results"][0]["name"] == "Hidden Brigade"


def test_place_suggestions_by_name_or_pcode(log_world, client_as):
    client = client_as(log_world.users["watch"])
    found = client.get("/incidents/places.json", {"q": "batha"}).json()["results"]
    assert [p["pcode"] for p in found] == ["TD01", "TD0101"] and found[1]["label"] == "Batha Est (TD0101)"
    assert client.get("/incidents/places.json", {"q": ""}).json()["results"] == []


ENTRY = {"start_date": "2009-06-01", "category": "armed_clash", "location": "Goz Beida", "pcode": "TD0101",
         "description": "Exchange of fire at the market", "reliability": "F", "credibility": "6",
         "classification": "0"}


def test_an_unknown_actor_is_created_only_on_confirmation(log_world, client_as):
    client = client_as(log_world.users["watch"])
    typed = {**ENTRY, "side_a": "<b>Rebels</b>", "side_b": "Janjawid"}
    page = client.post("/incidents/new/", typed)
    html = page.content.decode()
    assert page.status_code == 200 and 'id="error-side_a"' in html
    assert "Create new actor “&lt;b&gt;Rebels&lt;/b&gt;”" in html and "<b>Rebels</b>" not in html
    assert 'value="Exchange of fire at the market"' in html or "Exchange of fire at the market" in html
    assert not Actor.objects.filter(name="<b>Rebels</b>").exists()
    assert not Incident.objects.filter(description=ENTRY["description"]).exists()

    answer = client.post("/incidents/new/", {**typed, "new_actors": ["<b>Rebels</b>"]})
    assert answer.status_code == 302
    incident = Incident.objects.get(description=ENTRY["description"])
    assert {link.actor.name for link in incident.actor_links.all()} == {"<b>Rebels</b>", "Janjaweed"}


def test_a_hidden_actor_is_not_revealed_by_the_confirmation(log_world, client_as):
    client = client_as(log_world.users["watch"])
    page = client.post("/incidents/new/", {**ENTRY, "side_b": "hidden brigade"}).content.decode()
    assert "Create new actor “hidden brigade”" in page  # the same question as for a name nobody used
    answer = client.post("/incidents/new/", {**ENTRY, "side_b": "hidden brigade", "new_actors": ["hidden brigade"]})
    assert answer.status_code == 302
    incident = Incident.objects.get(description=ENTRY["description"])
    linked = incident.actor_links.get().actor
    assert linked != log_world.records["actors"]["secret"]  # a new actor, not the one of the hidden report


def test_the_service_refuses_an_unconfirmed_new_actor(log_world):
    part = log_services.ActorPart(name="Nobody Known", side="a", may_create=False)
    with pytest.raises(Exception, match="Nobody Known"):
        log_services.incident_create(user=log_world.users["watch"], owning_mission=log_world.minurcat,
                                     fields={"start_date": "2009-06-01", "category": "protest",
                                             "classification": 0, "country": log_world.chad},
                                     actors=[part])
    assert not Actor.objects.filter(name="Nobody Known").exists()


# --------------------------------------------------------------------------- bulk actions


def bulk(client, action, ids, **extra):
    return client.post("/incidents/bulk/", {"action": action, "ids": [str(i) for i in ids], **extra}, follow=True)


def test_bulk_verify_moves_every_report_and_records_who(log_world, client_as):
    records = log_world.records["incidents"]
    watch = log_world.users["watch"]
    chosen = [records["minurcat_open"].pk, records["minurcat_conf"].pk]
    page = bulk(client_as(watch), "verify", chosen, back="q=&sort=id")
    assert page.redirect_chain[-1][0] == "/incidents/?q=&sort=id"
    assert "2 reports now have the status Verified." in page.content.decode()
    for pk in chosen:
        incident = Incident.objects.get(pk=pk)
        assert incident.status == "verified"
        last = incident.history.first()
        assert last.history_user == watch and last.history_change_reason == "bulk change to verified"


def test_bulk_publish_needs_leadership_as_one_by_one(log_world, client_as):
    records = log_world.records["incidents"]
    Incident.objects.filter(pk=records["minurcat_open"].pk).update(status="verified")
    # The watch officer may not publish one report, so not several either.
    page = bulk(client_as(log_world.users["watch"]), "publish", [records["minurcat_open"].pk])
    assert "1 report was refused" in page.content.decode()
    assert Incident.objects.get(pk=records["minurcat_open"].pk).status == "verified"
    page = bulk(client_as(log_world.users["leader"]), "publish", [records["minurcat_open"].pk,
                                                                  records["minurcat_conf"].pk])
    html = page.content.decode()
    assert "1 report now has the status Published." in html
    assert f"No. {records['minurcat_conf'].pk}:" in html  # a draft goes through verified first
    assert Incident.objects.get(pk=records["minurcat_open"].pk).status == "published"


def test_a_mixed_selection_changes_what_is_allowed_and_never_names_hidden_reports(log_world, client_as):
    records = log_world.records["incidents"]
    chosen = [records["minurcat_open"].pk, records["unamid_conf"].pk, records["unamid_strict"].pk, 999999,
              "abc", "-4", "99999999999999999999999"]
    page = bulk(client_as(log_world.users["watch"]), "verify", chosen)
    html = page.content.decode()
    assert "1 report now has the status Verified." in html
    assert "6 selected reports were not found." in html  # hidden, absent and malformed alike
    assert f"No. {records['unamid_conf'].pk}:" not in html and HIDDEN_MARKER not in html
    assert Incident.objects.get(pk=records["unamid_conf"].pk).status == "draft"
    assert Incident.objects.get(pk=records["unamid_strict"].pk).status == "draft"


def test_a_reader_of_another_missions_reports_is_refused_each_one(log_world, client_as):
    records = log_world.records["incidents"]
    regional = log_world.users["regional"]  # reads both missions' unclassified reports, changes none
    page = bulk(client_as(regional), "verify", [records["minurcat_open"].pk, records["unamid_open"].pk])
    assert "2 reports were refused" in page.content.decode()
    assert set(Incident.objects.filter(pk__in=[records["minurcat_open"].pk, records["unamid_open"].pk])
               .values_list("status", flat=True)) == {"draft"}


def test_an_officer_below_the_clearance_cannot_reach_the_confidential_report(log_world, client_as):
    records = log_world.records["incidents"]
    junior = make_user("junior", "officer", mission=log_world.minurcat)  # unclassified clearance
    outcome = log_services.incidents_bulk_transition(junior, [records["minurcat_conf"].pk,
                                                              records["minurcat_open"].pk], "verified")
    assert outcome.done == [records["minurcat_open"].pk] and outcome.missing == 1 and outcome.refused == []
    assert Incident.objects.get(pk=records["minurcat_conf"].pk).status == "draft"


def test_bulk_assign_names_who_follows_up_with_the_rights_of_correcting_one_report(log_world, client_as):
    records = log_world.records["incidents"]
    watch = log_world.users["watch"]
    mine, theirs = records["minurcat_open"].pk, records["unamid_conf"].pk
    page = bulk(client_as(watch), "assign", [mine, theirs], assignee="  UNPOL   Abeche ")
    html = page.content.decode()
    assert "1 report is now followed up by UNPOL Abeche." in html
    assert "1 selected report was not found." in html  # UNAMID's, which the officer may not read
    incident = Incident.objects.get(pk=mine)
    assert incident.follow_up_by == "UNPOL Abeche"
    assert incident.history.first().history_user == watch
    assert Incident.objects.get(pk=theirs).follow_up_by == ""
    # the same again changes nothing; the detail page shows who follows up
    again = bulk(client_as(watch), "assign", [mine], assignee="UNPOL Abeche").content.decode()
    assert "1 report was already followed up by UNPOL Abeche." in again


def test_bulk_assign_is_refused_to_a_reader_and_without_a_name(log_world, client_as):
    records = log_world.records["incidents"]
    mine = records["minurcat_open"].pk
    reader = bulk(client_as(log_world.users["regional"]), "assign", [mine], assignee="JOC").content.decode()
    assert "1 report was refused" in reader or "not found" in reader
    assert Incident.objects.get(pk=mine).follow_up_by == ""
    empty = bulk(client_as(log_world.users["watch"]), "assign", [mine], assignee="   ").content.decode()
    assert "Name the unit or person who follows the reports up." in empty
    long = bulk(client_as(log_world.users["watch"]), "assign", [mine], assignee="x" * 201).content.decode()
    assert "at most 200 characters" in long
    assert Incident.objects.get(pk=mine).follow_up_by == ""


def test_bulk_odd_input(log_world, client_as):
    client = client_as(log_world.users["watch"])
    assert "Tick at least one report first." in bulk(client, "verify", []).content.decode()
    assert "Choose verify, publish, assign or an export." in bulk(client, "delete", [1]).content.decode()
    huge = list(range(1, log_services.BULK_LIMIT + 2))
    page = bulk(client, "verify", huge)
    assert page.status_code == 200 and "Select at most 500 reports at once" in page.content.decode()
    assert not Incident.objects.filter(status="verified").exists()  # nothing half-done
    assert bulk(client, "verify", list(range(1, 5000))).status_code == 400  # past what Django parses at all
    assert client.get("/incidents/bulk/").status_code == 405


def test_bulk_export_holds_only_the_ticked_readable_reports(log_world, client_as):
    records = log_world.records["incidents"]
    answer = client_as(log_world.users["watch"]).post("/incidents/bulk/", {
        "action": "export-csv", "ids": [records["minurcat_open"].pk, records["unamid_conf"].pk, "zz"]})
    assert answer.status_code == 200
    body = b"".join(answer.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert HIDDEN_MARKER not in body
    assert len([row for row in rows[2:] if row]) == 1  # header, HXL hashtags, one report


def test_the_list_offers_the_buttons_the_user_may_use(log_world, client_as):
    watch = client_as(log_world.users["watch"]).get("/incidents/").content.decode()
    assert 'value="verify"' in watch and 'value="publish"' not in watch and 'id="select-all"' in watch
    viewer = client_as(log_world.users["regional"]).get("/incidents/").content.decode()
    assert 'value="verify"' not in viewer and 'value="export-csv"' in viewer
