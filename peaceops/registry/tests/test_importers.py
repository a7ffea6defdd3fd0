"""Place imports: the real CAR files, re-imports, and bad input that must leave the store unchanged."""

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import shapely
from django.core.management import call_command
from django.core.management.base import CommandError

from peaceops.accounts.access import SYSTEM
from peaceops.registry.importers import PlaceImportError, import_places
from peaceops.registry.models import AdminArea, Country

pytestmark = pytest.mark.django_db

HEADER = "Location,Admin Level,P-Code,Name,Parent P-Code,Valid from date\n"


@pytest.fixture
def countries(db):
    Country.objects.create(iso3="CAF", iso2="CF", numeric="140", name="Central African Republic")
    Country.objects.create(iso3="TCD", iso2="TD", numeric="148", name="Chad")


def write(tmp_path, text, name="places.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot():
    return sorted(AdminArea.objects.values_list("pcode", "name", "level", "parent__pcode"))


# --------------------------------------------------------------------------- real files


@pytest.mark.realdata
def test_car_cod_ab_layers_import_with_parents_shapes_and_centroids(shared_data):
    folder = shared_data / "boundaries"
    # loads ISO 3166 first, then the shape
    assert import_places(folder / "caf_admin0.parquet", actor=SYSTEM).updated == 1
    assert Country.objects.count() >= 249 and Country.objects.get(iso3="CAF").geometry["type"] == "Polygon"
    report1 = import_places(folder / "caf_admin1.parquet", actor=SYSTEM)
    report2 = import_places(folder / "caf_admin2.parquet", actor=SYSTEM)
    assert (report1.read, report1.created, report2.read, report2.created) == (17, 17, 72, 72)
    bangui = AdminArea.objects.get(pcode="CF71")
    assert bangui.level == 1 and bangui.parent is None and bangui.country.iso3 == "CAF"
    assert bangui.children.count() == 1 and bangui.children.get().level == 2
    assert 4.2 < bangui.centroid_lat < 4.5 and 18.4 < bangui.centroid_lon < 18.7
    assert bangui.geometry["type"] in ("Polygon", "MultiPolygon")
    mbomou = AdminArea.objects.get(pcode="CF62")
    stored_points = len(shapely.get_coordinates(shapely.from_geojson(json.dumps(mbomou.geometry))))
    assert 10 < stored_points < 2000  # simplified, still a shape
    assert AdminArea.objects.filter(level=2, parent__isnull=True).count() == 0

    again = import_places(folder / "caf_admin2.parquet", actor=SYSTEM)
    assert (again.created, again.updated) == (0, 0) and AdminArea.objects.count() == 89
    assert mbomou.history.count() == 1  # re-import changes nothing, so no new version


@pytest.mark.realdata
def test_car_admin3_and_the_flawed_admin4_layer(shared_data):
    folder = shared_data / "boundaries"
    for level in (1, 2):
        import_places(folder / f"caf_admin{level}.parquet", actor=SYSTEM)
    assert import_places(folder / "caf_admin3.parquet", actor=SYSTEM).created == 175
    with pytest.raises(PlaceImportError, match=r"caf_admin4.parquet, line 1, field 'adm4_pcode': empty P-code"):
        import_places(folder / "caf_admin4.parquet", actor=SYSTEM)
    assert AdminArea.objects.filter(level=4).count() == 0
    report = import_places(folder / "caf_admin4.parquet", skip_bad=True, actor=SYSTEM)
    # 202 rows: 26 without a P-code, 2 reusing a P-code under another name (skipped),
    # 2 more parts of an area already read (merged into it): 172 areas.
    assert (report.read, report.created, report.skipped) == (202, 172, 28)
    assert {p.field for p in report.errors} == {"adm4_pcode"}
    assert any("already given at line 97" in p.message for p in report.errors)


@pytest.mark.realdata
def test_global_gazetteer_for_one_country_matches_cod_ab(shared_data):
    report = import_places(shared_data / "boundaries" / "global_pcodes_adm1_adm2.csv", country="CAF", actor=SYSTEM)
    assert (report.read, report.created, report.skipped) == (89, 89, 0)
    assert AdminArea.objects.filter(country__iso3="CAF", level=1).count() == 17
    assert AdminArea.objects.get(pcode="CF111").parent.pcode == "CF11"
    assert str(AdminArea.objects.get(pcode="CF111").valid_on) == "2015-06-15"


@pytest.mark.realdata
def test_natural_earth_shapes_fill_countries(shared_data):
    report = import_places(shared_data / "boundaries" / "natural_earth_110m" / "ne_110m_admin_0_countries.shp",
                           actor=SYSTEM)
    assert report.read == 177 and report.updated == 174
    assert sorted(p.message.split("'")[1] for p in report.errors) == ["Kosovo", "N. Cyprus", "Somaliland"]
    assert Country.objects.get(iso3="TCD").geometry["type"] == "Polygon"
    assert Country.objects.get(iso3="FRA").geometry["type"] == "MultiPolygon"  # ISO_A3 is -99, ISO_A3_EH FRA


# --------------------------------------------------------------------------- small files


def test_gazetteer_creates_then_updates_by_pcode(tmp_path, countries):
    path = write(tmp_path, HEADER + "CAF,1,CF71,Bangui,CAF,2015-06-15\nCAF,2,CF711,Bangui,CF71,2015-06-15\n")
    assert import_places(path, actor=SYSTEM).created == 2
    write(tmp_path, HEADER + "CAF,1,CF71,Bangui (capital),CAF,2015-06-15\nCAF,2,CF711,Bangui,CF71,\n")
    report = import_places(path, actor=SYSTEM)
    assert (report.created, report.updated) == (0, 1)
    assert AdminArea.objects.get(pcode="CF71").name == "Bangui (capital)"
    assert AdminArea.objects.count() == 2


def test_unknown_parent_names_file_line_field_and_value_and_stores_nothing(tmp_path, countries):
    path = write(tmp_path, HEADER + "CAF,1,CF71,Bangui,CAF,\nCAF,2,CF711,Bangui,CF71,\nCAF,2,CF999,Nowhere,CF99,\n")
    with pytest.raises(PlaceImportError) as failure:
        import_places(path, actor=SYSTEM)
    assert str(failure.value) == ("places.csv, line 4, field 'Parent P-Code': unknown parent P-code 'CF99' "
                                  "(import its level first)")
    assert AdminArea.objects.count() == 0  # the two good rows before it were rolled back


def test_bad_row_leaves_an_existing_store_unchanged(tmp_path, countries):
    good = write(tmp_path, HEADER + "CAF,1,CF71,Bangui,CAF,\nCAF,1,CF11,Ombella M'Poko,CAF,\n", "good.csv")
    import_places(good, actor=SYSTEM)
    before = snapshot()
    bad = write(tmp_path, HEADER + "CAF,1,CF71,Renamed,CAF,\nCAF,1,CF12,Lobaye,CAF,\nXXX,1,XX1,Atlantis,XXX,\n",
                "bad.csv")
    with pytest.raises(PlaceImportError, match=r"bad.csv, line 4, field 'Location': unknown ISO 3166 .* 'XXX'"):
        import_places(bad, actor=SYSTEM)
    assert snapshot() == before


def test_missing_column_is_fatal_even_with_skip_bad(tmp_path, countries):
    path = write(tmp_path, "Location,Admin Level,P-Code,Name\nCAF,1,CF71,Bangui\n")
    with pytest.raises(PlaceImportError, match=r"line 1, field 'Parent P-Code': missing column"):
        import_places(path, skip_bad=True, actor=SYSTEM)


def test_bad_values_are_reported_per_field(tmp_path, countries):
    path = write(tmp_path, HEADER + "CAF,one,CF71,Bangui,CAF,\n")
    with pytest.raises(PlaceImportError, match=r"line 2, field 'Admin Level': not a whole number: 'one'"):
        import_places(path, actor=SYSTEM)
    path = write(tmp_path, HEADER + "CAF,1,CF71,Bangui,CAF,15/06/2015\n")
    with pytest.raises(PlaceImportError, match=r"line 2, field 'Valid from date': not a date"):
        import_places(path, actor=SYSTEM)


def test_skip_bad_reports_each_skipped_line_and_keeps_the_rest(tmp_path, countries):
    path = write(tmp_path, HEADER + "CAF,1,CF71,Bangui,CAF,\nCAF,2,CF999,Nowhere,CF99,\nCAF,2,CF711,Bangui,CF71,\n"
                 "TCD,2,TD01,Chari,CF71,\n")
    report = import_places(path, skip_bad=True, actor=SYSTEM)
    assert (report.read, report.created, report.skipped) == (4, 2, 2)
    assert [(p.line, p.field) for p in report.errors] == [(3, "Parent P-Code"), (5, "Parent P-Code")]
    assert "not an area above admin 2 in TCD" in report.errors[1].message


def test_dry_run_counts_but_stores_nothing(tmp_path, countries):
    path = write(tmp_path, HEADER + "CAF,1,CF71,Bangui,CAF,\n")
    report = import_places(path, dry_run=True, actor=SYSTEM)
    assert report.created == 1 and AdminArea.objects.count() == 0


def test_cod_ab_with_wkb_geometry_and_unknown_parent(tmp_path, countries):
    square = shapely.Polygon([(18.5, 4.3), (18.6, 4.3), (18.6, 4.4), (18.5, 4.4)])
    table = pa.table({"adm1_pcode": ["CF71"], "adm1_name": ["Bangui"], "adm0_pcode": ["CF"], "iso3": ["CAF"],
                      "geometry": pa.array([shapely.to_wkb(square)], pa.binary())})
    pq.write_table(table, tmp_path / "adm1.parquet")
    assert import_places(tmp_path / "adm1.parquet", actor=SYSTEM).created == 1
    area = AdminArea.objects.get(pcode="CF71")
    assert area.geometry["type"] == "Polygon" and round(area.centroid_lat, 2) == 4.35
    orphan = pa.table({"adm2_pcode": ["CF711", "CF999"], "adm2_name": ["Bangui", "Ghost"],
                       "adm1_pcode": ["CF71", "CF99"], "iso3": ["CAF", "CAF"]})
    pq.write_table(orphan, tmp_path / "adm2.parquet")
    with pytest.raises(PlaceImportError, match=r"adm2.parquet, line 2, field 'adm1_pcode': unknown parent .*'CF99'"):
        import_places(tmp_path / "adm2.parquet", actor=SYSTEM)
    assert not AdminArea.objects.filter(level=2).exists()


def test_command_json_summary_and_failure(tmp_path, countries, capsys):
    path = write(tmp_path, HEADER + "CAF,1,CF71,Bangui,CAF,\nCAF,2,CF999,Nowhere,CF99,\n")
    call_command("import_places", str(path), "--skip-bad", "--json")
    summary = json.loads(capsys.readouterr().out)
    assert summary == {"read": 2, "created": 1, "updated": 0, "skipped": 1, "errors": [
        {"line": 3, "field": "Parent P-Code", "message": "unknown parent P-code 'CF99' (import its level first)"}]}
    with pytest.raises(CommandError, match="nothing was stored"):
        call_command("import_places", str(path), "--format", "gazetteer", "--json")
    assert json.loads(capsys.readouterr().out)["errors"][0]["line"] == 3


def test_countries_are_loaded_when_the_table_is_empty(tmp_path, db):
    path = write(tmp_path, HEADER + "TCD,1,TD01,Batha,TCD,\n")
    assert import_places(path, actor=SYSTEM).created == 1
    assert Country.objects.count() >= 249


def test_the_shipped_country_shapes_load_without_a_download(db):
    """The demo's maps and border rules need shapes on a closed network: the package ships Natural Earth's Africa."""
    from peaceops.registry.importers import SHIPPED_COUNTRY_SHAPES

    report = import_places(SHIPPED_COUNTRY_SHAPES, "natural-earth-geojson", actor=SYSTEM)
    assert report.updated + report.created >= 50
    shaped = set(Country.objects.exclude(geometry=None).values_list("iso3", flat=True))
    assert {"TCD", "SDN", "SSD", "CAF", "COD"} <= shaped


def test_places_are_imported_only_by_a_system_wide_registrar(world, tmp_path):
    from peaceops.core.errors import Denied
    from peaceops.registry.importers import SHIPPED_COUNTRY_SHAPES

    with pytest.raises(Denied):
        import_places(SHIPPED_COUNTRY_SHAPES, "natural-earth-geojson", actor=world.users["minurcat"])
    assert not Country.objects.exclude(geometry=None).exists()
