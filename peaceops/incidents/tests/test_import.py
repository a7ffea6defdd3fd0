"""The import service and command on small files: mapping, idempotence, atomicity, bad input."""

import json
from datetime import date

import pytest
from django.core.management import call_command

from peaceops.accounts.access import SYSTEM
from peaceops.incidents.imports.services import duplicates_link, events_import
from peaceops.incidents.models import Actor, Incident, IncidentSource
from peaceops.registry.models import Country

UCDP_HEADER = ("id,year,type_of_violence,side_a,side_b,source_article,source_office,where_prec,where_coordinates,"
               "adm_1,adm_2,latitude,longitude,country,country_id,date_prec,date_start,date_end,deaths_a,deaths_b,"
               "deaths_civilians,deaths_unknown,best,low,high\n")
UCDP_ROW = ("{id},2008,{tov},Government of Chad,UFDD,Reuters 1/2-08,,1,Goz Beida,Ouaddai,Goz Beida,{lat},{lon},Chad,"
            "483,1,{start},{start},{da},2,0,0,{best},{low},{high}\n")
ACLED_OLD_HEADER = ("GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,"
                    "INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,"
                    "LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES\n")
ACLED_NEW_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                    "assoc_actor_1,actor2,assoc_actor_2,country,iso3,admin1,admin2,location,latitude,longitude,"
                    "geo_precision,source,notes,fatalities\n")


def ucdp_row(id=1, tov=1, lat=12.0, lon=21.5, start="2008-02-01", da=3, best=5, low=5, high=6):
    return UCDP_ROW.format(id=id, tov=tov, lat=lat, lon=lon, start=start, da=da, best=best, low=low, high=high)


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def ucdp_file(tmp_path):
    return write(tmp_path, "ged.csv", UCDP_HEADER + ucdp_row(1) + ucdp_row(2, tov=3, best=4, low=4, high=4, da=0))


def test_ucdp_csv_maps_fields_actors_sources_and_mission_area(world, ucdp_file):
    report = events_import(ucdp_file, "ucdp-ged", user=world.users["admin"])
    assert report.as_json() == {"read": 2, "created": 2, "updated": 0, "skipped": 0, "errors": []}
    first = Incident.objects.get(dataset="ucdp-ged", external_id="1")
    assert (first.category, first.deaths_a, first.deaths_b, first.deaths_best, first.deaths_high) == \
        ("armed_clash", 3, 2, 5, 6)
    assert (first.admin1, first.admin2, first.country, first.reported_on) == ("Ouaddai", "Goz Beida", world.chad, None)
    assert list(first.missions.all()) == [world.minurcat]  # Chad, 2008: MINURCAT's area
    assert {(link.actor.name, link.side) for link in first.actor_links.all()} == \
        {("Government of Chad", "a"), ("UFDD", "b")}
    assert first.actors.get(name="Government of Chad").kind == Actor.Kind.STATE
    assert [s.grade for s in first.sources.all()] == ["B2"]
    assert Incident.objects.get(external_id="2").category == "attack_on_civilians"
    history = first.history.get()
    assert (history.history_type, history.history_user) == ("+", world.users["admin"])
    assert IncidentSource.history.count() == 2


def test_reimport_updates_changed_rows_and_never_duplicates(world, ucdp_file, tmp_path):
    events_import(ucdp_file, "ucdp-ged", user=SYSTEM)
    again = events_import(ucdp_file, "ucdp-ged", user=SYSTEM)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    changed = write(tmp_path, "ged2.csv", UCDP_HEADER + ucdp_row(1, best=7, high=7) + ucdp_row(3))
    report = events_import(changed, "ucdp-ged", user=SYSTEM)
    assert (report.created, report.updated, report.unchanged) == (1, 1, 0)
    assert Incident.objects.count() == 3
    updated = Incident.objects.get(external_id="1")
    assert updated.deaths_best == 7
    assert updated.history.count() == 2 and updated.history.first().history_type == "~"
    assert updated.actor_links.count() == 2 and updated.sources.count() == 1 and updated.missions.count() == 1


def test_one_bad_line_rolls_back_everything_and_names_line_and_field(world, tmp_path):
    path = write(tmp_path, "ged.csv", UCDP_HEADER + ucdp_row(1) + ucdp_row(2, da=-1) + ucdp_row(3, start="2008-13-45"))
    report = events_import(path, "ucdp-ged", user=SYSTEM)
    assert not report.ok and report.created == 0
    assert [(e.line, e.field) for e in report.errors] == [(3, "deaths_a"), (4, "date_start")]
    assert "negative" in report.errors[0].message
    assert not Incident.objects.exists() and not Actor.objects.exists()


def test_skip_bad_imports_the_good_lines_and_reports_each_bad_one(world, tmp_path):
    path = write(tmp_path, "ged.csv", UCDP_HEADER + ucdp_row(1) + ucdp_row(2, da=-1) + ucdp_row(3, start="2999-01-01"))
    report = events_import(path, "ucdp-ged", skip_bad=True, user=SYSTEM)
    assert report.as_json()["created"] == 1 and report.skipped == 2
    assert [(e.line, e.field) for e in report.errors] == [(3, "deaths_a"), (4, "date_start")]
    assert "future" in report.errors[1].message
    assert Incident.objects.count() == 1


def test_dry_run_writes_nothing(world, ucdp_file):
    report = events_import(ucdp_file, "ucdp-ged", dry_run=True, user=SYSTEM)
    assert report.created == 2 and report.ok
    assert not Incident.objects.exists()


@pytest.mark.parametrize("lat, lon, field, hint", [
    (95.0, 21.5, "latitude", "outside"),
    (12.0, 200.0, "longitude", "outside"),
    (12.0, "", "longitude", "both"),
    (21.5, 12.0, "latitude", "swapped"),  # Chad's box: a swapped pair lands in Libya/Niger... or outside
])
def test_coordinates_out_of_range_or_swapped(world, tmp_path, lat, lon, field, hint):
    Country.objects.filter(pk=world.chad.pk).update(geometry={
        "type": "Polygon", "coordinates": [[[13.5, 7.4], [24.0, 7.4], [24.0, 23.5], [13.5, 23.5], [13.5, 7.4]]]})
    path = write(tmp_path, "ged.csv", UCDP_HEADER + ucdp_row(1, lat=lat, lon=lon))
    report = events_import(path, "ucdp-ged", user=SYSTEM)
    assert [(e.line, e.field) for e in report.errors] == [(2, field)]
    assert hint in report.errors[0].message


def test_unknown_country_is_an_error_for_that_line(world, tmp_path):
    path = write(tmp_path, "ged.csv", UCDP_HEADER + ucdp_row(1).replace(",Chad,483,", ",Atlantis,9999,"))
    report = events_import(path, "ucdp-ged", user=SYSTEM)
    assert [(e.line, e.field) for e in report.errors] == [(2, "country")]
    assert "Atlantis" in report.errors[0].message


def test_missing_column_names_the_column_and_the_file(world, tmp_path):
    path = write(tmp_path, "renamed.csv", UCDP_HEADER.replace("deaths_civilians", "deaths_civ") + ucdp_row(1))
    report = events_import(path, "ucdp-ged", user=SYSTEM)
    (error,) = report.errors
    assert (error.line, error.field) == (1, "deaths_civilians")
    assert "renamed.csv" in error.message and "deaths_civilians" in error.message


def test_empty_file_and_wrong_format(world, tmp_path, ucdp_file):
    empty = events_import(write(tmp_path, "empty.csv", ""), "acled", user=SYSTEM)
    assert "empty" in empty.errors[0].message and not empty.ok
    wrong = events_import(ucdp_file, "acled", user=SYSTEM)
    assert wrong.errors[0].field == "event_id_cnty" and "ACLED" in wrong.errors[0].message
    xlsx = events_import(ucdp_file, "insecurity-insight", user=SYSTEM)
    assert "not an Excel workbook" in xlsx.errors[0].message
    hxl = events_import(ucdp_file, "hxl", user=SYSTEM)
    assert not hxl.ok and "ged.csv" in hxl.errors[0].message


def test_acled_old_header_latin1_dd_mm_yyyy(world, tmp_path):
    text = ACLED_OLD_HEADER + ("483,12CHA,,05/01/2008,2008,1,Violence against civilians,Janjaweed Militia,,4,"
                               "Civilians (Chad),,7,47,Chad,Ouaddaï,Goz Beida,,Koukou,11.83,21.88,1,RFI,"
                               "Attaque contre des déplacés,2\n")
    report = events_import(write(tmp_path, "acled.csv", text, "latin-1"), "acled", user=SYSTEM)
    assert report.created == 1, report.errors
    incident = Incident.objects.get(dataset="acled", external_id="12CHA")
    assert (incident.start_date, incident.admin1, incident.category) == (date(2008, 1, 5), "Ouaddaï", "attack_on_civilians")
    assert (incident.deaths_best, incident.deaths_low, incident.deaths_high, incident.deaths_unknown) == (2, 2, 2, 2)
    assert incident.description == "Attaque contre des déplacés"
    assert incident.actors.get(name="Civilians (Chad)").kind == Actor.Kind.CIVILIANS


def test_acled_current_header_and_wrong_encoding(world, tmp_path):
    good = ("SDN1,2009-03-04,2009,1,Political violence,Violence against civilians,Sexual violence,"
            "Janjaweed,,Civilians (Sudan),,Sudan,SDN,North Darfur,El Fasher,Tawila,13.5,24.9,1,UN,notes,0\n")
    report = events_import(write(tmp_path, "acled.csv", ACLED_NEW_HEADER + good), "acled", user=SYSTEM)
    assert report.created == 1
    incident = Incident.objects.get(external_id="SDN1")
    assert incident.category == "sexual_violence" and list(incident.missions.all()) == [world.unamid]
    bad = write(tmp_path, "latin.csv", ACLED_NEW_HEADER + good.replace("SDN1", "SDN2").replace("notes", "déplacés"),
                "latin-1")
    report = events_import(bad, "acled", user=SYSTEM)
    assert [(e.line, e.field) for e in report.errors] == [(2, "encoding")]


def test_geojson_features_stream_with_line_numbers(world, tmp_path):
    feature = ('{"type":"Feature","properties":{"id":%d,"type_of_violence":1,"side_a":"A","side_b":"B",'
               '"country":"Chad","country_id":483,"date_start":"2008-02-01T00:00:00","date_end":"2008-02-02T00:00:00",'
               '"deaths_a":1,"deaths_b":%d,"deaths_civilians":0,"deaths_unknown":0,"best":2,"low":2,"high":2},'
               '"geometry":{"type":"Point","coordinates":[21.5,12.0]}}')
    text = '{"type":"FeatureCollection",\n"features":[\n' + feature % (1, 1) + ",\n" + feature % (2, -4) + "\n]}\n"
    report = events_import(write(tmp_path, "ged.geojson", text), "ucdp-ged", skip_bad=True, user=SYSTEM)
    assert report.created == 1
    assert [(e.line, e.field) for e in report.errors] == [(4, "deaths_b")]
    assert Incident.objects.get().latitude == 12.0


def test_hxl_file_uses_date_start_not_date_year(world, tmp_path):
    text = ("id,year,date_start,lat,lon,iso,killed\n,#date+year,#date+start,#geo+lat,#geo+lon,#country+code,"
            "#affected+killed\n7,2008,2008-02-01,12.0,21.5,TCD,3\n")
    report = events_import(write(tmp_path, "x.csv", text), "hxl", user=SYSTEM)
    assert report.created == 1, report.errors
    incident = Incident.objects.get(dataset="hxl", external_id="7")
    assert (incident.start_date, incident.deaths_best) == (date(2008, 2, 1), 3)


def test_hxl_without_required_tags_is_refused(world, tmp_path):
    text = "a,b\n#date,#geo+lat\n2008-01-01,1\n"
    report = events_import(write(tmp_path, "x.csv", text), "hxl", user=SYSTEM)
    assert report.errors[0].field == "#geo+lon"


def test_owned_import_needs_known_classification(world, ucdp_file):
    with pytest.raises(ValueError):
        events_import(ucdp_file, "ucdp-ged", classification=1, user=SYSTEM)
    report = events_import(ucdp_file, "ucdp-ged", mission=world.minurcat, classification=1, user=SYSTEM)
    assert set(Incident.objects.values_list("owning_mission", "classification")) == {(world.minurcat.pk, 1)}
    assert report.created == 2


def test_command_prints_exactly_one_json_object(world, ucdp_file, capsys):
    call_command("import_events", str(ucdp_file), "--format", "ucdp-ged", "--json", "--mission", "MINURCAT",
                 "--classification", "confidential")
    assert json.loads(capsys.readouterr().out) == {"read": 2, "created": 2, "updated": 0, "skipped": 0, "errors": []}


def test_command_exits_non_zero_on_failure(world, tmp_path, capsys):
    path = write(tmp_path, "ged.csv", UCDP_HEADER + ucdp_row(1, da=-1))
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_events", str(path), "--format", "ucdp-ged", "--json")
    assert exit_info.value.code == 1
    out = json.loads(capsys.readouterr().out)
    assert out["errors"] == [{"line": 2, "field": "deaths_a", "message": "negative count: '-1'"}]


def test_link_duplicates_keeps_best_graded_source_as_master(world, tmp_path, ucdp_file):
    events_import(ucdp_file, "ucdp-ged", user=SYSTEM)
    acled = ACLED_NEW_HEADER + ("TCD9,2008-02-01,2008,1,Political violence,Battles,Armed clash,Military Forces of Chad,"
                                ",UFDD,,Chad,TCD,Ouaddai,Goz Beida,Goz Beida,12.02,21.51,1,AFP,clash,5\n")
    events_import(write(tmp_path, "acled.csv", acled), "acled", user=SYSTEM)
    # The ACLED clash resembles both UCDP events (same day, 2 km); it joins the nearer one, and
    # the two UCDP events are never merged with each other.
    assert duplicates_link(user=SYSTEM) == 1
    duplicate = Incident.objects.get(dataset="acled")
    assert duplicate.duplicate_of.dataset == "ucdp-ged"  # UCDP's B2 beats ACLED's B3
    assert not Incident.objects.filter(dataset="ucdp-ged", duplicate_of__isnull=False).exists()
