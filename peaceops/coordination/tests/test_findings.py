"""The rules of coordination/rules.py fed with stored records: duplication, DDR funding gap, integration advice.

Each finding is computed from what the reader may see, so it never reveals a hidden record.
"""

import datetime as dt

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.coordination.models import Activity, FundingStream, Programme, Sector
from peaceops.coordination.services import integration_assessment_record, programme_component_create, sectors_ensure
from peaceops.core.classification import Classification
from peaceops.registry.models import AdminArea, Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def vakaga(world):
    sectors_ensure()
    province = AdminArea.objects.create(pcode="CF51", name="Vakaga", level=1, country=world.chad)
    birao = AdminArea.objects.create(pcode="CF511", name="Birao", level=2, country=world.chad, parent=province)
    return province, birao


def add(world, org, sector, area, start, end, **extra):
    organisation, _ = Organisation.objects.get_or_create(name=org, defaults={"kind": "ngo"})
    return Activity.objects.create(organisation=organisation, sector=Sector.objects.get(code=sector),
                                   country=world.chad, admin_area=area, start_date=start, end_date=end, **extra)


def test_two_actors_in_the_same_area_sector_and_period_are_a_duplication(world, vakaga, api_as):
    province, birao = vakaga
    a = add(world, "UNDP", "DDR", birao, dt.date(2009, 1, 1), dt.date(2009, 12, 31))
    b = add(world, "MINURCAT DDR unit", "DDR", province, dt.date(2009, 6, 1), None)  # province-wide, open
    add(world, "UNDP", "DDR", birao, dt.date(2009, 3, 1), dt.date(2009, 4, 1))  # the same actor twice: not one
    add(world, "UNICEF", "DDR", birao, dt.date(2010, 2, 1), dt.date(2010, 3, 1))  # after the others ended... b is open
    hidden = add(world, "UNAMID team", "DDR", birao, dt.date(2009, 1, 1), None, owning_mission=world.unamid,
                 classification=Classification.CONFIDENTIAL)
    found = api_as(world.users["minurcat"]).get("/api/v1/activities/duplications/", {"sector": "DDR"}).json()
    assert len(found) == 1
    assert a.id in found[0]["activity_ids"] and b.id in found[0]["activity_ids"]
    assert hidden.id not in found[0]["activity_ids"]
    assert "UNAMID team" not in found[0]["organisations"] and "UNDP" in found[0]["organisations"]
    assert "seed 002" in found[0]["source"]
    in_2009 = api_as(world.users["minurcat"]).get("/api/v1/activities/duplications/",
                                                  {"start": "2009-01-01", "end": "2009-12-31"}).json()
    assert "UNICEF" not in in_2009[0]["organisations"]
    assert api_as(world.users["minurcat"]).get("/api/v1/activities/duplications/",
                                               {"start": "soon"}).status_code == 400


def test_reintegration_unfunded_while_disarmament_runs_is_warned(world, vakaga, api_as):
    # seed 003 §2.4.2: DD paid from assessed contributions, R stalled for want of voluntary ones;
    # seed 000 III.C.4: DDR in Vakaga.
    ddr = Programme.objects.create(name="DDR Vakaga", sector=Sector.objects.get(code="DDR"), country=world.chad,
                                   owning_mission=world.minurcat)
    phases = [("disarmament", "active", dt.date(2009, 1, 1), dt.date(2009, 6, 30)),
              ("demobilisation", "planned", dt.date(2009, 7, 1), dt.date(2009, 12, 31)),
              ("reintegration", "planned", dt.date(2010, 1, 1), dt.date(2011, 12, 31))]
    components = {
        name: programme_component_create(
            user=SYSTEM, programme=ddr, name=name, status=status, start_date=start, end_date=end
        )
        for name, status, start, end in phases
    }
    dpko = Organisation.objects.get(acronym="DPKO")
    for name in ("disarmament", "demobilisation"):
        FundingStream.objects.create(
            kind="assessed",
            source=dpko,
            programme=ddr,
            component=components[name],
            start_date=dt.date(2009, 1, 1),
            end_date=dt.date(2009, 12, 31),
            amount=2000000,
            currency="USD",
            owning_mission=world.minurcat,
        )
    client = api_as(world.users["minurcat"])
    assert client.get("/api/v1/programmes/funding-gaps/").json()["warnings"] == []  # D funded, next D funded
    components["demobilisation"].status = "active"
    components["demobilisation"].save()
    body = client.get("/api/v1/programmes/funding-gaps/").json()
    [gap] = body["warnings"]
    assert (gap["running"], gap["unfunded"], gap["running_regimes"]) == (
        "demobilisation",
        "reintegration",
        ["assessed"],
    )
    assert "DDR Vakaga" in gap["message"] and body["errors"] == []
    assert api_as(world.users["unamid"]).get("/api/v1/programmes/funding-gaps/").json()["warnings"] == []


def test_integration_advice_on_the_mission_matrix(world, vakaga, api_as):
    admin = world.users["admin"]
    integration_assessment_record(user=admin, mission=world.minurcat, sector_code="HUM", model="full")
    integration_assessment_record(
        user=admin, mission=world.minurcat, sector_code="DDR", model="separate", reason="Run by UNDP and the government"
    )
    body = (
        api_as(world.users["minurcat"]).get("/api/v1/integration-assessments/advice/", {"mission": "MINURCAT"}).json()
    )
    assert [cell["sector_code"] for cell in body["matrix"]] == ["POL", "SEC", "DDR", "SSR", "ROL", "HR", "HUM", "DEV"]
    codes = {(a["code"], a["sector"]) for a in body["advice"]}
    assert ("form_follows_function", "humanitarian") in codes  # a level without a reason
    assert any(sector == "humanitarian" and code != "form_follows_function" for code, sector in codes)
    assert any(sector == "ddr" for code, sector in codes if code != "form_follows_function")
    assert api_as(world.users["minurcat"]).get("/api/v1/integration-assessments/advice/").status_code == 400
