"""The country-month forecaster: a recency- and level-weighted empirical mixture, blurred on the log scale.

For each country the draws for every month ahead come from the country's own recent months
(the conflictology idea, which the 2023/24 challenge found hard to beat), with three changes:
- a longer window (24 months) with recency weights (half-life ``half_life`` months);
- a level kernel: months whose log1p level is near the latest one weigh more, with a floor, so a
  regime change (a war ending, a truce) is followed within a month or two, while the earlier tail
  keeps some weight;
- each resampled month is blurred on the log1p scale by Gaussian noise of sd ``log_sd`` (a month
  of 300 deaths says 200-400 are plausible; the empirical distribution alone puts no mass between
  observed values); months without deaths stay at zero.
Draws are rounded to whole deaths, never negative, and seeded: the same history, last month,
number of draws and seed give the same draws. The choices and their validation: docs/forecasting.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .history import History

HORIZONS = tuple(range(3, 15))  # data to October, forecasts for January..December (challenge layout)


@dataclass(frozen=True)
class ModelParameters:
    window: int = 24
    half_life: float = 6.0
    log_sd: float = 0.3
    log_sd_per_month: float = 0.0
    damping: float = 1.0  # multiplies the blurred draws: high levels tend to fall back (regression to the mean)
    upside_sd: float = 0.0  # extra sd for upward blur: escalation is steeper than de-escalation
    level_bandwidth: float = 1.0  # 0: off; else months near the latest level (log1p scale) weigh more
    level_floor: float = 0.1  # share of each month's weight kept whatever its level
    level_months: int = 2  # the latest level: mean log1p of this many last months


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
    picked = rng.choice(recent, size=(len(HORIZONS), draws), p=weights)
    sd = params.log_sd + params.log_sd_per_month * (np.array(HORIZONS, dtype=float)[:, None] - HORIZONS[0])
    noise = rng.standard_normal(size=picked.shape)
    noise = noise * np.where(noise > 0, sd + params.upside_sd, sd)
    blurred = np.expm1(np.log1p(picked) + noise) * params.damping
    blurred[picked == 0] = 0.0  # a month without deaths stays without deaths: peace is not blurred
    return np.maximum(np.rint(blurred), 0).astype(np.int64)


def forecast_draws(history: History, draws: int, seed: int,
                   params: ModelParameters = DEFAULT) -> np.ndarray:
    """Draws for every country: shape (countries, len(HORIZONS), draws)."""
    rng = np.random.default_rng(seed)
    out = np.empty((len(history.country_ids), len(HORIZONS), draws), dtype=np.int64)
    for i in range(len(history.country_ids)):
        out[i] = country_draws(history.series(i), draws, rng, params)
    return out
