"""The regional fusion view (seed 000 §IV.C.1): what a region's reader sees, and who sees nothing.

Chad and Sudan are drawn as two rectangles sharing the meridian 22°E; Ouaddaï and West Darfur run along it,
N'Djamena and North Kordofan do not. MINURCAT and UNAMID log incidents on both sides in June 2009.
"""

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from peaceops.analysis import fusion, selectors_fusion
from peaceops.analysis.early_warning import BorderContext, shared_borders
from peaceops.analysis.frame import IncidentFrame
from peaceops.analysis.models import SecurityLevel
from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident
from peaceops.notifications.models import InformationRequest
from peaceops.registry.models import Mission, Region
from peaceops.reports.models import ReportCadence
from peaceops.testing import make_user

AS_OF = dt.date(2009, 6, 30)


def _box(west, south, east, north) -> dict:
    return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north],
                                                [west, south]]]}


CHAD, SUDAN = _box(14, 8, 22, 16), _box(22, 8, 30, 16)


# --- pure ---------------------------------------------------------------------------------------------------

def test_area_names_match_across_spellings():
    assert fusion.area_key("Western Darfur") == fusion.area_key("West Darfur") == "west darfur"
    assert fusion.area_key("Ouaddaï") == fusion.area_key("OUADDAI region")
    assert fusion.area_key("Ouham-Pendé province") == "ouham pende"


def _borders(missions=None) -> BorderContext:
    return BorderContext(shared_borders({"TCD": CHAD, "SDN": SUDAN}),
                         missions or {"TCD": frozenset({1}), "SDN": frozenset({2})})


def _frame(rows) -> IncidentFrame:
    return IncidentFrame.from_records([{"id": i, "start_date": day, "report_date": reported or day, "country": country,
                                        "admin1": admin1, "latitude": lat, "longitude": lon}
                                       for i, (country, admin1, day, lat, lon, reported) in enumerate(rows, 1)])


JUNE = dt.date(2009, 6, 10)
BOTH_SIDES = [("TCD", "Ouaddaï", JUNE, 13.5, 21.5, None),  # 55 km from the border
              ("TCD", "Ouaddaï", JUNE, 13.5, 21.8, None),
              ("TCD", "N'Djamena", JUNE, 12.1, 15.0, None),  # 700 km away: not a border incident
              ("SDN", "West Darfur", JUNE, 13.4, 22.4, None)]


def test_counts_each_side_of_a_border_between_two_missions():
    [found] = fusion.border_activity(_frame(BOTH_SIDES), AS_OF, _borders())
    sides = {found.first.country: found.first, found.second.country: found.second}
    assert sides["TCD"].count == 2 and sides["TCD"].areas == (("Ouaddaï", 2),) and sides["TCD"].evidence_ids == (1, 2)
    assert sides["SDN"].count == 1 and sides["SDN"].mission_ids == (2,)
    assert (found.start, found.end) == (dt.date(2009, 6, 1), AS_OF)


def test_one_side_only_same_mission_outside_the_window_or_the_region_is_no_border_area():
    assert fusion.border_activity(_frame(BOTH_SIDES[:3]), AS_OF, _borders()) == []
    same = {"TCD": frozenset({1}), "SDN": frozenset({1})}
    assert fusion.border_activity(_frame(BOTH_SIDES), AS_OF, _borders(same)) == []
    assert fusion.border_activity(_frame(BOTH_SIDES), dt.date(2009, 8, 30), _borders()) == []  # 30 days on
    assert fusion.border_activity(_frame(BOTH_SIDES), AS_OF, _borders(), mission_ids={1}) == []  # Sudan not ours
    reported_later = [*BOTH_SIDES[:3], ("SDN", "West Darfur", JUNE, 13.4, 22.4, dt.date(2009, 7, 2))]
    assert fusion.border_activity(_frame(reported_later), AS_OF, _borders()) == []  # not known on the date


def test_an_area_along_the_border_counts_without_coordinates():
    far_but_along = [*BOTH_SIDES[:2], ("SDN", "West Darfur", JUNE, None, None, None),
                     ("SDN", "North Kordofan", JUNE, None, None, None)]
    assert fusion.border_activity(_frame(far_but_along), AS_OF, _borders()) == []  # no shapes: no place
    areas = fusion.areas_along(_borders(), {"SDN": [("Western Darfur", _box(22, 12, 24, 15)),
                                                    ("North Kordofan", _box(27, 12, 30, 15))]})
    assert areas[("SDN", "TCD")] == frozenset({"west darfur"})
    [found] = fusion.border_activity(_frame(far_but_along), AS_OF, _borders(), border_areas=areas)
    assert found.first.country == "SDN" and found.first.areas == (("West Darfur", 1),)  # sides by ISO3


# --- the view -----------------------------------------------------------------------------------------------

def _incident(mission, level, country, admin1, lat, lon, day=JUNE):
    return Incident.objects.create(owning_mission=mission, classification=level, category="armed_clash",
                                   status="verified", start_date=day, end_date=day, reported_on=day, country=country,
                                   admin1=admin1, latitude=lat, longitude=lon, location="near the border")


@pytest.fixture
def region_world(world):
    world.chad.geometry, world.sudan.geometry = CHAD, SUDAN
    world.chad.save()
    world.sudan.save()
    chad = [
        _incident(world.minurcat, Classification.CONFIDENTIAL, world.chad, "Ouaddaï", 13.5, 21.5 + i / 10)
        for i in range(2)
    ]
    sudan = _incident(world.unamid, Classification.CONFIDENTIAL, world.sudan, "West Darfur", 13.4, 22.4)
    secret = _incident(world.unamid, Classification.STRICTLY_CONFIDENTIAL, world.sudan, "West Darfur", 13.3, 22.3)
    for mission, country, level in ((world.minurcat, world.chad, 4), (world.unamid, world.sudan, 3)):
        SecurityLevel.objects.create(
            system="phase",
            level=level,
            country=country,
            valid_from=dt.date(2009, 1, 1),
            owning_mission=mission,
            source="seed 000 §III.C.2",
        )
    asked = InformationRequest.objects.create(
        requesting_mission=world.minurcat,
        owning_mission=world.unamid,
        alert_key="toward_border:SDN:West Darfur",
        evidence_ids=[sudan.pk],
    )
    ReportCadence.objects.create(region=world.region, kind="threat_assessment", first_quarter=dt.date(2009, 1, 1))
    caribbean = Region.objects.create(name="Caribbean")
    minustah = Mission.objects.create(
        acronym="MINUSTAH",
        name="UN Stabilization Mission in Haiti",
        kind=Mission.Kind.PEACEKEEPING,
        start_date=dt.date(2004, 6, 1),
    )
    minustah.regions.add(caribbean)
    world.users["fusion"] = make_user("fusion", "analyst", region=world.region, clearance=Classification.CONFIDENTIAL)
    world.users["caribbean"] = make_user(
        "caribbean", "analyst", region=caribbean, clearance=Classification.STRICTLY_CONFIDENTIAL
    )
    return {"world": world, "chad": chad, "sudan": sudan, "secret": secret, "request": asked, "caribbean": caribbean}


def test_the_region_reader_sees_every_block_as_far_as_they_may_read(region_world):
    world = region_world["world"]
    reader = world.users["fusion"]
    found = selectors_fusion.fusion_for(reader, selectors_fusion.region_for(reader, None), AS_OF)
    [border] = found.borders
    sides = {border.first.country: border.first, border.second.country: border.second}
    assert sides["TCD"].count == 2
    assert sides["SDN"].evidence_ids == (region_world["sudan"].pk,)  # the strictly confidential one is not counted
    assert [(d.first.level, d.second.level) for d in found.divergences] in ([(3, 4)], [(4, 3)])
    assert found.requests == [region_world["request"]]
    assert [row["label"] for row in found.late][:1] == ["Q1 2009 joint threat assessment"]
    everything = selectors_fusion.fusion_for(world.users["admin"], world.region, AS_OF)
    assert sum(b.total for b in everything.borders) == 4  # the system-wide reader counts the secret one too


def test_the_page_links_each_block_to_the_page_it_summarises(region_world, client):
    client.force_login(region_world["world"].users["fusion"])
    page = client.get("/analysis/fusion/", {"as_of": AS_OF.isoformat()})
    assert page.status_code == 200
    body = page.content.decode()
    for block, link in (
        ("fusion-alerts", "/analysis/?as_of=2009-06-30"),
        ("fusion-borders", "/incidents/?country=SDN&amp;start=2009-06-01&amp;end=2009-06-30"),
        ("fusion-levels", "/analysis/security-levels/?on=2009-06-30"),
        ("fusion-requests", f"/notifications/requests/{region_world['request'].pk}/"),
        ("fusion-late", "/reports/"),
    ):
        assert f'id="{block}"' in body and link in body, block
    assert "Q1 2009 joint threat assessment" in body


@pytest.mark.parametrize("who,status", [("minurcat", 403), ("unamid", 403), ("nobody", 403)])
def test_a_mission_only_reader_has_no_fusion_view(region_world, client, api_as, who, status):
    user = region_world["world"].users[who]
    client.force_login(user)
    assert client.get("/analysis/fusion/").status_code == status
    assert client.get("/analysis/fusion/", {"region": region_world["world"].region.pk}).status_code == status
    assert api_as(user).get("/api/v1/analysis/fusion/").status_code == status


def test_the_reader_of_another_region_sees_nothing_of_this_one(region_world, client, api_as):
    world, caribbean = region_world["world"], region_world["caribbean"]
    reader = world.users["caribbean"]
    client.force_login(reader)
    own = client.get("/analysis/fusion/")
    assert own.status_code == 200 and b"Caribbean" in own.content
    assert b"Central Africa" not in own.content and b"Ouadda" not in own.content and b"MINURCAT" not in own.content
    for asked in (world.region.pk, world.region.name):
        assert client.get("/analysis/fusion/", {"region": asked}).status_code == 404
        assert api_as(reader).get("/api/v1/analysis/fusion/", {"region": asked}).status_code == 404
    body = api_as(reader).get("/api/v1/analysis/fusion/").json()
    assert body["region"] == caribbean.name and body["borders"] == [] and body["open_requests"] == []
    assert body["late_products"] == [] and body["divergences"] == []


def test_the_api_and_the_cli_give_the_same_view(region_world, api_as):
    world = region_world["world"]
    answer = api_as(world.users["fusion"]).get(
        "/api/v1/analysis/fusion/", {"as_of": AS_OF.isoformat(), "region": world.region.name}
    )
    assert answer.status_code == 200
    out = io.StringIO()
    call_command(
        "analysis",
        "fusion",
        "--region",
        world.region.name,
        "--as-of",
        AS_OF.isoformat(),
        "--user",
        "fusion",
        "--json",
        stdout=out,
    )
    assert json.loads(out.getvalue()) == answer.json()
    assert answer.json()["open_requests"][0]["requesting_mission"] == "MINURCAT"
    assert (
        api_as(world.users["fusion"]).get("/api/v1/analysis/fusion/", {"as_of": "30/06/2009"}).json()["field"]
        == "as_of"
    )
    assert (
        api_as(world.users["fusion"]).get("/api/v1/analysis/fusion/", {"as_of": "0001-01-01"}).json()["field"]
        == "as_of"
    )
    assert (
        api_as(world.users["fusion"]).get("/api/v1/analysis/fusion/", {"region": "9" * 30}).status_code == 404
    )  # no such id, no overflow
    with pytest.raises(CommandError, match="--as-of"):
        call_command("analysis", "fusion", "--user", "fusion", "--as-of", "0001-01-01", stdout=io.StringIO())
    with pytest.raises(CommandError, match="cover a region"):
        call_command("analysis", "fusion", "--user", "minurcat", stdout=io.StringIO())
    with pytest.raises(CommandError, match="--region"):
        call_command("analysis", "fusion", "--user", "caribbean", "--region", world.region.name, stdout=io.StringIO())


def test_the_navigation_offers_the_view_only_to_readers_who_cover_a_region(region_world, client):
    world = region_world["world"]
    for who, offered in (
        ("fusion", True),
        ("admin", True),
        ("caribbean", True),
        ("minurcat", False),
        ("nobody", False),
    ):
        client.force_login(world.users[who])
        assert ('href="/analysis/fusion/"' in client.get("/").content.decode()) is offered, who


def test_the_page_in_french(region_world, client):
    client.force_login(region_world["world"].users["fusion"])
    client.post("/i18n/setlang/", {"language": "fr"})
    page = client.get("/analysis/fusion/", {"as_of": AS_OF.isoformat()}).content.decode()
    assert "Fusion régionale : Central Africa and Sudan" in page
    assert "Zones frontalières avec des incidents des deux côtés" in page
