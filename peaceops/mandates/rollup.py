"""The roll-up of indicator measurements to benchmarks, outputs and objectives (seed 004 ch. 3-6).

Pure: numpy, no Django.

Input: one row per indicator and period with the areas already folded (sum, min, max, count, and for ratios the
sums of numerators and denominators: the ``PeriodTotal`` rows). Steps, each vectorised over all indicators:

1. areas -> one value per indicator and period, by the indicator's area rule (sum, mean, min, max); a ratio is
   always the pooled ratio sum(numerators) / sum(denominators), whatever the rule (a mean of ratios over areas
   of different sizes would weigh a village like a province);
2. periods of the assessment window -> one value, by the period rule (latest, sum, mean, max);
3. progress = (value - baseline) / (target - baseline), the share of the way from baseline to target (it works
   for indicators that should fall: the target is then below the baseline);
4. benchmark = mean of its indicators' progress, output = mean of its benchmarks, objective = mean of its
   outputs (each capped to 0..1 first so that one overshoot does not hide a failure elsewhere);
5. trend = least-squares slope over the last ``TREND_PERIODS`` periods, in share of the baseline-to-target
   distance per period (positive: moving toward the target);
6. red / amber / green by ``RAG_RULE`` (shown on every page with the colour).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TREND_PERIODS = 6
GREEN_FROM, AMBER_FROM = 0.75, 0.40
RAG_RULE = (f"green: at least {GREEN_FROM:.0%} of the way from baseline to target; amber: at least "
            f"{AMBER_FROM:.0%}; red: less; grey: no measurement or no target")
AREA_RULES = ("sum", "mean", "min", "max")
PERIOD_RULES = ("last", "sum", "mean", "max")


def month_index(year: int, month: int) -> int:
    """Months since year 0: the period axis of every array here."""
    return year * 12 + month - 1


@dataclass(frozen=True)
class Indicators:
    """One entry per indicator, in the order of the arrays (parallel sequences)."""

    ids: np.ndarray
    is_ratio: np.ndarray  # bool
    area_rule: np.ndarray  # index into AREA_RULES
    period_rule: np.ndarray  # index into PERIOD_RULES
    baseline: np.ndarray  # float, NaN when none
    target: np.ndarray  # float, NaN when none
    benchmark: np.ndarray  # index of the indicator's benchmark (0..n_benchmarks-1)

    @classmethod
    def from_rows(cls, rows: list[dict]) -> Indicators:
        """rows: dicts with id, kind, area_rule, period_rule, baseline, target, benchmark (an index)."""
        def floats(key):
            return np.array([np.nan if row[key] is None else float(row[key]) for row in rows], dtype=float)
        return cls(
            ids=np.array([row["id"] for row in rows], dtype=np.int64),
            is_ratio=np.array([row["kind"] == "ratio" for row in rows], dtype=bool),
            area_rule=np.array([AREA_RULES.index(row["area_rule"]) for row in rows], dtype=np.int8),
            period_rule=np.array([PERIOD_RULES.index(row["period_rule"]) for row in rows], dtype=np.int8),
            baseline=floats("baseline"), target=floats("target"),
            benchmark=np.array([row["benchmark"] for row in rows], dtype=np.int64),
        )


@dataclass(frozen=True)
class Totals:
    """Parallel arrays, one entry per (indicator position, period) that has measurements."""

    indicator: np.ndarray  # position in Indicators
    period: np.ndarray  # month_index
    areas: np.ndarray
    value_sum: np.ndarray
    value_min: np.ndarray
    value_max: np.ndarray
    numerator_sum: np.ndarray  # NaN when not a ratio
    denominator_sum: np.ndarray


@dataclass(frozen=True)
class Result:
    series: np.ndarray  # indicators x periods of the window: the area-aggregated values (NaN: none)
    value: np.ndarray  # per indicator, over the window by its period rule
    progress: np.ndarray  # per indicator, unclipped (NaN when no value, baseline or target)
    trend: np.ndarray  # per indicator: share of the baseline-to-target distance per period
    benchmark_progress: np.ndarray
    output_progress: np.ndarray
    objective_progress: np.ndarray
    first_period: int


def area_values(indicators: Indicators, totals: Totals) -> np.ndarray:
    """Step 1 for every totals row."""
    rule = indicators.area_rule[totals.indicator]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = totals.value_sum / np.where(totals.areas > 0, totals.areas, np.nan)
        values = np.select([rule == 0, rule == 1, rule == 2, rule == 3],
                           [totals.value_sum, mean, totals.value_min, totals.value_max])
        ratio = totals.numerator_sum / np.where(totals.denominator_sum != 0, totals.denominator_sum, np.nan)
    return np.where(indicators.is_ratio[totals.indicator], ratio, values)


def _last_valid(series: np.ndarray) -> np.ndarray:
    present = ~np.isnan(series)
    last = series.shape[1] - 1 - np.argmax(present[:, ::-1], axis=1)
    values = series[np.arange(series.shape[0]), last]
    return np.where(present.any(axis=1), values, np.nan)


def period_values(indicators: Indicators, series: np.ndarray) -> np.ndarray:
    """Step 2: one value per indicator over the window."""
    present = ~np.isnan(series)
    counts = present.sum(axis=1)
    filled = np.where(present, series, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        total = filled.sum(axis=1)
        mean = total / counts
        highest = np.where(present, series, -np.inf).max(axis=1)
    rule = indicators.period_rule
    values = np.select([rule == 0, rule == 1, rule == 2, rule == 3], [_last_valid(series), total, mean, highest])
    return np.where(counts > 0, values, np.nan)


def progress_of(value: np.ndarray, baseline: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Step 3. A target equal to its baseline is met (1) or not (0)."""
    distance = target - baseline
    with np.errstate(invalid="ignore", divide="ignore"):
        share = (value - baseline) / distance
    met = np.where(value >= target, 1.0, 0.0)
    return np.where(distance == 0, np.where(np.isnan(value), np.nan, met), share)


def trend_of(series: np.ndarray, baseline: np.ndarray, target: np.ndarray, periods: int = TREND_PERIODS) -> np.ndarray:
    """Step 5: slope over the last ``periods`` columns, ignoring missing values (NaN with fewer than two)."""
    recent = series[:, -periods:]
    present = ~np.isnan(recent)
    x = np.broadcast_to(np.arange(recent.shape[1], dtype=float), recent.shape)
    n = present.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        x_mean = np.where(present, x, 0).sum(axis=1) / n
        y_mean = np.where(present, recent, 0).sum(axis=1) / n
        dx = np.where(present, x - x_mean[:, None], 0)
        dy = np.where(present, recent - y_mean[:, None], 0)
        slope = (dx * dy).sum(axis=1) / (dx * dx).sum(axis=1)
        scaled = slope / (target - baseline)
    return np.where(n >= 2, scaled, np.nan)


def _mean_by(groups: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Mean of the non-NaN values per group (NaN for a group with none)."""
    present = ~np.isnan(values)
    sums = np.bincount(groups[present], weights=values[present], minlength=size)
    counts = np.bincount(groups[present], minlength=size)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, sums / counts, np.nan)


def rollup(indicators: Indicators, totals: Totals, first_period: int, last_period: int,
           benchmark_output: np.ndarray, output_objective: np.ndarray, n_objectives: int) -> Result:
    """Steps 1-5 for the window ``first_period..last_period`` (month indexes, inclusive).

    ``benchmark_output[b]`` is the output position of benchmark b, ``output_objective[o]`` the objective
    position of output o.
    """
    width = last_period - first_period + 1
    series = np.full((len(indicators.ids), width), np.nan)
    inside = (totals.period >= first_period) & (totals.period <= last_period)
    values = area_values(indicators, totals)
    series[totals.indicator[inside], totals.period[inside] - first_period] = values[inside]
    value = period_values(indicators, series)
    progress = progress_of(value, indicators.baseline, indicators.target)
    capped = np.clip(progress, 0.0, 1.0)
    benchmark_progress = _mean_by(indicators.benchmark, capped, len(benchmark_output))
    output_progress = _mean_by(benchmark_output, benchmark_progress, len(output_objective))
    objective_progress = _mean_by(output_objective, output_progress, n_objectives)
    return Result(series=series, value=value, progress=progress,
                  trend=trend_of(series, indicators.baseline, indicators.target),
                  benchmark_progress=benchmark_progress, output_progress=output_progress,
                  objective_progress=objective_progress, first_period=first_period)


def rag(progress: float | None) -> str:
    """Step 6 for one figure: "green", "amber", "red" or "grey"."""
    if progress is None or np.isnan(progress):
        return "grey"
    if progress >= GREEN_FROM:
        return "green"
    return "amber" if progress >= AMBER_FROM else "red"


def trend_word(trend: float | None) -> str:
    if trend is None or np.isnan(trend):
        return "unknown"
    if abs(trend) < 0.01:
        return "flat"
    return "improving" if trend > 0 else "worsening"


def readiness(progress_by_benchmark: list[tuple[float | None, bool]]) -> float | None:
    """Transition readiness of one function: mean capped progress of its benchmarks that measure national
    capacity; those that measure mission activity are left out (seed 004 §6.5) and flagged by the caller."""
    values = [min(max(p, 0.0), 1.0) for p, activity in progress_by_benchmark
              if not activity and p is not None and not np.isnan(p)]
    return sum(values) / len(values) if values else None
