"""The mission-area rule: host country plus mandate dates (pure, no database)."""

from datetime import date

from peaceops.incidents.areas import MissionAreas, MissionSpan, missions_for_incident

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
