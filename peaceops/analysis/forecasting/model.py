"""The country-month forecaster: a recency- and level-weighted empirical mixture, blurred on the log scale.

For each country the draws for every month ahead come from the country's own recent months
(the conflictology idea, which the 2023/24 challenge found hard to beat), with three changes:
- a longer window (24 months) with recency weights (half-life ``half_life`` months);
- a level kernel: months whose log1p level is near the latest one weigh more, with a floor, so a
  regime change (a war ending, a truce) is followed within a month or two, while the earlier tail
  keeps some weight;
- each resampled month is blurred on the log1p scale by Gaussian noise of sd ``log_sd`` (a month
  of 300 deaths says 200-400 are plausible; the empirical distribution alone puts no mass between
  observed values); months without deaths stay at zero. The sd is at least the country's own
  month-to-month log swing (a volatile country gets a heavy upper tail), and the weights move
  to uniform over the window as the horizon grows (what the last months say fades);
- half the draws come from panel analogues: countries and months of the history nearest in the
  3-month and 12-month log levels, with the change that followed them.
Draws are rounded to whole deaths, never negative, and seeded: the same history, last month,
number of draws and seed give the same draws. The choices and their validation: docs/forecasting.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .history import History

HORIZONS = tuple(range(3, 15))  # data to October, forecasts for January..December (challenge layout)


@dataclass(frozen=True)
class ModelParameters:
    window: int = 24
    half_life: float = 12.0  # the conflictology benchmark's year
    log_sd: float = 0.3
    log_sd_per_month: float = 0.0
    damping: float = 1.0  # multiplies the blurred draws: high levels tend to fall back (regression to the mean)
    upside_sd: float = 0.0  # extra sd for upward blur: escalation is steeper than de-escalation
    level_bandwidth: float = 1.0  # 0: off; else months near the latest level (log1p scale) weigh more
    level_floor: float = 0.1  # share of each month's weight kept whatever its level
    level_months: int = 2  # the latest level: mean log1p of this many last months
    pooled_share: float = 0.5  # share of draws from the panel's analogues (see pooled_changes)
    pooled_level_months: int = 3
    pooled_trend_months: int = 0  # 0: off; else analogues share the trend over this many months
    pooled_trend_step: float = 0.7  # a change of the level beyond this (log1p) is a trend
    pooled_min_pairs: int = 1000
    pooled_long_months: int = 12  # the analogues' second feature: mean log1p over this many months
    pooled_long_weight: float = 0.5  # 0: analogues by the recent level only; else its weight in the distance
    horizon_blend: float = 1.0  # at the last horizon, this share of the weights is uniform over the window
    volatility_sd: float = 1.0  # 0: off; else the log blur is at least this times the country's month-to-month
    # log swing (root mean square of the log1p changes over its last 12 months)
    vincentise: bool = False  # combine own-history and panel draws quantile by quantile instead of mixing


DEFAULT = ModelParameters()


def recency_weights(length: int, half_life: float) -> np.ndarray:
    ages = np.arange(length)[::-1]  # the last month has age 0
    weights = 0.5 ** (ages / half_life)
    return weights / weights.sum()


def level_weights(recent: np.ndarray, params: ModelParameters) -> np.ndarray:
    """Weights favouring months whose level is close to the latest one (a regime change, such as
    a war ending, makes the months before it poor guides; a floor keeps their tail in view)."""
    if params.level_bandwidth <= 0:
        return np.ones(len(recent))
    logs = np.log1p(recent)
    latest = logs[-params.level_months:].mean()
    kernel = np.exp(-0.5 * ((logs - latest) / params.level_bandwidth) ** 2)
    return params.level_floor + (1 - params.level_floor) * kernel


def country_draws(series: np.ndarray, draws: int, rng: np.random.Generator,
                  params: ModelParameters = DEFAULT) -> np.ndarray:
    """Draws, shape (len(HORIZONS), draws), for one country's series (oldest first)."""
    recent = np.asarray(series[-params.window:], dtype=float)
    weights = recency_weights(len(recent), params.half_life) * level_weights(recent, params)
    weights = weights / weights.sum()
    if params.horizon_blend > 0:
        uniform = np.full(len(recent), 1 / len(recent))
        picked = np.empty((len(HORIZONS), draws))
        for row, h in enumerate(HORIZONS):
            share = params.horizon_blend * (h - HORIZONS[0]) / (HORIZONS[-1] - HORIZONS[0])
            picked[row] = rng.choice(recent, size=draws, p=(1 - share) * weights + share * uniform)
    else:
        picked = rng.choice(recent, size=(len(HORIZONS), draws), p=weights)
    sd = params.log_sd + params.log_sd_per_month * (np.array(HORIZONS, dtype=float)[:, None] - HORIZONS[0])
    if params.volatility_sd > 0 and len(recent) > 2:
        swings = np.diff(np.log1p(recent[-12:]))
        sd = np.maximum(sd, params.volatility_sd * float(np.sqrt(np.mean(swings ** 2))))
    noise = rng.standard_normal(size=picked.shape)
    noise = noise * np.where(noise > 0, sd + params.upside_sd, sd)
    blurred = np.expm1(np.log1p(picked) + noise) * params.damping
    blurred[picked == 0] = 0.0  # a month without deaths stays without deaths: peace is not blurred
    return np.maximum(np.rint(blurred), 0).astype(np.int64)


def _levels(counts: np.ndarray, months: int) -> np.ndarray:
    """Mean log1p of the ``months`` months up to and including each month (NaN before that)."""
    logs = np.log1p(counts.astype(float))
    total = np.cumsum(logs, axis=1)
    out = np.full(logs.shape, np.nan)
    out[:, months - 1] = total[:, months - 1]
    out[:, months:] = total[:, months:] - total[:, :-months]
    return out / months


@dataclass(frozen=True)
class Analogues:
    """Every (country, origin month) pair of the history: the origin's level, its trend class
    (-1 falling, 0 flat, 1 rising) and the change to a month ahead, all on the log1p scale."""

    levels: np.ndarray
    trends: np.ndarray
    changes: np.ndarray
    long_levels: np.ndarray  # mean log1p over the last pooled_long_months (fewer at a series' start)


def _long_levels(history: History, months: int) -> np.ndarray:
    logs = np.log1p(history.counts.astype(float))
    logs[np.arange(logs.shape[1])[None, :] < history.starts[:, None]] = np.nan
    return pd.DataFrame(logs.T).rolling(months, min_periods=1).mean().to_numpy().T


def _trend_class(levels_now: np.ndarray, levels_before: np.ndarray, threshold: float) -> np.ndarray:
    change = levels_now - levels_before
    return np.where(change > threshold, 1, np.where(change < -threshold, -1, 0))


def pooled_changes(history: History, params: ModelParameters) -> Analogues:
    """From every country and origin month in the history: the change on the log1p scale from the
    origin's level (mean log1p of its last ``pooled_level_months``) to a month 3..14 ahead (fewer
    horizons when the history is short). Only the history is used; series start where they start."""
    counts = history.counts.astype(float)
    valid = np.arange(counts.shape[1])[None, :] >= history.starts[:, None]
    levels = _levels(history.counts, params.pooled_level_months)
    levels[~valid] = np.nan
    lag = params.pooled_trend_months
    before = np.full(levels.shape, np.nan)
    if lag:
        before[:, lag:] = levels[:, :-lag]
    width = counts.shape[1]
    horizons = [h for h in HORIZONS if h < width - params.pooled_level_months] or \
        list(range(1, max(2, width - params.pooled_level_months)))
    long_levels = _long_levels(history, params.pooled_long_months)
    found_levels, found_trends, found_changes, found_long = [], [], [], []
    for h in horizons:
        origin, earlier = levels[:, :width - h], before[:, :width - h]
        found_long.append(long_levels[:, :width - h][~np.isnan(origin)])
        target = np.log1p(counts[:, h:])
        ok = ~np.isnan(origin)
        trend = np.where(np.isnan(earlier), 9, _trend_class(origin, np.nan_to_num(earlier), params.pooled_trend_step))
        found_levels.append(origin[ok])
        found_trends.append(trend[ok])
        found_changes.append(target[ok] - origin[ok])
    levels, trends, changes, long = (np.concatenate(x) for x in (found_levels, found_trends, found_changes,
                                                                  found_long))
    order = np.argsort(levels, kind="stable")
    return Analogues(levels[order], trends[order], changes[order], long[order])


def _pooled_near(level: float, long_level: float, analogues: Analogues, minimum: int, weight: float) -> np.ndarray:
    """The changes of the ``minimum`` analogues nearest in (recent level, weight x long level)."""
    distance = (analogues.levels - level) ** 2 + (weight * (analogues.long_levels - long_level)) ** 2
    count = min(minimum, len(distance))
    # A stable sort, not argpartition: thousands of analogues tie (peaceful months at distance 0),
    # and selection among ties is slow there; the stable order also makes the pick among ties plain.
    return analogues.changes[np.argsort(distance, kind="stable")[:count]]


def _pooled_for(level: float, trend: int, analogues: Analogues, minimum: int) -> np.ndarray:
    """The changes of the ``minimum`` analogues nearest in level, among those with the same trend
    class when there are enough of them (else among all). ``analogues`` is sorted by level, so the
    nearest ones lie within ``minimum`` places either side of ``level``."""
    same = analogues.trends == trend
    levels, changes = (analogues.levels[same], analogues.changes[same]) if same.sum() >= minimum else \
        (analogues.levels, analogues.changes)
    at = int(np.searchsorted(levels, level))
    lo, hi = max(0, at - minimum), min(len(levels), at + minimum)
    distance = np.abs(levels[lo:hi] - level)
    count = min(minimum, len(distance))
    nearest = np.argpartition(distance, count - 1)[:count]
    return changes[lo:hi][nearest]


def forecast_draws(history: History, draws: int, seed: int,
                   params: ModelParameters = DEFAULT) -> np.ndarray:
    """Draws for every country: shape (countries, len(HORIZONS), draws)."""
    rng = np.random.default_rng(seed)
    out = np.empty((len(history.country_ids), len(HORIZONS), draws), dtype=np.int64)
    for i in range(len(history.country_ids)):
        out[i] = country_draws(history.series(i), draws, rng, params)
    if params.pooled_share > 0 and history.counts.shape[1] > params.pooled_level_months + 1:
        analogues = pooled_changes(history, params)
        levels = _levels(history.counts, params.pooled_level_months)
        level = levels[:, -1]
        long_now = _long_levels(history, params.pooled_long_months)[:, -1]
        lag = params.pooled_trend_months
        if lag and levels.shape[1] > lag:
            trend = _trend_class(level, np.nan_to_num(levels[:, -1 - lag]), params.pooled_trend_step)
        else:
            trend = np.full(len(level), 9)
        for i in range(len(history.country_ids)):
            if params.pooled_long_weight > 0:
                pool = _pooled_near(level[i], long_now[i], analogues, params.pooled_min_pairs,
                                    params.pooled_long_weight)
            else:
                pool = _pooled_for(level[i], trend[i], analogues, params.pooled_min_pairs)
            if params.vincentise:
                panel = np.expm1(level[i] + rng.choice(pool, size=(len(HORIZONS), draws)))
                combined = (1 - params.pooled_share) * np.sort(out[i], axis=1) + \
                    params.pooled_share * np.sort(np.maximum(panel, 0), axis=1)
                out[i] = rng.permuted(np.rint(combined), axis=1).astype(np.int64)
                continue
            use = rng.random(size=(len(HORIZONS), draws)) < params.pooled_share
            sampled = np.expm1(level[i] + rng.choice(pool, size=int(use.sum())))
            out[i][use] = np.maximum(np.rint(sampled), 0).astype(np.int64)
    return out
