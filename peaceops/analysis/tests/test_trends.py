"""Trends, PRIO-GRID cells and the hotspot test (pure: no database)."""

import datetime as dt
import math

import numpy as np
import pytest

from peaceops.analysis import trends
from peaceops.analysis.frame import IncidentFrame


def test_prio_grid_cells_number_from_the_south_west_corner_as_ucdp_does():
    lat = np.array([-89.75, -89.75, 89.75, 5.25, np.nan])
    lon = np.array([-179.75, -179.25, 179.75, 20.1, 20.0])
    assert trends.prio_grid_gid(lat, lon).tolist() == [1, 2, 259200, 190 * 720 + 400 + 1, 0]


def test_periods_are_calendar_months_and_iso_weeks():
    days = np.array(["2020-01-31", "2020-02-01", "2020-03-02"], dtype="datetime64[D]")
    months = trends.period_of(days, "month")
    assert months[1] - months[0] == 1
    assert trends.period_start(int(months[2]), "month") == dt.date(2020, 3, 1)
    weeks = trends.period_of(days, "week")
    assert trends.period_start(int(weeks[2]), "week") == dt.date(2020, 3, 2)  # a Monday
    assert trends.last_complete_period(dt.date(2020, 3, 31), "month") == months[2]
    assert trends.last_complete_period(dt.date(2020, 3, 30), "month") == months[1]
    with pytest.raises(ValueError, match="fortnight"):
        trends.period_of(days, "fortnight")


def frame():
    rows = [
        dict(id=1, start_date=dt.date(2020, 1, 5), country="CAF", admin1="Ouaka", category="armed_clash",
             deaths_best=3, actors=[(1, "UPC", "other")], missions=[1], latitude=6.1, longitude=20.6),
        dict(id=2, start_date=dt.date(2020, 1, 20), country="CAF", admin1="Ouaka", category="attack_on_civilians",
             deaths_best=2, actors=[(1, "UPC", "other"), (2, "anti-Balaka", "other")], missions=[1]),
        dict(id=3, start_date=dt.date(2020, 3, 1), country="CAF", admin1="Vakaga", category="armed_clash",
             deaths_best=1, missions=[1, 2], latitude=10.3, longitude=22.8),
        # happened in March, reported in May: absent from an as-of in April
        dict(id=4, start_date=dt.date(2020, 3, 10), report_date=dt.date(2020, 5, 2), country="CAF",
             admin1="Ouaka", category="armed_clash", deaths_best=10, missions=[1]),
    ]
    return IncidentFrame.from_records(rows)


def test_counts_and_fatalities_per_month_by_category():
    table = trends.trend_table(frame(), dt.date(2020, 4, 15), unit="admin1", grouping="category")
    assert table.periods == (dt.date(2020, 1, 1), dt.date(2020, 2, 1), dt.date(2020, 3, 1), dt.date(2020, 4, 1))
    rows = {(r.unit, r.group): r for r in table.rows}
    assert rows[("CAF / Ouaka", "armed_clash")].counts == (1, 0, 0, 0)
    assert rows[("CAF / Ouaka", "attack_on_civilians")].deaths == (2, 0, 0, 0)
    assert rows[("CAF / Vakaga", "armed_clash")].counts == (0, 0, 1, 0)


def test_a_later_report_appears_once_the_as_of_reaches_it():
    april = trends.trend_table(frame(), dt.date(2020, 4, 15), unit="country")
    may = trends.trend_table(frame(), dt.date(2020, 5, 15), unit="country")
    assert april.rows[0].deaths[2] == 1 and may.rows[0].deaths[2] == 11


def test_by_actor_mission_and_grid():
    by_actor = trends.trend_table(frame(), dt.date(2020, 4, 15), unit="country", grouping="actor")
    assert {r.group: sum(r.counts) for r in by_actor.rows} == {"UPC": 2, "anti-Balaka": 1, "": 1}
    by_mission = trends.trend_table(frame(), dt.date(2020, 4, 15), unit="mission")
    assert {r.unit: sum(r.counts) for r in by_mission.rows} == {"1": 3, "2": 1}
    by_region = trends.trend_table(frame(), dt.date(2020, 4, 15), unit="region",
                                   regions_of_mission={1: ["Central Africa"], 2: ["Central Africa", "Sudan"]})
    assert {r.unit: sum(r.counts) for r in by_region.rows} == {"Central Africa": 3, "Sudan": 1}
    by_cell = trends.trend_table(frame(), dt.date(2020, 4, 15), unit="grid")
    assert sum(sum(r.counts) for r in by_cell.rows) == 2  # one incident has no coordinates


def test_poisson_and_negative_binomial_tails_match_direct_sums():
    for k, mean in [(0, 2.0), (1, 0.1), (5, 2.0), (30, 3.0)]:
        direct = 1 - sum(math.exp(-mean) * mean ** i / math.factorial(i) for i in range(k))
        assert trends.poisson_upper_tail(k, mean) == pytest.approx(direct, rel=1e-6, abs=1e-15)
    # variance > mean: a heavier tail than the Poisson of the same mean
    assert trends.negative_binomial_upper_tail(10, 3.0, 12.0) > 10 * trends.poisson_upper_tail(10, 3.0)
    assert trends.negative_binomial_upper_tail(10, 3.0, 2.0) == trends.poisson_upper_tail(10, 3.0)
    assert 0 < trends.poisson_upper_tail(100, 1.0) < 1e-150  # summed from the tail: no 1 - 1 = 0


def test_benjamini_hochberg_adjusts_in_input_order():
    q = trends.benjamini_hochberg([0.01, 0.04, 0.03, 0.5])
    assert q.tolist() == pytest.approx([0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5], rel=1e-9)


def monthly(counts, admin1, start_id):
    rows, id_ = [], start_id
    for month, count in enumerate(counts):
        for n in range(count):
            rows.append(dict(id=id_, start_date=dt.date(2019 + month // 12, month % 12 + 1, 1 + n % 27),
                             country="CAF", admin1=admin1, category="armed_clash"))
            id_ += 1
    return rows


def test_hotspots_flag_a_spike_against_the_areas_own_history_only():
    steady = monthly([4, 5, 3, 4, 6, 4, 5, 3, 4, 5, 4, 5], "Bangui", 1)  # a busy area at its usual level
    spike = monthly([0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 9], "Vakaga", 1000)  # a quiet area, then 9
    young = monthly([0] * 9 + [1, 0, 12], "Haute-Kotto", 2000)  # too little history to test
    found = {h.unit: h for h in trends.hotspots(IncidentFrame.from_records(steady + spike + young),
                                                dt.date(2019, 12, 31))}
    assert found["CAF / Vakaga"].is_hotspot and found["CAF / Vakaga"].count == 9
    assert not found["CAF / Bangui"].is_hotspot
    assert "CAF / Haute-Kotto" not in found
    assert found["CAF / Vakaga"].period == dt.date(2019, 12, 1)
    # on 30 December December is not complete: November is the period tested
    assert all(h.period == dt.date(2019, 11, 1) for h in trends.hotspots(
        IncidentFrame.from_records(steady + spike), dt.date(2019, 12, 30)))
