"""Mission areas of responsibility: who may define them, what is refused, and incidents that follow them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from peaceops.accounts.access import SYSTEM
from peaceops.core.errors import Denied
from peaceops.incidents.membership import reassign_incidents
from peaceops.incidents.models import AreaMembershipChange, AreaReassignment, Incident
from peaceops.registry.models import AdminArea, MissionArea
from peaceops.registry.services_areas import mission_area_create, mission_area_end, mission_area_update
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


def box(west, south, east, north):
    return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north],
                                                [west, south]]]}


@pytest.fixture
def darfur_states(world):
    north = AdminArea.objects.create(pcode="SD-ND", name="North Darfur", level=1, country=world.sudan,
                                     geometry=box(22, 13, 27, 16))
    south = AdminArea.objects.create(pcode="SD-SD", name="South Darfur", level=1, country=world.sudan,
                                     geometry=box(22, 10, 27, 13))
    return north, south


def incident(world, lon, lat, day=dt.date(2009, 6, 8), country=None):
    return Incident.objects.create(start_date=day, end_date=day, latitude=lat, longitude=lon,
                                   country=country or world.sudan, category="armed_clash",
                                   owning_mission=world.unamid)


def test_an_area_from_pcodes_takes_the_incidents_it_covers_and_records_the_move(world, darfur_states):
    inside, outside = incident(world, 25.35, 13.63), incident(world, 28.4, 4.57)
    reassign_incidents(SYSTEM, "before any area: the host-country rule")
    assert list(outside.missions.values_list("acronym", flat=True)) == ["UNAMID"]
    area = mission_area_create(SYSTEM, world.unamid, name="Darfur", valid_from=dt.date(2007, 7, 31),
                               pcodes=["SD-ND", "SD-SD"], source="seed 000 app. 1")
    assert set(area.admin_areas.values_list("pcode", flat=True)) == {"SD-ND", "SD-SD"}
    assert list(inside.missions.values_list("acronym", flat=True)) == ["UNAMID"]
    assert not outside.missions.exists()  # before the area, the host-country rule had put it in UNAMID's
    record = AreaReassignment.objects.first()  # the latest
    assert (record.examined, record.added, record.removed) == (2, 0, 1)
    assert record.reason == "area UNAMID: Darfur defined"
    assert AreaMembershipChange.objects.filter(incident=outside, mission=world.unamid, added=False).exists()


def test_ending_an_area_hands_later_incidents_back_to_the_host_country_rule(world, darfur_states):
    area = mission_area_create(SYSTEM, world.unamid, name="Darfur", valid_from=dt.date(2007, 7, 31), pcodes=["SD-ND"])
    late = incident(world, 28.4, 4.57, day=dt.date(2012, 1, 1))
    late.missions.clear()
    mission_area_end(SYSTEM, area, dt.date(2010, 12, 31))
    assert list(late.missions.values_list("acronym", flat=True)) == ["UNAMID"]
    assert area.history.first().valid_to == dt.date(2010, 12, 31)  # the change is kept in the area's history
    assert area.history.filter(valid_to__isnull=True).exists()


def test_a_polygon_that_does_not_close_is_refused_naming_the_field(world):
    ring = box(20, 10, 22, 12)
    ring["coordinates"][0].pop()
    with pytest.raises(ValidationError) as error:
        mission_area_create(SYSTEM, world.minurcat, name="East", valid_from=dt.date(2008, 1, 1), geometry=ring)
    assert "geometry" in error.value.message_dict and "does not close" in str(error.value)
    assert not MissionArea.objects.exists()


def test_an_area_ending_before_it_starts_is_refused(world):
    with pytest.raises(ValidationError) as error:
        mission_area_create(SYSTEM, world.minurcat, name="East", valid_from=dt.date(2009, 1, 1),
                            valid_to=dt.date(2008, 1, 1), geometry=box(20, 10, 22, 12))
    assert "valid_to" in error.value.message_dict


def test_overlapping_areas_of_one_mission_in_the_same_period_are_refused(world):
    mission_area_create(SYSTEM, world.minurcat, name="East", valid_from=dt.date(2008, 1, 1),
                        geometry=box(20, 10, 22, 12))
    with pytest.raises(ValidationError) as error:
        mission_area_create(SYSTEM, world.minurcat, name="Also east", valid_from=dt.date(2009, 1, 1),
                            geometry=box(21, 11, 23, 13))
    assert "East" in str(error.value) and "geometry" in error.value.message_dict
    # The same shape after the first area ended is a new period, not an overlap.
    first = MissionArea.objects.get(name="East")
    mission_area_end(SYSTEM, first, dt.date(2008, 12, 31))
    mission_area_create(SYSTEM, world.minurcat, name="Also east", valid_from=dt.date(2009, 1, 1),
                        geometry=box(21, 11, 23, 13))


def test_unknown_pcodes_are_named(world):
    with pytest.raises(ValidationError) as error:
        mission_area_create(SYSTEM, world.unamid, name="Darfur", valid_from=dt.date(2008, 1, 1), pcodes=["XX-1"])
    assert "XX-1" in str(error.value) and "admin_areas" in error.value.message_dict


def test_a_sector_must_lie_in_an_area_of_its_own_mission(world):
    area = mission_area_create(SYSTEM, world.minurcat, name="East", valid_from=dt.date(2008, 1, 1),
                               geometry=box(20, 10, 22, 12))
    mission_area_create(SYSTEM, world.minurcat, name="Sector South", kind=MissionArea.Kind.SECTOR, parent=area,
                        valid_from=dt.date(2008, 1, 1), geometry=box(20, 10, 22, 11))
    with pytest.raises(ValidationError) as error:
        mission_area_create(SYSTEM, world.minurcat, name="Far", kind=MissionArea.Kind.SECTOR, parent=area,
                            valid_from=dt.date(2008, 1, 1), geometry=box(30, 0, 32, 2))
    assert "geometry" in error.value.message_dict


def test_only_a_registry_editor_of_the_mission_defines_its_area(world, darfur_states):
    editor = make_user("registrar", "administrator", mission=world.unamid)
    with pytest.raises(Denied):
        mission_area_create(world.users["minurcat"], world.unamid, name="Darfur", valid_from=dt.date(2008, 1, 1),
                            pcodes=["SD-ND"])
    with pytest.raises(Denied):  # an administrator of UNAMID is not one of MINURCAT
        mission_area_create(editor, world.minurcat, name="East", valid_from=dt.date(2008, 1, 1),
                            geometry=box(20, 10, 22, 12))
    area = mission_area_create(editor, world.unamid, name="Darfur", valid_from=dt.date(2008, 1, 1), pcodes=["SD-ND"])
    with pytest.raises(Denied):
        mission_area_update(world.users["unamid"], area, name="Renamed")  # an officer edits incidents, not areas
    assert area.history.first().history_user == editor


def test_maps_show_admin_areas_and_the_mission_areas_of_the_day(world, darfur_states):
    from peaceops.web.selectors import map_features

    mission_area_create(SYSTEM, world.unamid, name="Darfur", valid_from=dt.date(2007, 7, 31),
                        valid_to=dt.date(2010, 12, 31), pcodes=["SD-ND", "SD-SD"])
    kinds = [(f["properties"]["kind"], f["properties"].get("name")) for f in
             map_features([world.unamid.pk], dt.date(2009, 6, 30))["features"]]
    assert ("admin", "North Darfur") in kinds and ("area", "Darfur") in kinds
    later = map_features([world.unamid.pk], dt.date(2011, 1, 1))["features"]
    assert not [f for f in later if f["properties"]["kind"] == "area"]  # ended: not drawn


def test_the_api_lists_areas_to_signed_in_users_and_refuses_writes(world, client):
    mission_area_create(SYSTEM, world.minurcat, name="East", valid_from=dt.date(2008, 1, 1),
                        geometry=box(20, 10, 22, 12))
    assert client.get("/api/v1/mission-areas/").status_code in (401, 403)  # not signed in
    client.force_login(world.users["unamid"])
    body = client.get("/api/v1/mission-areas/?mission__acronym=MINURCAT").json()
    rows = body["results"] if isinstance(body, dict) else body
    assert [(r["mission"], r["name"], r["kind"]) for r in rows] == [("MINURCAT", "East", "area")]
    client.force_login(world.users["admin"])
    answer = client.post("/api/v1/mission-areas/", {"name": "x"}, content_type="application/json")
    assert answer.status_code == 405 and MissionArea.objects.count() == 1
