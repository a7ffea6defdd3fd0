"""Forecast skill on past windows: the model against the three VIEWS benchmarks, rolling origin.

A window is a calendar year Y (:mod:`.panel`): the history up to October of Y-1 (month M), the
forecasts for January..December of Y (M+3..M+14), scored against the panel's months of Y. The
benchmarks come from the same history in the same run and are scored from their exact
distributions; the model from its draws.

**Rolling protocol** (:func:`rolling`): for each scored year Y the model's settings, the model
family included, are chosen among :data:`SELECTION_GRID` from what was known at Y's cut-off only:
earlier windows (from :data:`FIRST_SELECTION_YEAR`) scored on their months up to M. The window
Y-1 is thus scored on January..October Y-1 only, never on the two months after the cut-off.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from . import scores
from .benchmarks import NAMES as BENCHMARKS
from .benchmarks import benchmark_distributions
from .history import year_month_to_month
from .model import BASE, DEFAULT, HORIZONS, Analogues, ModelParameters, find_analogues, forecast_draws
from .panel import Window, load_panel, window

METRICS = ("crps", "ignorance", "mis")
FIRST_SELECTION_YEAR = 1991  # the first window with two years of history to learn analogues from
SELECTION_DRAWS = 500  # draws per setting while choosing (the chosen one is then run with the full count)

# The settings the rolling protocol chooses among, for each window from the past only. The family
# is among them: own_share 1.0 is the conflictology-like own-history forecaster alone, 0.0 the
# panel analogues alone. The others vary the mixture, the blur (the spread, calibrated so on past
# windows), how far back analogues are taken from, the analogues' spread around their median (0.8:
# narrowed), the own component's weight on the same calendar month a year before (season 4) and a
# shift of the analogue outcomes (-0.1 on log1p). The first is the fallback when nothing is known.
SELECTION_GRID = (
    BASE,
    replace(BASE, own_share=0.0),
    replace(BASE, own_share=1.0),
    replace(BASE, own_share=0.5),
    replace(BASE, blur_sd=0.3),
    replace(BASE, blur_sd=0.3, own_share=0.5),
    replace(BASE, max_age=120),
    replace(BASE, max_age=120, own_share=0.5),
    replace(BASE, max_age=120, blur_sd=0.3),
    replace(BASE, max_age=120, own_share=0.0),
    replace(BASE, spread=0.8),
    replace(BASE, max_age=120, spread=0.8),
    replace(BASE, spread=0.8, own_season=4.0),
    replace(BASE, max_age=120, spread=0.8, own_season=4.0),
    replace(BASE, spread=0.8, own_season=4.0, shift=-0.1),
    replace(BASE, max_age=120, spread=0.8, own_season=4.0, shift=-0.1),
)


def load_window(folder: str, year: int) -> Window:
    """One window of the folder's panel (the long history and the yearly actuals joined)."""
    return window(load_panel(folder), year)


def _scores_of(dists, observed) -> dict[str, list[float]]:
    return {"crps": [scores.crps(d, y) for d, y in zip(dists, observed, strict=True)],
            "ignorance": [scores.ignorance(d, y) for d, y in zip(dists, observed, strict=True)],
            "mis": [scores.mis(d, y) for d, y in zip(dists, observed, strict=True)]}


def benchmark_scores(window: Window) -> pd.DataFrame:
    """Per country-month scores of the three benchmarks (exact distributions). A benchmark forecasts
    the same distribution for the 12 months, so each distinct (country, outcome) is scored once."""
    actuals = window.actuals
    distinct = actuals[["country_id", "outcome"]].drop_duplicates()
    observed = distinct.outcome.to_numpy(dtype=float)
    frames = []
    for name, by_country in benchmark_distributions(window.history).items():
        dists = [by_country[int(c)] for c in distinct.country_id]
        scored = distinct.assign(**_scores_of(dists, observed))
        frames.append(actuals.merge(scored, on=["country_id", "outcome"], how="left").assign(forecaster=name))
    return pd.concat(frames, ignore_index=True)[["month_id", "country_id", "outcome", "forecaster", *METRICS]]


def _model_draws_for_actuals(window: Window, draws: np.ndarray) -> np.ndarray:
    """The rows of draws (history.forecast_ids, HORIZONS, n) for each actuals row: (rows, n)."""
    history, actuals = window.history, window.actuals
    position = {int(c): i for i, c in enumerate(history.forecast_ids)}
    missing = sorted(set(actuals.country_id) - set(position))
    if missing:
        raise ValueError(f"year {window.year}: countries {missing[:5]} have actuals but no history")
    horizon = actuals.month_id.to_numpy() - history.last_month
    if not np.isin(horizon, HORIZONS).all():
        raise ValueError(f"year {window.year}: actuals months are not {HORIZONS[0]}..{HORIZONS[-1]} after "
                         f"month {history.last_month}")
    return draws[actuals.country_id.map(position).to_numpy(), horizon - HORIZONS[0]]


def model_scores(window: Window, draws: np.ndarray) -> pd.DataFrame:
    """Per country-month scores of draws shaped (history.forecast_ids, HORIZONS, n)."""
    actuals, model = window.actuals, _model_draws_for_actuals(window, draws)
    observed = actuals.outcome.to_numpy(dtype=float)
    return actuals.assign(forecaster="model", crps=scores.crps_draws(model, observed),
                          ignorance=scores.ignorance_draws(model, observed), mis=scores.mis_draws(model, observed),
                          in_p10_p90=_within(model, observed, 0.10, 0.90))


def _within(draws: np.ndarray, observed: np.ndarray, low: float, high: float) -> np.ndarray:
    lower, upper = np.quantile(draws, [low, high], axis=1)
    return (observed >= lower) & (observed <= upper)


def score_window(window: Window, draws: int = 1000, seed: int = 0, params: ModelParameters = DEFAULT,
                 benchmarks: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per country-month scores: columns month_id, country_id, outcome, forecaster, crps, ignorance, mis.
    ``benchmarks``: the window's :func:`benchmark_scores`, when already computed."""
    model = model_scores(window, forecast_draws(window.history, draws, seed, params))
    return pd.concat([model, benchmark_scores(window) if benchmarks is None else benchmarks], ignore_index=True)


def skill_table(per_country_month: pd.DataFrame) -> pd.DataFrame:
    """Mean scores per forecaster (rows: model, then the benchmarks; columns crps, ignorance, mis)."""
    table = per_country_month.groupby("forecaster")[list(METRICS)].mean()
    return table.reindex(["model", *BENCHMARKS])


def evaluate(folder: str, years, draws: int = 1000, seed: int = 0,
             params: ModelParameters = DEFAULT) -> dict[int, pd.DataFrame]:
    """The fixed protocol: the same parameters for every window."""
    panel = load_panel(folder)
    return {year: skill_table(score_window(window(panel, year), draws, seed, params)) for year in years}


def crps_gain(table: pd.DataFrame) -> dict[str, float]:
    """Percent by which the model's mean CRPS is below each benchmark's (positive = model better)."""
    model = table.loc["model", "crps"]
    return {name: float(100 * (1 - model / table.loc[name, "crps"])) if table.loc[name, "crps"] > 0 else float("nan")
            for name in BENCHMARKS}


def relative_crps(table: pd.DataFrame) -> float:
    """Model CRPS over the best benchmark's: below 1 is better than every benchmark."""
    return float(table.loc["model", "crps"] / table.loc[list(BENCHMARKS), "crps"].min())


# --- the rolling protocol ---------------------------------------------------------------------------------


@dataclass
class SelectionScores:
    """What the selector may look at: for each earlier window, each setting's model CRPS and each
    benchmark's, per country-month, with the month scored. Filled lazily and kept across years."""

    windows: dict[int, pd.DataFrame] = field(default_factory=dict)  # year -> month_id + one column per candidate

    def ratio(self, known_through: int, candidates: int) -> np.ndarray | None:
        """Per setting: mean over the earlier windows of CRPS / best benchmark's CRPS, on months up to
        ``known_through`` only (None when no month is known)."""
        ratios = []
        for frame in self.windows.values():
            known = frame[frame.month_id <= known_through]
            if known.empty:
                continue
            best = known[list(BENCHMARKS)].sum().min()
            if best <= 0:
                continue
            ratios.append(known[[f"setting_{k}" for k in range(candidates)]].sum().to_numpy() / best)
        return np.mean(ratios, axis=0) if ratios else None


def choose(selection: SelectionScores, known_through: int, grid) -> int:
    """Index of the setting with the lowest mean ratio on what was known through ``known_through``
    (the first setting when nothing was)."""
    ratio = selection.ratio(known_through, len(grid))
    return 0 if ratio is None else int(np.argmin(ratio))


class WindowCache:
    """One window with what every setting shares: the benchmarks' scores and the analogue sets."""

    def __init__(self, win: Window):
        self.window = win
        self.benchmarks = benchmark_scores(win)
        self._analogues: dict[tuple, Analogues] = {}

    def analogues(self, params: ModelParameters) -> Analogues:
        key = (params.neighbours, params.feature_weights, params.max_age)
        if key not in self._analogues:
            self._analogues[key] = find_analogues(self.window.history, params)
        return self._analogues[key]

    def draws(self, params: ModelParameters, draws: int, seed: int) -> np.ndarray:
        return forecast_draws(self.window.history, draws, seed, params, analogues=self.analogues(params))

    def scores(self, params: ModelParameters, draws: int, seed: int) -> pd.DataFrame:
        return pd.concat([model_scores(self.window, self.draws(params, draws, seed)), self.benchmarks],
                         ignore_index=True)


def selection_window_scores(cache: WindowCache, grid, seed: int, draws: int = SELECTION_DRAWS) -> pd.DataFrame:
    """month_id, the benchmarks' CRPS and each setting's model CRPS per country-month of one window."""
    win, bench = cache.window, cache.benchmarks
    frame = win.actuals[["month_id", "country_id"]].copy()
    for name in BENCHMARKS:
        frame[name] = bench[bench.forecaster == name].crps.to_numpy()
    observed = win.actuals.outcome.to_numpy(dtype=float)
    for k, params in enumerate(grid):
        model = _model_draws_for_actuals(win, cache.draws(params, draws, seed))
        frame[f"setting_{k}"] = scores.crps_draws(model, observed)
    return frame


@dataclass(frozen=True)
class WindowResult:
    year: int
    params: ModelParameters
    scores: pd.DataFrame  # per country-month, model and benchmarks


def rolling(folder_or_panel, years, draws: int = 1000, seed: int = 0, grid=SELECTION_GRID,
            selection_draws: int = SELECTION_DRAWS, progress=None) -> dict[int, WindowResult]:
    """For each year: the setting chosen from data known at its cut-off only, and its scores."""
    panel = load_panel(folder_or_panel) if isinstance(folder_or_panel, str | os.PathLike) else folder_or_panel
    years = sorted(years)
    selection = SelectionScores()
    caches: dict[int, WindowCache] = {}

    def cached(year):
        if year not in caches:
            caches[year] = WindowCache(window(panel, year))
        return caches[year]

    first_history_year = (panel.first_month - 1) // 12 + 1980
    out = {}
    for year in years:
        cutoff = year_month_to_month(year - 1, 10)
        for earlier in range(max(FIRST_SELECTION_YEAR, first_history_year + 2), year):
            if earlier not in selection.windows:
                selection.windows[earlier] = selection_window_scores(cached(earlier), grid, seed, selection_draws)
                if earlier not in years:
                    caches.pop(earlier)  # only scored windows are needed again
        chosen = grid[choose(selection, cutoff, grid)]
        out[year] = WindowResult(year, chosen, cached(year).scores(chosen, draws, seed))
        if progress:
            progress(year, chosen)
    return out


def pooled(results: dict[int, WindowResult]) -> pd.DataFrame:
    """Mean scores per forecaster over every country-month of every window."""
    return skill_table(pd.concat([r.scores for r in results.values()], ignore_index=True))


@dataclass(frozen=True)
class TargetCheck:
    pooled_ratio: float  # model's pooled mean CRPS over the best benchmark's pooled mean CRPS
    window_ratios: dict[int, float]
    ignorance: tuple[float, float]  # model, best benchmark (pooled means)
    mis: tuple[float, float]

    @property
    def worst_window(self) -> float:
        return max(self.window_ratios.values())

    def windows_at_most(self, ratio: float) -> int:
        return sum(r <= ratio for r in self.window_ratios.values())


def check_targets(results: dict[int, WindowResult]) -> TargetCheck:
    table = pooled(results)
    best = table.loc[list(BENCHMARKS)]
    return TargetCheck(
        pooled_ratio=float(table.loc["model", "crps"] / best.crps.min()),
        window_ratios={y: relative_crps(skill_table(r.scores)) for y, r in results.items()},
        ignorance=(float(table.loc["model", "ignorance"]), float(best.ignorance.min())),
        mis=(float(table.loc["model", "mis"]), float(best.mis.min())))


def interval_coverage(results: dict[int, WindowResult]) -> float:
    """Share of scored country-months whose outcome lay within the model's p10-p90 range."""
    model = pd.concat([r.scores[r.scores.forecaster == "model"] for r in results.values()])
    return float(model.in_p10_p90.mean())


def costliest(result: WindowResult, count: int = 5) -> pd.DataFrame:
    """The ``count`` country-months where the model lost most CRPS to the window's best benchmark
    (the benchmark best over the whole window): month_id, country_id, outcome, model, benchmark, loss."""
    frame = result.scores
    means = frame.groupby("forecaster").crps.mean()
    best = means.drop("model").idxmin()
    model = frame[frame.forecaster == "model"].set_index(["month_id", "country_id"])
    bench = frame[frame.forecaster == best].set_index(["month_id", "country_id"])
    joined = pd.DataFrame({"outcome": model.outcome, "model": model.crps, best: bench.crps})
    joined["loss"] = joined.model - joined[best]
    return joined.sort_values("loss", ascending=False).head(count).reset_index()
