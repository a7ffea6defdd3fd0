"""The coordination pages: each renders for a permitted reader and never shows what the reader may not read.

Records are made with the ORM over the shared ``world`` (MINURCAT in Chad, UNAMID in Sudan).
"""

import datetime as dt

import pytest
from django.urls import reverse

from peaceops.accounts.access import SYSTEM
from peaceops.coordination.models import Activity, FundingStream, Programme, Sector
from peaceops.coordination.services import integration_assessment_record, programme_component_create, sectors_ensure
from peaceops.core.classification import Classification
from peaceops.registry.models import AdminArea, Organisation

pytestmark = pytest.mark.django_db

PAGES = ("coordination:activities", "coordination:duplications", "coordination:funding", "coordination:integration",
         "coordination:gaps", "coordination:needs", "coordination:humanitarian")
THIS_YEAR = dt.date.today().year


def add_activity(world, org, sector, area, **extra):
    organisation, _ = Organisation.objects.get_or_create(name=org, defaults={"kind": "ngo"})
    fields = {"start_date": dt.date(THIS_YEAR, 1, 1), "end_date": dt.date(THIS_YEAR, 12, 31), "country": world.chad,
              "title": f"{org} {sector}"} | extra
    return Activity.objects.create(organisation=organisation, sector=Sector.objects.get(code=sector),
                                   admin_area=area, **fields)


def ddr_programme(world, name, **extra):
    """A DDR programme whose demobilisation runs on assessed money while reintegration has none (seed 003 §2.4.2)."""
    programme = Programme.objects.create(name=name, sector=Sector.objects.get(code="DDR"), **extra)
    demob = programme_component_create(user=SYSTEM, programme=programme, name="demobilisation", status="active",
                                       start_date=dt.date(THIS_YEAR, 1, 1), end_date=dt.date(THIS_YEAR, 6, 30))
    programme_component_create(user=SYSTEM, programme=programme, name="reintegration", start_date=dt.date(THIS_YEAR, 7, 1),
                               end_date=dt.date(THIS_YEAR + 1, 12, 31))
    FundingStream.objects.create(kind="assessed", source=Organisation.objects.get(acronym="DPKO"),
                                 programme=programme, component=demob, start_date=dt.date(THIS_YEAR, 1, 1),
                                 end_date=dt.date(THIS_YEAR, 12, 31), amount=2000000, currency="USD",
                                 country=extra.get("country"), owning_mission=extra.get("owning_mission"),
                                 classification=extra.get("classification", Classification.UNCLASSIFIED))
    return programme


@pytest.fixture
def coordination(world):
    """Duplicated DDR in Vakaga, a hidden UNAMID activity and programme, and integration assessments."""
    sectors_ensure()
    vakaga = AdminArea.objects.create(pcode="TD19", name="Vakaga-test", level=1, country=world.chad,
                                      centroid_lat=10.3, centroid_lon=22.6)
    darfur = AdminArea.objects.create(pcode="SD02", name="West Darfur", level=1, country=world.sudan)
    add_activity(world, "UNDP", "DDR", vakaga)
    add_activity(world, "MINURCAT DDR unit", "DDR", vakaga, owning_mission=world.minurcat)
    # UNAMID's confidential work: in Chad (so it would join the duplication) and in Sudan.
    add_activity(world, "UNAMID secret team", "DDR", vakaga, owning_mission=world.unamid,
                 classification=Classification.CONFIDENTIAL, title="Covert cantonment")
    add_activity(world, "UNAMID secret team", "PRO", darfur, country=world.sudan, owning_mission=world.unamid,
                 classification=Classification.CONFIDENTIAL, title="Covert protection")
    ddr_programme(world, "DDR Vakaga", country=world.chad, owning_mission=world.minurcat)
    ddr_programme(world, "UNAMID hidden DDR", country=world.chad, owning_mission=world.unamid,
                  classification=Classification.CONFIDENTIAL)
    admin = world.users["admin"]
    integration_assessment_record(user=admin, mission=world.minurcat, sector_code="DDR", model="separate",
                                  reason="Run by UNDP and the government")
    integration_assessment_record(user=admin, mission=world.minurcat, sector_code="HUM", model="full")
    integration_assessment_record(user=admin, mission=world.unamid, sector_code="SSR", model="partial",
                                  reason="UNAMID confidential reason", classification=Classification.CONFIDENTIAL)
    return world


def get(client, name, **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200, name
    return response.content.decode()


def test_pages_need_a_login(client):
    for name in (*PAGES, "coordination:upload"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_who_does_what_where_table_map_and_export_link(coordination, client):
    client.force_login(coordination.users["minurcat"])
    page = get(client, "coordination:activities", country="TCD")
    assert "UNDP" in page and "MINURCAT DDR unit" in page
    assert "Vakaga-test" in page and '"pcode": "TD19"' in page  # the map's point at the area's centroid
    assert "/api/v1/activities/export/?country=TCD" in page
    filtered = get(client, "coordination:activities", country="TCD", sector="PRO")
    assert "UNDP DDR" not in filtered
    assert "Enter a valid date" in get(client, "coordination:activities", start="soon")


def test_duplications_list_the_finding_with_its_activities_and_source(coordination, client):
    client.force_login(coordination.users["minurcat"])
    page = get(client, "coordination:duplications")  # review period: the current year
    assert "DDR in TD19 (Vakaga-test)" in page
    assert "UNDP" in page and "MINURCAT DDR unit" in page and "seed 002" in page
    assert "No duplication" in get(client, "coordination:duplications", start="2001-01-01", end="2001-12-31")
    assert "Enter a valid date" in get(client, "coordination:duplications", start="soon")


def test_funding_cell_and_ddr_gap_warning(coordination, client):
    client.force_login(coordination.users["minurcat"])
    page = get(client, "coordination:funding", country="TCD")
    assert "Funding cell: TCD" in page
    assert "DDR Vakaga: demobilisation runs (paid from assessed) while reintegration has no funding" in page
    assert "2,000,000.00 USD" in page and "Assessed contributions" in page and "Multi-donor trust fund" in page
    assert "seed 003" in page


def test_integration_matrix_of_the_scope_with_advice(coordination, client):
    client.force_login(coordination.users["minurcat"])
    page = get(client, "coordination:integration")
    assert 'id="matrix-MINURCAT"' in page and "Run by UNDP and the government" in page
    assert "no reason recorded" in page  # the seeds' advice: form follows function
    assert "UNAMID" not in page


def test_a_minurcat_reader_never_sees_unamid_confidential_records(coordination, client):
    client.force_login(coordination.users["minurcat"])
    pages = [get(client, name) for name in PAGES]
    pages += [get(client, "coordination:activities", country="SDN"), get(client, "coordination:funding", country="TCD"),
              get(client, "coordination:funding", country="SDN")]
    for page in pages:
        for secret in ("UNAMID secret team", "Covert", "UNAMID hidden DDR", "UNAMID confidential reason",
                       "4000000"):
            assert secret not in page


def test_unamid_reader_sees_its_own_records(coordination, client):
    client.force_login(coordination.users["unamid"])
    assert "Covert protection" in get(client, "coordination:activities", country="SDN")
    assert "UNAMID hidden DDR: demobilisation runs" in get(client, "coordination:funding", country="TCD")
    assert "UNAMID confidential reason" in get(client, "coordination:integration")


def test_a_user_without_grants_sees_only_shared_reference_data(coordination, client):
    client.force_login(coordination.users["nobody"])
    page = get(client, "coordination:activities", country="TCD")
    assert "UNDP" in page and "MINURCAT DDR unit" not in page
    assert "No mission in the current scope" in get(client, "coordination:integration")
    assert "DDR Vakaga" not in get(client, "coordination:funding", country="TCD")


def test_a_regional_reader_sees_every_mission_of_the_region(coordination, client):
    client.force_login(coordination.users["regional"])  # unclassified clearance over both missions
    client.post(reverse("web:choose-scope"), {"scope": f"region:{coordination.region.id}"})
    page = get(client, "coordination:integration")
    assert 'id="matrix-MINURCAT"' in page and 'id="matrix-UNAMID"' in page
    assert "UNAMID confidential reason" not in page
    for name in PAGES:
        get(client, name)
