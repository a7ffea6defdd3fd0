"""The coordination API: filters, writes by role, and the HXL export limited to what the user may read."""

import csv
import datetime as dt
import io

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.coordination.models import Activity, FundingStream, Programme, Sector
from peaceops.coordination.services import activities_import, sectors_ensure
from peaceops.core.classification import Classification
from peaceops.registry.models import AdminArea, Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def threew(world):
    """3W rows in Chad: public OCHA rows, a MINURCAT confidential row and a UNAMID confidential row."""
    sectors_ensure()
    ouaddai = AdminArea.objects.create(pcode="TD14", name="Ouaddai", level=1, country=world.chad)
    assoungha = AdminArea.objects.create(pcode="TD1401", name="Assoungha", level=2, country=world.chad,
                                         parent=ouaddai)
    lac = AdminArea.objects.create(pcode="TD07", name="Lac", level=1, country=world.chad)
    acf = Organisation.objects.create(name="Action Contre la Faim", acronym="ACF", kind="ngo")
    sector = {code: Sector.objects.get(code=code) for code in ("HEA", "PRO", "PRO-CPN", "DDR")}

    def activity(title, sector_code, area, start, end, **extra):
        return Activity.objects.create(organisation=acf, sector=sector[sector_code], country=world.chad,
                                       admin_area=area, admin1_name=(area.parent or area).name, title=title,
                                       start_date=start, end_date=end, **extra)

    return {
        "health": activity("Clinics", "HEA", assoungha, dt.date(2025, 1, 1), dt.date(2025, 6, 30),
                           beneficiaries_reached=1200),
        "child": activity("Child protection", "PRO-CPN", lac, dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        "minurcat": activity("MINURCAT DDR", "DDR", ouaddai, dt.date(2009, 1, 1), dt.date(2009, 12, 31),
                             owning_mission=world.minurcat, classification=Classification.CONFIDENTIAL),
        "unamid": activity("UNAMID secret", "HEA", ouaddai, dt.date(2009, 1, 1), None,
                           owning_mission=world.unamid, classification=Classification.CONFIDENTIAL),
        "acf": acf,
    }


def titles(client, **params):
    response = client.get("/api/v1/activities/", {"page_size": 500, **params})
    assert response.status_code == 200, response.content
    return {row["title"] for row in response.json()["results"]}


def test_filters_by_sector_family_area_organisation_and_period(world, threew, api_as):
    client = api_as(world.users["minurcat"])
    assert titles(client) == {"Clinics", "Child protection", "MINURCAT DDR"}
    assert titles(client, sector="PRO") == {"Child protection"}  # a cluster takes in its areas of responsibility
    assert titles(client, admin_area="TD14") == {"Clinics", "MINURCAT DDR"}  # the province and its departments
    assert titles(client, admin_area="TD1401") == {"Clinics"}
    assert titles(client, organisation=threew["acf"].id, country="TCD", start="2024-06-01", end="2024-12-31") \
        == {"Child protection"}
    assert titles(client, country="SDN") == set()


def test_writes_need_edit_coordination_for_the_owning_mission(world, threew, api_as):
    payload = {"organisation": threew["acf"].id, "sector": "DDR", "country": "TCD", "title": "Reinsertion kits",
               "owning_mission": "MINURCAT", "classification": Classification.UNCLASSIFIED}
    analyst = api_as(world.users["minurcat"])  # an analyst: edit_incidents and edit_analysis, not coordination
    assert analyst.post("/api/v1/activities/", payload, format="json").status_code == 403
    assert not Activity.objects.filter(title="Reinsertion kits").exists()
    admin = api_as(world.users["admin"])
    created = admin.post("/api/v1/activities/", payload, format="json")
    assert created.status_code == 201, created.content
    bad_period = admin.patch(f"/api/v1/activities/{created.json()['id']}/", {"end_date": "2000-01-01",
                                                                             "start_date": "2001-01-01"},
                             format="json")
    assert bad_period.status_code == 400


def test_unknown_currency_is_refused_by_the_api(world, threew, api_as):
    programme = Programme.objects.create(name="DDR Vakaga", sector=Sector.objects.get(code="DDR"),
                                         owning_mission=world.minurcat)
    payload = {"kind": "voluntary", "source": threew["acf"].id, "programme": programme.id,
               "start_date": "2009-01-01", "end_date": "2009-12-31", "amount": "250000", "currency": "XYZ",
               "owning_mission": "MINURCAT"}
    answer = api_as(world.users["admin"]).post("/api/v1/funding-streams/", payload, format="json")
    assert answer.status_code == 400 and "XYZ" in str(answer.json())
    assert FundingStream.objects.count() == 0


def test_programme_lists_its_components(world, threew, api_as):
    from peaceops.coordination.services import programme_component_create

    programme = Programme.objects.create(name="DDR Vakaga", sector=Sector.objects.get(code="DDR"),
                                         owning_mission=world.minurcat)
    programme_component_create(user=SYSTEM, programme=programme, name="Disarmament", start_date=dt.date(2009, 1, 1),
                               end_date=dt.date(2009, 3, 31))
    rows = api_as(world.users["minurcat"]).get("/api/v1/programmes/", {"sector": "DDR"}).json()["results"]
    assert [c["name"] for c in rows[0]["components"]] == ["Disarmament"]
    assert api_as(world.users["unamid"]).get("/api/v1/programmes/").json()["results"] == []


def export_rows(client, **params):
    response = client.get("/api/v1/activities/export/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_export_has_an_hxl_row_and_only_what_the_user_may_read(world, threew, api_as):
    header, tags, *rows = export_rows(api_as(world.users["minurcat"]))
    for tag in ("#org+name", "#sector+code", "#adm1+name", "#adm2+name", "#adm1+code", "#date+start", "#date+end",
                "#status", "#reached"):
        assert tag in tags
    by_title = {row[header.index("title")]: row for row in rows}
    assert set(by_title) == {"Clinics", "Child protection", "MINURCAT DDR"}
    clinics = by_title["Clinics"]
    assert clinics[tags.index("#adm1+code")] == "TD14" and clinics[tags.index("#adm2+code")] == "TD1401"
    assert clinics[tags.index("#reached")] == "1200"
    # a user without grants reads only the public (unowned, unclassified) OCHA rows
    nobody_rows = export_rows(api_as(world.users["nobody"]))[2:]
    assert {row[header.index("title")] for row in nobody_rows} == {"Clinics", "Child protection"}
    assert api_as(None).get("/api/v1/activities/export/").status_code == 401


def test_export_imports_back_through_the_hxl_importer(world, threew, api_as, tmp_path):
    rows = export_rows(api_as(world.users["minurcat"]), sector="HEA")
    path = tmp_path / "export.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    report = activities_import(path, "hxl", user=SYSTEM)
    assert report.as_json() == {"read": 1, "created": 1, "updated": 0, "skipped": 0, "errors": []}
    copy = Activity.objects.get(dataset="hxl-3w:export")
    assert (copy.admin_area.pcode, copy.sector.code, copy.beneficiaries_reached) == ("TD1401", "HEA", 1200)


def test_components_are_added_through_the_api_and_an_overlap_is_refused(world, threew, api_as):
    programme = Programme.objects.create(name="DDR Vakaga", sector=Sector.objects.get(code="DDR"),
                                         owning_mission=world.minurcat)
    url = f"/api/v1/programmes/{programme.id}/components/"
    disarmament = {"name": "Disarmament", "sequence": 1, "start_date": "2009-01-01", "end_date": "2009-03-31"}
    assert api_as(world.users["minurcat"]).post(url, disarmament, format="json").status_code == 403
    admin = api_as(world.users["admin"])
    assert admin.post(url, disarmament, format="json").status_code == 201
    overlapping = {"name": "Demobilisation", "sequence": 2, "start_date": "2009-03-01", "end_date": "2009-06-30"}
    answer = admin.post(url, overlapping, format="json")
    assert answer.status_code == 400 and "overlaps component Disarmament" in answer.json()["message"]
    assert list(programme.components.values_list("name", flat=True)) == ["Disarmament"]


def test_funding_cell_totals_per_currency_what_the_user_may_read(world, threew, api_as):
    dpko = Organisation.objects.get(acronym="DPKO")
    mptf = Organisation.objects.create(name="Multi-Partner Trust Fund Office", acronym="MPTF", kind="un_agency")
    common = {"country": world.chad, "start_date": dt.date(2009, 1, 1), "end_date": dt.date(2009, 12, 31)}
    FundingStream.objects.create(kind="assessed", source=dpko, amount=3000000, currency="USD", **common)
    FundingStream.objects.create(kind="mdtf", source=threew["acf"], channel=mptf, amount=500000, currency="EUR",
                                 **common)
    FundingStream.objects.create(kind="voluntary", source=threew["acf"], amount=70000, currency="USD",
                                 owning_mission=world.unamid, classification=Classification.CONFIDENTIAL, **common)
    cell = api_as(world.users["minurcat"]).get("/api/v1/funding-streams/cell/", {"country": "TCD"}).json()
    assert cell["streams"] == 2
    assert cell["by_kind"] == {"assessed": {"USD": "3000000.00"}, "mdtf": {"EUR": "500000.00"}}
    assert cell["by_channel"]["Multi-Partner Trust Fund Office"] == {"EUR": "500000.00"}
    assert api_as(world.users["unamid"]).get("/api/v1/funding-streams/cell/", {"country": "TCD"}).json()[
        "by_kind"]["voluntary"] == {"USD": "70000.00"}
    assert api_as(world.users["minurcat"]).get("/api/v1/funding-streams/cell/").status_code == 400


def test_integration_assessments_through_the_api(world, threew, api_as):
    payload = {"mission": "MINURCAT", "sector": "HUM", "model": "separate",
               "reason": "Humanitarian actors keep their distance from the military (seed 003 §2.5)."}
    assert api_as(world.users["minurcat"]).post("/api/v1/integration-assessments/", payload,
                                                format="json").status_code == 403
    assert api_as(world.users["admin"]).post("/api/v1/integration-assessments/", payload,
                                             format="json").status_code == 201
    payload["sector"] = "HEA"  # a cluster, not a mission sector of the matrix
    assert api_as(world.users["admin"]).post("/api/v1/integration-assessments/", payload,
                                             format="json").status_code == 400


def test_by_area_counts_organisations_once_per_province_and_sector(world, threew, api_as):
    other = Organisation.objects.create(name="Médecins Sans Frontières", acronym="MSF", kind="ngo")
    assoungha = AdminArea.objects.get(pcode="TD1401")
    Activity.objects.create(organisation=other, sector=Sector.objects.get(code="HEA"), country=world.chad,
                            admin_area=assoungha, beneficiaries_reached=300)
    Activity.objects.create(organisation=threew["acf"], sector=Sector.objects.get(code="HEA"), country=world.chad,
                            admin_area=assoungha, beneficiaries_reached=5)
    client = api_as(world.users["minurcat"])
    table = client.get("/api/v1/activities/by-area/", {"country": "TCD", "sector": "HEA"}).json()
    assert table == [{"pcode": "TD14", "name": "Ouaddai", "sector": "HEA", "organisations": 2, "activities": 3,
                      "reached": 1505}]  # UNAMID's hidden health row is not counted
    by_territory = client.get("/api/v1/activities/by-area/", {"country": "TCD", "level": 2}).json()
    assert {(r["pcode"], r["sector"]) for r in by_territory} == {("TD1401", "HEA"), ("", "PRO-CPN"), ("", "DDR")}
    assert client.get("/api/v1/activities/by-area/", {"country": "Chad"}).status_code == 400
