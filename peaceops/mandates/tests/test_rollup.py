"""The pure roll-up: area and period rules, progress, caps, trend, RAG and readiness (no database)."""

import numpy as np
import pytest

from peaceops.mandates.rollup import (
    Indicators,
    Totals,
    area_values,
    month_index,
    rag,
    readiness,
    rollup,
    trend_of,
    trend_word,
)


def _indicators(rows):
    return Indicators.from_rows(rows)


def _totals(rows):
    columns = list(zip(*rows, strict=True))
    return Totals(*(np.array(c, dtype=np.int64 if n < 2 else float) for n, c in enumerate(columns)))


BASE = month_index(2010, 1)


def test_area_rules_and_pooled_ratio():
    indicators = _indicators([
        {"id": 1, "kind": "number", "area_rule": "sum", "period_rule": "last", "baseline": 0, "target": 10,
         "benchmark": 0},
        {"id": 2, "kind": "number", "area_rule": "mean", "period_rule": "last", "baseline": 0, "target": 10,
         "benchmark": 0},
        {"id": 3, "kind": "ratio", "area_rule": "mean", "period_rule": "last", "baseline": 0, "target": 1,
         "benchmark": 0},
    ])
    # indicator, period, areas, sum, min, max, numerator sum, denominator sum
    totals = _totals([(0, BASE, 2, 8, 3, 5, np.nan, np.nan), (1, BASE, 4, 8, 1, 3, np.nan, np.nan),
                      (2, BASE, 2, 1.5, 0.5, 1, 3, 4)])
    assert area_values(indicators, totals).tolist() == [8, 2, 0.75]


def test_period_rules_progress_and_rollup_means():
    indicators = _indicators([
        {"id": 1, "kind": "number", "area_rule": "sum", "period_rule": "last", "baseline": 0, "target": 10,
         "benchmark": 0},
        {"id": 2, "kind": "number", "area_rule": "sum", "period_rule": "sum", "baseline": 0, "target": 10,
         "benchmark": 1},
        {"id": 3, "kind": "number", "area_rule": "sum", "period_rule": "mean", "baseline": 100, "target": 50,
         "benchmark": 1},  # should fall: 100 -> 50
    ])
    totals = _totals([(0, BASE, 1, 4, 4, 4, np.nan, np.nan), (0, BASE + 1, 1, 20, 20, 20, np.nan, np.nan),
                      (1, BASE, 1, 2, 2, 2, np.nan, np.nan), (1, BASE + 2, 1, 3, 3, 3, np.nan, np.nan),
                      (2, BASE, 1, 80, 80, 80, np.nan, np.nan), (2, BASE + 1, 1, 60, 60, 60, np.nan, np.nan)])
    result = rollup(indicators, totals, BASE, BASE + 2, np.array([0, 0]), np.array([0]), 1)
    assert result.value.tolist() == [20, 5, 70]
    assert result.progress.tolist() == pytest.approx([2.0, 0.5, 0.6])
    # benchmark 0 capped at 1; benchmark 1 = mean(0.5, 0.6); output and objective = mean of benchmarks
    assert result.benchmark_progress.tolist() == pytest.approx([1.0, 0.55])
    assert result.objective_progress.tolist() == pytest.approx([0.775])
    assert rag(result.objective_progress[0]) == "green"
    assert rag(0.5) == "amber" and rag(0.1) == "red" and rag(float("nan")) == "grey"


def test_trend_is_in_share_of_the_distance_and_ignores_gaps():
    series = np.array([[0, np.nan, 2, 3, np.nan, 5], [5, 4, 3, 2, 1, 0], [np.nan] * 5 + [1]])
    trend = trend_of(series, np.zeros(3), np.array([10, 10, 10]))
    assert trend[0] == pytest.approx(0.1) and trend[1] == pytest.approx(-0.1) and np.isnan(trend[2])
    assert trend_word(trend[0]) == "improving" and trend_word(trend[1]) == "worsening"


def test_no_measurement_or_target_gives_grey():
    indicators = _indicators([{"id": 1, "kind": "number", "area_rule": "sum", "period_rule": "last",
                               "baseline": 0, "target": None, "benchmark": 0}])
    totals = _totals([(0, BASE, 1, 4, 4, 4, np.nan, np.nan)])
    result = rollup(indicators, totals, BASE, BASE, np.array([0]), np.array([0]), 1)
    assert np.isnan(result.progress[0]) and rag(result.objective_progress[0]) == "grey"


def test_readiness_leaves_out_benchmarks_of_mission_activity():
    # seed 004 §6.5: national capacity counts, mission activity does not
    assert readiness([(0.5, False), (1.0, True), (1.5, False)]) == pytest.approx(0.75)
    assert readiness([(1.0, True)]) is None
