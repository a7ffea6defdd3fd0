"""The mission-area rule: areas of responsibility over time, host country and mandate dates (pure)."""

from datetime import date

from peaceops.incidents.areas import AreaSpan, MissionAreas, MissionSpan, missions_for_incident

CHAD, CAR, SUDAN = 1, 2, 3
MINURCAT = MissionSpan(10, frozenset({CHAD, CAR}), date(2007, 9, 25), date(2010, 12, 31))
UNAMID = MissionSpan(20, frozenset({SUDAN}), date(2007, 7, 31), None)
MINUSCA = MissionSpan(30, frozenset({CAR}), date(2014, 4, 10), None)
AREAS = MissionAreas([MINURCAT, UNAMID, MINUSCA])


def test_incident_in_host_country_during_mandate_falls_in_area():
    assert AREAS.missions_for(CHAD, date(2009, 1, 1)) == [10]


def test_mandate_dates_are_inclusive_at_both_ends():
    assert AREAS.missions_for(CHAD, date(2007, 9, 25)) == [10]
    assert AREAS.missions_for(CHAD, date(2010, 12, 31)) == [10]
    assert AREAS.missions_for(CHAD, date(2011, 1, 1)) == []
    assert AREAS.missions_for(CHAD, date(2007, 9, 24)) == []


def test_open_ended_mission_covers_every_later_day():
    assert AREAS.missions_for(SUDAN, date(2030, 1, 1)) == [20]


def test_country_hosting_two_missions_over_time():
    assert AREAS.missions_for(CAR, date(2008, 6, 1)) == [10]
    assert AREAS.missions_for(CAR, date(2016, 6, 1)) == [30]


def test_no_country_or_no_mission_gives_empty_list():
    assert AREAS.missions_for(None, date(2009, 1, 1)) == []
    assert AREAS.missions_for(99, date(2009, 1, 1)) == []


def test_single_incident_helper_agrees():
    assert missions_for_incident([MINURCAT, MINUSCA], CAR, date(2008, 1, 1)) == [10]


# --- Mission areas of responsibility (polygons over time), the host country only as the fallback.

def _box(west, south, east, north):
    return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north],
                                                [west, south]]]}


UNMIS = MissionSpan(40, frozenset({SUDAN}), date(2005, 3, 24), None)
DARFUR = AreaSpan(20, _box(22, 10, 27, 16), date(2007, 7, 31), None, frozenset({"SD-DARFUR"}))
SOUTH = AreaSpan(40, _box(24, 3.5, 36, 10), date(2005, 3, 24), None)
EASTERN_CHAD = AreaSpan(10, _box(19, 10, 22, 16), date(2007, 9, 25), date(2009, 12, 31))
WITH_AREAS = MissionAreas([MINURCAT, UNAMID, UNMIS, MINUSCA], [DARFUR, SOUTH, EASTERN_CHAD])
DAY = date(2009, 6, 8)


def test_a_point_belongs_to_the_mission_whose_area_covers_it_not_to_every_host():
    assert WITH_AREAS.missions_for(SUDAN, DAY, longitude=25.35, latitude=13.63) == [20]  # El Fasher
    assert WITH_AREAS.missions_for(SUDAN, DAY, longitude=28.40, latitude=4.57) == [40]  # Yambio


def test_a_point_outside_every_area_of_its_host_missions_belongs_to_none():
    assert WITH_AREAS.missions_for(CHAD, DAY, longitude=15.05, latitude=12.11) == []  # N'Djamena


def test_host_country_is_the_fallback_only_on_days_with_no_area_defined():
    # MINURCAT's area ends in 2009; in 2010 it falls back to its host countries.
    assert WITH_AREAS.missions_for(CHAD, date(2010, 3, 1), longitude=15.05, latitude=12.11) == [10]
    assert WITH_AREAS.missions_for(CAR, DAY, longitude=18.56, latitude=4.39) == []  # Bangui: area elsewhere
    assert WITH_AREAS.missions_for(CAR, date(2016, 1, 1), longitude=18.56, latitude=4.39) == [30]


def test_no_point_falls_back_to_host_countries_and_a_pcode_places_it():
    assert WITH_AREAS.missions_for(SUDAN, DAY) == [20, 40]  # a country-wide report concerns both
    assert WITH_AREAS.missions_for(SUDAN, DAY, pcodes=("SD-NDARFUR", "SD-DARFUR")) == [20]


def test_area_outside_the_mandate_dates_holds_nothing():
    early = AreaSpan(10, _box(19, 10, 22, 16), date(2000, 1, 1), None)
    index = MissionAreas([MINURCAT], [early])
    assert index.missions_for(CHAD, date(2005, 1, 1), longitude=20.8, latitude=13.8) == []


def test_batch_assignment_agrees_with_one_by_one():
    points = [(SUDAN, DAY, 25.35, 13.63), (SUDAN, DAY, 28.40, 4.57), (CHAD, DAY, 15.05, 12.11),
              (CHAD, date(2010, 3, 1), 20.83, 13.83), (SUDAN, DAY, None, None), (None, DAY, 25.0, 12.0),
              (CHAD, DAY, 22.0, 13.0)]  # on the Chad/Darfur line: both areas' edge tolerance
    pairs = WITH_AREAS.assign(*zip(*points, strict=True))
    for row, (country, day, lon, lat) in enumerate(points):
        one = WITH_AREAS.missions_for(country, day, longitude=lon, latitude=lat)
        assert sorted(m for r, m in pairs if r == row) == one
    assert sorted(m for r, m in pairs if r == 6) == [10, 20]
