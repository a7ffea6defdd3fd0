"""Forecast skill on past windows: the model against the three VIEWS benchmarks.

A window is a calendar year Y: the history is every actuals file up to year Y-1, cut at October
of Y-1 (month M), the forecasts cover January..December of Y (M+3..M+14) and are scored against
``cm_actuals_Y``. The benchmarks come from the same history in the same run and are scored from
their exact distributions; the model from its draws.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from . import scores
from .benchmarks import NAMES as BENCHMARKS
from .benchmarks import benchmark_distributions
from .history import History, read_history, validate_history, year_month_to_month
from .model import DEFAULT, HORIZONS, ModelParameters, forecast_draws

METRICS = ("crps", "ignorance", "mis")


@dataclass(frozen=True)
class Window:
    year: int
    history: History
    actuals: pd.DataFrame  # month_id, country_id, outcome for the year scored


def actuals_path(folder: str, year: int) -> str:
    return os.path.join(folder, f"cm_actuals_{year}.parquet")


def load_window(folder: str, year: int) -> Window:
    """The history up to October of ``year - 1`` (from every earlier actuals file) and year's actuals."""
    earlier = sorted(int(name[11:15]) for name in os.listdir(folder)
                     if name.startswith("cm_actuals_") and name.endswith(".parquet") and int(name[11:15]) < year)
    if not earlier:
        raise FileNotFoundError(f"{folder}: no cm_actuals_YYYY.parquet before {year} to forecast {year} from")
    parts = [read_history(actuals_path(folder, y)).reset_index() for y in earlier]
    last_month = year_month_to_month(year - 1, 10)
    history = validate_history(pd.concat(parts, ignore_index=True), last_month,
                               source=f"{folder}/cm_actuals_{earlier[0]}..{earlier[-1]}.parquet")
    actual = validate_history(read_history(actuals_path(folder, year)), source=actuals_path(folder, year))
    rows = pd.DataFrame({
        "month_id": np.repeat(actual.first_month + np.arange(actual.counts.shape[1])[None, :],
                              len(actual.country_ids), axis=0).reshape(-1),
        "country_id": np.repeat(actual.country_ids, actual.counts.shape[1]),
        "outcome": actual.counts.reshape(-1),
    })
    return Window(year=year, history=history, actuals=rows)


def benchmark_scores(window: Window) -> pd.DataFrame:
    """Per country-month scores of the three benchmarks (exact distributions); they do not depend on
    the model, so a caller scoring several parameter settings computes them once."""
    actuals = window.actuals
    observed = actuals.outcome.to_numpy(dtype=float)
    frames = []
    for name, by_country in benchmark_distributions(window.history).items():
        dists = [by_country[int(c)] for c in actuals.country_id]
        frames.append(actuals.assign(
            forecaster=name,
            crps=[scores.crps(d, y) for d, y in zip(dists, observed, strict=True)],
            ignorance=[scores.ignorance(d, y) for d, y in zip(dists, observed, strict=True)],
            mis=[scores.mis(d, y) for d, y in zip(dists, observed, strict=True)]))
    return pd.concat(frames, ignore_index=True)


def score_window(window: Window, draws: int = 1000, seed: int = 0,
                 params: ModelParameters = DEFAULT, benchmarks: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per country-month scores: columns month_id, country_id, outcome, forecaster, crps, ignorance, mis.
    ``benchmarks``: the window's :func:`benchmark_scores`, when already computed."""
    history, actuals = window.history, window.actuals
    position = {int(c): i for i, c in enumerate(history.country_ids)}
    missing = sorted(set(actuals.country_id) - set(position))
    if missing:
        raise ValueError(f"year {window.year}: countries {missing[:5]} have actuals but no history")
    horizon = actuals.month_id.to_numpy() - history.last_month
    if not np.isin(horizon, HORIZONS).all():
        raise ValueError(f"year {window.year}: actuals months are not {HORIZONS[0]}..{HORIZONS[-1]} after "
                         f"month {history.last_month}")
    country_index = actuals.country_id.map(position).to_numpy()
    observed = actuals.outcome.to_numpy(dtype=float)
    model = forecast_draws(history, draws, seed, params)[country_index, horizon - HORIZONS[0]]
    scored = actuals.assign(forecaster="model", crps=scores.crps_draws(model, observed),
                            ignorance=scores.ignorance_draws(model, observed), mis=scores.mis_draws(model, observed))
    return pd.concat([scored, benchmark_scores(window) if benchmarks is None else benchmarks], ignore_index=True)


def skill_table(per_country_month: pd.DataFrame) -> pd.DataFrame:
    """Mean scores per forecaster (rows: model, then the benchmarks; columns crps, ignorance, mis)."""
    table = per_country_month.groupby("forecaster")[list(METRICS)].mean()
    return table.reindex(["model", *BENCHMARKS])


def evaluate(folder: str, years, draws: int = 1000, seed: int = 0,
             params: ModelParameters = DEFAULT) -> dict[int, pd.DataFrame]:
    return {year: skill_table(score_window(load_window(folder, year), draws, seed, params)) for year in years}


def crps_gain(table: pd.DataFrame) -> dict[str, float]:
    """Percent by which the model's mean CRPS is below each benchmark's (positive = model better)."""
    model = table.loc["model", "crps"]
    return {name: float(100 * (1 - model / table.loc[name, "crps"])) if table.loc[name, "crps"] > 0 else float("nan")
            for name in BENCHMARKS}


# Prequential selection: the honest protocol. For each scored year the parameters are chosen
# among SELECTION_GRID on the windows strictly before it (never on the year itself); the first
# window, with nothing before it, uses the defaults. The grid varies the three settings whose
# best value the four windows disagree on (docs/forecasting.md): the recency half-life, the
# volatility blur and the share of panel analogues. The choice minimises the WORST earlier year's
# ratio to the best benchmark, since the target is a margin in every year, not on average.
SELECTION_GRID = tuple(
    replace(DEFAULT, volatility_sd=volatility, pooled_share=share, half_life=half_life)
    for volatility in (0.5, 1.0) for share in (0.5, 0.7) for half_life in (6.0, 12.0))


def _relative_crps(table: pd.DataFrame) -> float:
    """Model CRPS over the best benchmark's: below 1 is better than every benchmark."""
    return float(table.loc["model", "crps"] / table.loc[list(BENCHMARKS), "crps"].min())


def prequential(folder: str, years, draws: int = 1000, seed: int = 0,
                grid=SELECTION_GRID) -> dict[int, tuple[ModelParameters, pd.DataFrame]]:
    """{year: (parameters chosen on earlier windows, skill table)} for each year in ``years``."""
    windows: dict[int, tuple[Window, pd.DataFrame]] = {}
    relative: dict[tuple[int, int], float] = {}

    def scored(year, params):
        if year not in windows:
            window = load_window(folder, year)
            windows[year] = (window, benchmark_scores(window))
        window, benchmarks = windows[year]
        return skill_table(score_window(window, draws, seed, params, benchmarks))

    out = {}
    for year in years:
        earlier = [y for y in years if y < year]
        if earlier:
            for y in earlier:
                for k, params in enumerate(grid):
                    if (y, k) not in relative:
                        relative[(y, k)] = _relative_crps(scored(y, params))
            best = min(range(len(grid)), key=lambda k: max(relative[(y, k)] for y in earlier))
            chosen = grid[best]
        else:
            chosen = DEFAULT
        out[year] = (chosen, scored(year, chosen))
    return out
