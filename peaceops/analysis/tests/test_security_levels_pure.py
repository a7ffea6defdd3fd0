"""The border divergence check (pure, no database)."""

import datetime as dt

from peaceops.analysis.security_levels import (
    Area,
    IncidentPoint,
    LevelSpan,
    adjacent,
    border_pairs,
    borders_on,
    divergences,
    unreadable_across,
)

CHAD = Area("country:TCD", "Chad", "TCD")
SUDAN = Area("country:SDN", "Sudan", "SDN")
CONGO = Area("country:COD", "DR Congo", "COD")
SQUARE_A = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
SQUARE_B = {"type": "Polygon", "coordinates": [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]]}
SQUARE_FAR = {"type": "Polygon", "coordinates": [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]]}


def span(record_id, area, mission, level, start, end=None, system="phase"):
    return LevelSpan(record_id, area, mission, system, level, start, end)


def test_phases_iv_and_iii_across_the_chad_sudan_border_diverge_with_evidence():
    # seed 000 §III.C.2: MINURCAT phase IV in eastern Chad, UNAMID phase III across the border
    spans = [span(1, CHAD, 10, 4, dt.date(2008, 2, 1)), span(2, SUDAN, 20, 3, dt.date(2008, 6, 1), dt.date(2009, 1, 1))]
    incidents = [IncidentPoint(100, "country:TCD", dt.date(2008, 5, 1)),
                 IncidentPoint(101, "country:SDN", dt.date(2008, 7, 1)),
                 IncidentPoint(102, "country:SDN", dt.date(2009, 6, 1))]
    [found] = divergences(spans, incidents)
    assert found.start == dt.date(2008, 6, 1) and found.end == dt.date(2009, 1, 1) and found.difference == 1
    evidence = {found.first.area.country: found.evidence_first, found.second.area.country: found.evidence_second}
    assert evidence == {"TCD": (100,), "SDN": (101,)}


def test_no_divergence_within_one_mission_same_level_other_system_or_disjoint_periods():
    base = span(1, CHAD, 10, 4, dt.date(2008, 1, 1), dt.date(2008, 12, 31))
    assert divergences([base, span(2, SUDAN, 10, 3, dt.date(2008, 1, 1))]) == []
    assert divergences([base, span(2, SUDAN, 20, 4, dt.date(2008, 1, 1))]) == []
    assert divergences([base, span(2, SUDAN, 20, 3, dt.date(2008, 1, 1), system="level")]) == []
    assert divergences([base, span(2, SUDAN, 20, 3, dt.date(2009, 1, 1))]) == []


def test_countries_without_a_common_border_are_not_compared():
    assert not adjacent(CHAD, CONGO)
    assert divergences([span(1, CHAD, 10, 4, dt.date(2008, 1, 1)), span(2, CONGO, 20, 2, dt.date(2008, 1, 1))]) == []


def test_shapes_decide_adjacency_when_both_areas_have_one():
    west, east = Area("admin:A", "West", "TCD", SQUARE_A), Area("admin:B", "East", "SDN", SQUARE_B)
    far = Area("admin:C", "Far", "SDN", SQUARE_FAR)
    assert adjacent(west, east) and not adjacent(west, far)
    assert not adjacent(west, Area("admin:D", "Same country", "TCD", SQUARE_B))


def test_on_a_date_keeps_only_the_levels_in_force():
    spans = [span(1, CHAD, 10, 4, dt.date(2008, 1, 1), dt.date(2008, 3, 1)), span(2, SUDAN, 20, 3, dt.date(2008, 1, 1))]
    assert divergences(spans, on=dt.date(2008, 2, 1))
    assert divergences(spans, on=dt.date(2008, 4, 1)) == []


def test_a_hidden_level_across_the_border_is_reported_without_its_value():
    chad = span(1, CHAD, 10, 4, dt.date(2009, 1, 1))
    sudan = span(2, SUDAN, 20, 3, dt.date(2009, 3, 1), dt.date(2009, 12, 31))
    [found] = unreadable_across([chad], [sudan], on=dt.date(2009, 6, 30))
    assert (found.side, found.other_area, found.other_mission_id) == (chad, SUDAN, 20)
    assert (found.start, found.end) == (dt.date(2009, 3, 1), dt.date(2009, 12, 31))
    assert not hasattr(found, "level")
    # not in force that day, another system, the same mission, no common border: nothing to report
    assert unreadable_across([chad], [sudan], on=dt.date(2010, 6, 30)) == []
    assert unreadable_across([chad], [span(2, SUDAN, 20, 3, dt.date(2009, 1, 1), system="level")]) == []
    assert unreadable_across([chad], [span(2, SUDAN, 10, 3, dt.date(2009, 1, 1))]) == []
    assert unreadable_across([chad], [span(2, CONGO, 20, 3, dt.date(2009, 1, 1))]) == []


def test_areas_along_a_missions_borders_and_pairs_that_can_be_compared():
    assert borders_on(SUDAN, [CHAD]) and borders_on(CHAD, [CHAD]) and not borders_on(CONGO, [CHAD])
    chad, sudan = span(1, CHAD, 10, 4, dt.date(2009, 1, 1)), span(2, SUDAN, 20, 4, dt.date(2009, 1, 1))
    assert border_pairs([chad, sudan]) == 1 and divergences([chad, sudan]) == []
    assert border_pairs([chad]) == 0
