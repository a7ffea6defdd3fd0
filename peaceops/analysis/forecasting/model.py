"""The country-month forecaster: panel analogues that know how conflicts revert, mixed with the country's own year.

Most of the draws come from **analogues**: the (country, month) origins of the panel whose recent
history looks most like the country's today, in four features on the log1p scale: the last month,
and the mean of the last 3, 12 and 36 months (fewer at a series' start). Each analogue brings what
happened to it 3..14 months later, shifted by the difference of the 3-month levels. The panel thus
teaches the reversion itself, with no formula for it: a spike after a quiet year (last month high,
12- and 36-month means low) finds spikes that mostly fell back; a long war (all four high) finds
wars that mostly went on; a country at peace finds peaceful countries, a few of which went to war,
and so starts new wars from low levels with the panel's frequency. An analogue month without deaths
stays without deaths (a hurdle: peace is not blurred into a few deaths); the others are blurred on
the log1p scale by N(0, ``blur_sd``), which spreads the finite set of analogue outcomes.

The rest (``own_share``) comes from the country's own last 12 months, each equally likely (the
conflictology benchmark, hard to beat where a war is steady), or (``own_season``) with more weight
on the month a year before the one forecast: fighting seasons.

Two calibrations of the analogues, both chosen by the rolling protocol from past windows: their
outcomes' ``spread`` around the pool's median on the log1p scale (0.8: narrower than the raw
analogues) and a ``shift`` of the outcomes with deaths on that scale (-0.1: the analogues overstated
what followed).

Only the history passed in is used: the analogues' outcomes are months of that history, and only
origins of the last ``max_age`` months count (the 1990s' conflicts differ from the 2010s'). The
settings are chosen on past windows only (``evaluation.rolling``). Draws are rounded to whole
deaths, never negative, seeded, and stratified: each country-month's draws take one uniform from each
of ``draws`` equal strata of [0, 1) and map it through the mixture's components by quantile (the blur
likewise), so they follow the predictive distribution more closely than i.i.d. draws would; the
distribution itself is unchanged. The choices and their validation: docs/forecasting.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from .history import History

HORIZONS = tuple(range(3, 15))  # data to October, forecasts for January..December (challenge layout)
FEATURE_MONTHS = (1, 3, 12, 36)  # the features: mean log1p over the last 1, 3, 12 and 36 months
ANCHOR = 1  # the feature analogues are shifted by: the 3-month level
OWN_MONTHS = 12  # the own-history component: the last year, as the conflictology benchmark


@dataclass(frozen=True)
class ModelParameters:
    neighbours: int = 200  # analogues per country (more when several tie at the same distance)
    feature_weights: tuple[float, ...] = (1.0, 1.0, 1.0, 0.5)  # weight of each feature in the distance
    max_age: int = 180  # only origins of the last 15 years; 0: every origin of the history
    blur_sd: float = 0.15  # log1p-scale noise on each analogue outcome with deaths
    own_share: float = 0.3  # share of draws from the country's own last 12 months
    # Spread of the analogue outcomes on the log1p scale around their median (per horizon, peaceful
    # months counted as 0): 1 keeps it, below 1 narrows it (the analogues' spread is wider than what
    # followed on past windows; the rolling protocol chooses it, see evaluation.SELECTION_GRID).
    spread: float = 1.0
    # Shift of the analogue outcomes with deaths on the log1p scale (-0.1: about 10% fewer deaths; the
    # analogues overstate what followed on past windows; chosen by the rolling protocol).
    shift: float = 0.0
    # Extra weight, in the own-history component, of the month a year before the one forecast (the
    # same calendar month: fighting seasons): 0 gives each of the last 12 months 1/12 (the
    # conflictology benchmark); 4 gives that month 5/16 and each other 1/16.
    own_season: float = 0.0

    def label(self) -> str:
        age = f"{self.max_age // 12}y" if self.max_age else "all"
        spread = f", spread {self.spread:g}" if self.spread != 1.0 else ""
        season = f", season {self.own_season:g}" if self.own_season else ""
        shift = f", shift {self.shift:g}" if self.shift else ""
        return (f"own {self.own_share:g}, blur {self.blur_sd:g}, k {self.neighbours}, origins {age}"
                f"{spread}{season}{shift}")


BASE = ModelParameters()  # the plain mixture: the first setting of the rolling grid (evaluation.SELECTION_GRID)
# The setting the rolling protocol chose for the latest window evaluated (2022, from data up to October
# 2021): what the product forecasts with (``forecast_country_months``) and ``--protocol fixed`` runs.
DEFAULT = ModelParameters(max_age=120, spread=0.8, own_season=4.0, shift=-0.1)


def rolling_log_means(history: History, months: int) -> np.ndarray:
    """Mean log1p over the last ``months`` months of each country's life up to each month (NaN outside it)."""
    valid = history.valid()
    logs = np.where(valid, np.log1p(history.counts.astype(float)), 0.0)
    total, count = np.cumsum(logs, axis=1), np.cumsum(valid, axis=1).astype(float)
    total[:, months:] -= total[:, :-months].copy()
    count[:, months:] -= count[:, :-months].copy()
    out = np.where(count > 0, total / np.maximum(count, 1), np.nan)
    out[~valid] = np.nan
    return out


def features(history: History) -> np.ndarray:
    """Shape (countries, months, len(FEATURE_MONTHS))."""
    return np.stack([rolling_log_means(history, n) for n in FEATURE_MONTHS], axis=-1)


@dataclass(frozen=True)
class AnaloguePool:
    """One set of analogues (countries in the same state share it): per horizon, the log1p outcomes h
    months after each analogue's origin that the history holds, shifted to the country's anchor,
    flattened horizon after horizon (``offsets``, ``counts``); ``peaceful`` marks months without deaths."""

    values: np.ndarray
    peaceful: np.ndarray
    offsets: np.ndarray
    counts: np.ndarray
    medians: np.ndarray  # per horizon: median log1p outcome of the pool (peaceful months as 0)


@dataclass(frozen=True)
class Analogues:
    pools: list[AnaloguePool]
    pool_of: np.ndarray  # for every country alive at the last month: index into pools (-1: none)


def find_analogues(history: History, params: ModelParameters = DEFAULT) -> Analogues:
    valid = history.valid()
    feats = features(history)
    logs = np.log1p(history.counts.astype(float))
    width = logs.shape[1]
    targets = np.full((*logs.shape, len(HORIZONS)), np.nan)
    for j, h in enumerate(HORIZONS):
        if h < width:
            known = valid[:, h:] & valid[:, :width - h]
            targets[:, :width - h, j] = np.where(known, logs[:, h:], np.nan)
    origin = valid & ~np.isnan(targets[:, :, 0])
    if params.max_age:
        origin[:, :max(0, width - params.max_age)] = False
    alive = np.flatnonzero(history.alive)
    if not origin.any():  # a history too short to have seen anything 3 months ahead
        return Analogues([], np.full(len(alive), -1))
    origin_features, origin_targets = feats[origin], targets[origin]
    weights = np.sqrt(np.asarray(params.feature_weights, dtype=float))
    scaled = origin_features * weights
    now = feats[alive, -1]
    queries, which = np.unique(now * weights, axis=0, return_inverse=True)
    # Squared distances of every origin to every distinct query (peaceful countries share one).
    distance = np.maximum((scaled ** 2).sum(1)[:, None] + (queries ** 2).sum(1)[None, :]
                          - 2 * scaled @ queries.T, 0.0)
    k = min(params.neighbours, len(scaled)) - 1
    cutoff = np.partition(distance, k, axis=0)[k]
    pools = []
    for q in range(len(queries)):
        # Every origin tied with the k-th nearest counts: thousands of peaceful months sit at distance 0,
        # and picking some of them would be arbitrary.
        chosen = np.flatnonzero(distance[:, q] <= cutoff[q] + 1e-9)
        anchor = queries[q, ANCHOR] / weights[ANCHOR]
        found = origin_targets[chosen]
        columns = [found[~np.isnan(found[:, j]), j] for j in range(len(HORIZONS))]
        shifts = [anchor - origin_features[chosen[~np.isnan(found[:, j])], ANCHOR] for j in range(len(HORIZONS))]
        counts = np.array([len(c) for c in columns])
        medians = np.array([np.median(np.where(c == 0, 0.0, c + d)) if len(c) else 0.0
                            for c, d in zip(columns, shifts, strict=True)])
        # Each horizon's outcomes in increasing order (peaceful months first): every later step (blur
        # aside) is monotone, so a uniform u picks the u-quantile of the analogue outcomes and
        # stratified uniforms give stratified draws (``stratified_uniforms``).
        order = [np.argsort(np.where(c == 0, -np.inf, c + d), kind="stable") for c, d in zip(columns, shifts,
                                                                                             strict=True)]
        flat = np.concatenate([c[o] for c, o in zip(columns, order, strict=True)])
        values = flat + np.concatenate([d[o] for d, o in zip(shifts, order, strict=True)])
        pools.append(AnaloguePool(values=values, peaceful=flat == 0,
                                  offsets=np.concatenate(([0], np.cumsum(counts)[:-1])), counts=counts,
                                  medians=medians))
    return Analogues(pools, which.reshape(-1))


# Standard normal quantiles on a fine grid, for the blur's stratified draws (numpy has no inverse normal
# CDF; linear interpolation between 16,384 quantiles is accurate to ~1e-4 within +-3.9 sd, beyond which a
# blur of 0.15 sd hardly matters).
_NORMAL_LEVELS = (np.arange(16384) + 0.5) / 16384
_NORMAL_QUANTILES = np.array([NormalDist().inv_cdf(float(p)) for p in _NORMAL_LEVELS])


def stratified_uniforms(rng: np.random.Generator, rows: int, draws: int) -> np.ndarray:
    """Shape (rows, draws): in each row one uniform in each of the ``draws`` strata [i/n, (i+1)/n),
    the strata in random order. Each value is uniform on [0, 1), as an i.i.d. draw, but a row covers
    [0, 1) evenly, so the draws' empirical distribution is much closer to the predictive one
    (Monte-Carlo noise in the CRPS falls; the distribution drawn from is unchanged)."""
    strata = rng.permuted(np.tile(np.arange(draws, dtype=float), (rows, 1)), axis=1)
    return (strata + rng.random(size=(rows, draws))) / draws


def stratified_normals(rng: np.random.Generator, rows: int, draws: int) -> np.ndarray:
    """Standard normal draws from :func:`stratified_uniforms` (the strata independent of the other
    stratified uniforms: a Latin hypercube)."""
    return _normal_quantile(stratified_uniforms(rng, rows, draws))


def _normal_quantile(u: np.ndarray) -> np.ndarray:
    """``np.interp(u, _NORMAL_LEVELS, _NORMAL_QUANTILES)``, the same values, with the interval found by
    arithmetic on the even grid instead of a binary search (four times faster)."""
    size = len(_NORMAL_LEVELS)
    j = np.clip(np.floor(u * size - 0.5).astype(np.int64), 0, size - 2)
    j -= (_NORMAL_LEVELS[j] > u) & (j > 0)  # rounding at a grid point: the interval np.interp finds
    j += (_NORMAL_LEVELS[j + 1] <= u) & (j < size - 2)
    x0, y0 = _NORMAL_LEVELS[j], _NORMAL_QUANTILES[j]
    slope = (_NORMAL_QUANTILES[j + 1] - y0) / (_NORMAL_LEVELS[j + 1] - x0)
    out = slope * (u - x0) + y0
    out = np.where(u == x0, y0, out)
    out = np.where(u <= _NORMAL_LEVELS[0], _NORMAL_QUANTILES[0], out)
    return np.where(u >= _NORMAL_LEVELS[-1], _NORMAL_QUANTILES[-1], out)


def own_draws(series: np.ndarray, draws: int, rng: np.random.Generator, season: float = 0.0,
              uniforms: np.ndarray | None = None) -> np.ndarray:
    """The country's own last OWN_MONTHS months: shape (len(HORIZONS), draws). Each equally likely, or,
    with ``season`` > 0 and a full year of history, the month a year before the one forecast (the same
    calendar month; for the horizons 13 and 14, two years before) with weight 1 + ``season``.
    ``uniforms`` (len(HORIZONS), draws) pick the months by quantile (stratified ones by default)."""
    recent = np.asarray(series[-OWN_MONTHS:], dtype=float)
    u = stratified_uniforms(rng, len(HORIZONS), draws) if uniforms is None else uniforms
    order = np.argsort(recent, kind="stable")  # months by deaths: u picks the u-quantile
    if not season or len(recent) < OWN_MONTHS:
        return recent[order][np.minimum((u * len(recent)).astype(np.int64), len(recent) - 1)]
    # Month M + h is the calendar month of M + h - 12 (h <= 12) or M + h - 24: position (h - 1) mod 12
    # of the last 12 months (oldest first, M last).
    weights = np.ones((len(HORIZONS), OWN_MONTHS))
    weights[np.arange(len(HORIZONS)), (np.asarray(HORIZONS) - 1) % OWN_MONTHS] += season
    weights = weights[:, order]
    cdf = np.cumsum(weights, axis=1) / weights.sum(axis=1, keepdims=True)
    index = np.minimum((u[:, :, None] >= cdf[:, None, :-1]).sum(axis=2), OWN_MONTHS - 1)
    return recent[order][index]


def analogue_draws(pool: AnaloguePool, draws: int, rng: np.random.Generator, blur_sd: float,
                   spread: float = 1.0, shift: float = 0.0, uniforms: np.ndarray | None = None) -> np.ndarray | None:
    """Draws per horizon from the analogues whose month h ahead lies in the history (None: a horizon has none).
    ``uniforms`` (len(HORIZONS), draws) pick the outcomes by quantile (stratified ones by default); the
    blur is drawn stratified too."""
    if (pool.counts == 0).any():
        return None
    u = stratified_uniforms(rng, len(HORIZONS), draws) if uniforms is None else uniforms
    within = np.minimum((u * pool.counts[:, None]).astype(np.int64), pool.counts[:, None] - 1)
    pick = pool.offsets[:, None] + within
    logs = pool.values[pick] + blur_sd * stratified_normals(rng, *pick.shape)
    if spread != 1.0:
        centre = pool.medians[:, None]
        logs = np.maximum(centre + spread * (logs - centre), 0.0)
    if shift:
        logs = np.maximum(logs + shift, 0.0)
    return np.where(pool.peaceful[pick], 0.0, np.expm1(logs))


def forecast_draws(history: History, draws: int, seed: int, params: ModelParameters = DEFAULT,
                   analogues: Analogues | None = None) -> np.ndarray:
    """Draws for every country alive at the last month (``history.forecast_ids``, in that order):
    shape (countries, len(HORIZONS), draws). ``analogues``: :func:`find_analogues` of the same
    history and parameters, when already computed (the rolling evaluation reuses them)."""
    rng = np.random.default_rng(seed)
    if analogues is None:
        analogues = find_analogues(history, params)
    alive = np.flatnonzero(history.alive)
    out = np.empty((len(alive), len(HORIZONS), draws), dtype=np.int64)
    share = params.own_share
    for n, i in enumerate(alive):
        # One stratified uniform per draw picks the component (own history below ``own_share``) and,
        # rescaled to [0, 1), the quantile within it: each component gets its share of the draws to
        # within one, spread evenly over its distribution.
        u = stratified_uniforms(rng, len(HORIZONS), draws)
        which = analogues.pool_of[n]
        panel = None
        if which >= 0 and share < 1:
            panel = analogue_draws(analogues.pools[which], draws, rng, params.blur_sd, params.spread, params.shift,
                                   uniforms=np.clip((u - share) / (1 - share), 0.0, 1.0))
        if panel is None:
            mixed = own_draws(history.series(i), draws, rng, params.own_season, uniforms=u)
        elif share <= 0:
            mixed = panel
        else:
            own = own_draws(history.series(i), draws, rng, params.own_season, uniforms=np.clip(u / share, 0.0, 1.0))
            mixed = np.where(u < share, own, panel)
        out[n] = np.maximum(np.rint(mixed), 0).astype(np.int64)
    return out
