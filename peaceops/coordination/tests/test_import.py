"""The 3W import: vocabulary, bad input reported by line with the closest match, nothing half-written."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command

from peaceops.accounts.access import SYSTEM
from peaceops.coordination import vocabulary
from peaceops.coordination.importers import LineError, guess_format, parse
from peaceops.coordination.models import Activity, Programme, Sector
from peaceops.coordination.services import activities_import, programme_component_create
from peaceops.registry.models import AdminArea, Country, Organisation

# --- the vocabulary (pure) ----------------------------------------------------------------------


@pytest.mark.parametrize("name,code", [
    ("Santé", "HEA"), ("Health", "HEA"), ("SANTE", "HEA"), ("Abris et Non vivres", "SHL"), ("Shelter/NFI", "SHL"),
    ("Abris / NFI", "SHL"), ("Sécurité alimentaire", "FSC"), ("Securité alimentaire", "FSC"), ("WASH", "WSH"),
    ("EHA", "WSH"), ("Protection", "PRO"), ("Nutrition", "NUT"), ("Éducation", "EDU"), ("Logistique", "LOG"),
    ("CCCM", "CCCM"), ("Relèvement précoce", "ERY"), ("Protection: Protection de l'enfant", "PRO-CPN"),
    ("DDR", "DDR"), ("Réforme du secteur de la sécurité", "SSR"), ("Rule of Law", "ROL"),
])
def test_french_and_english_cluster_names_match_one_sector(name, code):
    assert vocabulary.default_matcher().match(name) == code


def test_an_unknown_sector_is_not_guessed_but_the_closest_are_suggested():
    matcher = vocabulary.default_matcher()
    assert matcher.match("Santee publique") is None
    assert "Santé (HEA)" in matcher.unknown_message("Santée")


def test_every_mission_sector_of_the_integration_matrix_is_in_the_vocabulary():
    assert vocabulary.MISSION_SECTORS == ("POL", "SEC", "DDR", "SSR", "ROL", "HR", "HUM", "DEV")


def test_unknown_pcode_suggests_the_area_of_the_same_name_first():
    candidates = [("CD3102", "Kenge"), ("CD3107", "Kasongo-Lunda"), ("CD9106", "Demba")]
    assert vocabulary.suggest_area("CD3106", "Kasongo-Lunda", candidates)[0] == "CD3107 (Kasongo-Lunda)"


# --- small files in tmp_path --------------------------------------------------------------------

HXL_HEADER = ("Organisation,Type,Cluster,Country,Province,Province code,Territoire,Territoire code,Activity,Start,End,"
              "Status,Targeted,Reached women,Budget,Currency\n"
              "#org,#org+type,#sector,#country+code,#adm1+name,#adm1+code,#adm2+name,#adm2+code,#activity,"
              "#date+start,#date+end,#status,#targeted,#reached+f,#value+budget,#currency\n")
GOOD = ("Medair,ONG Internationale,Santé,COD,Nord-Kivu,CD61,Goma,CD6101,Mobile clinics,2025-01-01,2025-06-30,"
        "En cours,1000,400,50000,USD\n")


@pytest.fixture
def areas(db):
    cod = Country.objects.create(iso3="COD", iso2="CD", name="Congo, The Democratic Republic of the")
    nk = AdminArea.objects.create(pcode="CD61", name="Nord-Kivu", level=1, country=cod)
    AdminArea.objects.create(pcode="CD6101", name="Goma", level=2, country=cod, parent=nk)
    AdminArea.objects.create(pcode="CD6103", name="Masisi", level=2, country=cod, parent=nk)
    return cod


def write(tmp_path, body, name="3w.csv"):
    path = tmp_path / name
    path.write_text(HXL_HEADER + body, encoding="utf-8")
    return path


def test_a_good_hxl_row_lands_with_organisation_sector_area_and_disaggregation(areas, tmp_path):
    report = activities_import(write(tmp_path, GOOD), "hxl", user=SYSTEM)
    assert report.as_json() == {"read": 1, "created": 1, "updated": 0, "skipped": 0, "errors": []}
    activity = Activity.objects.get()
    assert activity.sector.code == "HEA" and activity.sector_source == "Santé"
    assert activity.admin_area.pcode == "CD6101" and activity.country == areas
    assert activity.organisation.name == "Medair" and activity.organisation_type == "international_ngo"
    assert activity.organisation.kind == Organisation.Kind.NGO
    assert activity.status == "ongoing" and activity.beneficiaries_targeted == 1000
    assert activity.disaggregation == {"reached": {"female": {"all": 400}}}
    assert str(activity.budget) == "50000.00" and activity.currency == "USD"
    assert activity.history.count() == 1


@pytest.mark.parametrize("bad,field,message", [
    (GOOD.replace("Santé", "Santée"), "#sector", "closest: Santé (HEA)"),
    (GOOD.replace("CD6101", "CD6110"), "#adm2+code", "unknown P-code 'CD6110' (Goma); closest: CD6101 (Goma)"),
    (GOOD.replace(",USD", ",USS"), "#currency", "unknown currency 'USS'"),
    (GOOD.replace(",USD", ","), "#currency", "without its currency"),
    (GOOD.replace("2025-06-30", "2024-06-30"), "#date+end", "before start"),
    (GOOD.replace(",1000,", ",many,"), "#targeted", "not a number"),
])
def test_a_bad_line_is_reported_by_line_and_field_and_nothing_is_written(areas, tmp_path, bad, field, message):
    report = activities_import(
        write(tmp_path, GOOD + bad + GOOD.replace("Goma,CD6101", "Masisi,CD6103")), "hxl", user=SYSTEM
    )
    assert report.rolled_back and report.created == 0
    [error] = report.errors
    assert (error.line, error.field) == (4, field)
    assert message in error.message
    assert Activity.objects.count() == 0
    assert not Organisation.objects.filter(name="Medair").exists()  # created in the rolled-back transaction


def test_skip_bad_keeps_the_good_lines_and_reports_the_bad(areas, tmp_path):
    path = write(tmp_path, GOOD + GOOD.replace("Santé", "Sante publique"))
    report = activities_import(path, "hxl", skip_bad=True, user=SYSTEM)
    assert (report.created, report.skipped, [e.line for e in report.errors]) == (1, 1, [4])


def test_reimport_updates_a_changed_row_and_creates_nothing(areas, tmp_path):
    activities_import(write(tmp_path, GOOD), "hxl", user=SYSTEM)
    report = activities_import(write(tmp_path, GOOD.replace(",400,", ",450,")), "hxl", user=SYSTEM)
    assert (report.created, report.updated) == (0, 1)
    assert Activity.objects.get().disaggregation == {"reached": {"female": {"all": 450}}}
    assert (activities_import(write(tmp_path, GOOD.replace(",400,", ",450,")), "hxl", user=SYSTEM).unchanged) == 1


def test_dry_run_writes_nothing(areas, tmp_path):
    report = activities_import(write(tmp_path, GOOD), "hxl", dry_run=True, user=SYSTEM)
    assert report.created == 1 and report.ok and Activity.objects.count() == 0


def test_hapi_iso3_prefixed_pcodes_are_the_registrys(areas, tmp_path):
    head = (
        "location_code,admin1_code,admin1_name,admin2_code,admin2_name,org_acronym,org_name,org_type_description,"
        "sector_code,sector_name,reference_period_start,reference_period_end,error\n"
    )
    body = (
        "COD,COD61,Nord-Kivu,COD6103,Masisi,NRC,Norwegian Refugee Council,International NGO,,,2025-01-01,"
        "2025-04-30,Unknown sector Abris et Non vivres\n"
    )
    path = tmp_path / "op.csv"
    path.write_text(head + body, encoding="utf-8")
    assert guess_format(path) == "hdx-presence"
    assert activities_import(path, "hdx-presence", user=SYSTEM).created == 1
    activity = Activity.objects.get()
    assert (activity.admin_area.pcode, activity.sector.code) == ("CD6103", "SHL")


def test_a_file_that_is_not_3w_fails_as_a_whole(db, tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("date,lat\n#date,#geo+lat\n2020-01-01,1\n", encoding="utf-8")
    report = activities_import(path, "hxl", user=SYSTEM)
    assert report.rolled_back and "#org" in report.errors[0].message


def test_cli_prints_the_json_report(areas, tmp_path):
    out = StringIO()
    call_command("import_3w", str(write(tmp_path, GOOD)), "--json", stdout=out)
    assert json.loads(out.getvalue()) == {"read": 1, "created": 1, "updated": 0, "skipped": 0, "errors": []}


def test_pure_parser_yields_line_errors_without_a_database(tmp_path):
    rows = list(parse("hxl", write(tmp_path, GOOD.replace("2025-01-01", "Jan 1st"))))
    assert isinstance(rows[0], LineError) and rows[0].field == "#date+start"


# --- programmes ---------------------------------------------------------------------------------


def test_overlapping_components_of_one_programme_are_an_error(world):
    from django.core.exceptions import ValidationError

    from peaceops.coordination.services import sectors_ensure

    sectors_ensure()
    ddr = Programme.objects.create(
        name="DDR Vakaga", sector=Sector.objects.get(code="DDR"), owning_mission=world.minurcat
    )
    programme_component_create(
        user=SYSTEM,
        programme=ddr,
        name="Disarmament",
        start_date=dt.date(2009, 1, 1),
        end_date=dt.date(2009, 3, 31),
        sequence=1,
    )
    programme_component_create(
        user=SYSTEM,
        programme=ddr,
        name="Demobilisation",
        start_date=dt.date(2009, 4, 1),
        end_date=dt.date(2009, 6, 30),
        sequence=2,
    )
    with pytest.raises(ValidationError, match="overlaps component Demobilisation"):
        programme_component_create(
            user=SYSTEM,
            programme=ddr,
            name="Reinsertion",
            start_date=dt.date(2009, 6, 15),
            end_date=dt.date(2009, 12, 31),
            sequence=3,
        )
    assert ddr.components.count() == 2


def test_an_activity_id_repeated_on_several_places_gives_one_row_per_place(areas, tmp_path):
    head = "Org,Cluster,Country,Territoire code,Activity id\n#org,#sector,#country+code,#adm2+code,#activity+id\n"
    path = tmp_path / "ids.csv"
    path.write_text(head + "NRC,Shelter,COD,CD6101,A-1\nNRC,Shelter,COD,CD6103,A-1\n", encoding="utf-8")
    assert activities_import(path, "hxl", user=SYSTEM).created == 2
    assert activities_import(path, "hxl", user=SYSTEM).unchanged == 2
