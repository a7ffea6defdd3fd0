"""Scores of the VIEWS prediction challenge, per country-month, exact for any discrete forecast.

- CRPS: the integral of (F(z) - 1{z >= y})^2 over z, exact for a step CDF (for draws this equals
  the ensemble CRPS of properscoring's ``crps_ensemble``).
- Ignorance: -log2 of the probability of the bin holding the observation, with the challenge's
  bins (edges 0, 0.5, 2.5, 5.5, 10.5, 25.5, 50.5, 100.5, 250.5, 500.5, 1000.5: 11 bins, the last
  open-ended) and its smoothing: one extra draw added to each bin of a 1000-draw ensemble, i.e.
  p = (1000 p_bin + 1) / (1000 + 11). For a model's own draws the real counts are used:
  (count + 1) / (n + 11).
- MIS: the 90% interval score (Gneiting & Raftery 2007) with the 5% and 95% quantiles:
  (u - l) + 20 (l - y) 1{y < l} + 20 (y - u) 1{y > u}.
"""

from __future__ import annotations

import numpy as np

from .distributions import Discrete

IGNORANCE_EDGES = np.array([0, 0.5, 2.5, 5.5, 10.5, 25.5, 50.5, 100.5, 250.5, 500.5, 1000.5])
IGNORANCE_DRAWS = 1000  # the challenge's ensemble size the smoothing is defined for
INTERVAL_ALPHA = 0.10


def crps(dist: Discrete, observed: float) -> float:
    """Exact CRPS of a discrete distribution against one observation."""
    points = np.union1d(dist.values, [float(observed)])
    cdf = np.zeros(len(points))
    cdf[np.searchsorted(points, dist.values)] = dist.probs
    cdf = np.minimum(np.cumsum(cdf), 1.0)
    step = points >= observed
    widths = np.diff(points)
    return float(np.sum((cdf[:-1] - step[:-1]) ** 2 * widths))


def crps_draws(draws: np.ndarray, observed: np.ndarray) -> np.ndarray:
    """Exact CRPS of equally weighted draws, vectorised: rows of ``draws`` against ``observed``.

    mean|X - y| - 1/2 mean|X - X'|, the pairwise term from the sorted draws in O(n log n).
    """
    draws = np.sort(np.asarray(draws, dtype=float), axis=1)
    n = draws.shape[1]
    first = np.abs(draws - np.asarray(observed, dtype=float)[:, None]).mean(axis=1)
    weights = 2 * np.arange(1, n + 1) - n - 1
    pairwise = 2 * (draws @ weights) / n**2
    return first - 0.5 * pairwise


def _bin_of(values) -> np.ndarray:
    return np.digitize(values, IGNORANCE_EDGES) - 1


def bin_probabilities(dist: Discrete) -> np.ndarray:
    return np.bincount(_bin_of(dist.values), weights=dist.probs, minlength=len(IGNORANCE_EDGES))


def ignorance(dist: Discrete, observed: float) -> float:
    """The challenge's smoothed ignorance score of an exact distribution (see module doc)."""
    p = bin_probabilities(dist)[_bin_of([observed])[0]]
    return float(-np.log2((IGNORANCE_DRAWS * p + 1) / (IGNORANCE_DRAWS + len(IGNORANCE_EDGES))))


def ignorance_draws(draws: np.ndarray, observed: np.ndarray) -> np.ndarray:
    """The challenge's ignorance score from draws: (count in bin + 1) / (n + 11)."""
    bins = _bin_of(draws)
    hit = (bins == _bin_of(observed)[:, None]).sum(axis=1)
    return -np.log2((hit + 1) / (draws.shape[1] + len(IGNORANCE_EDGES)))


def interval_score(lower, upper, observed, alpha: float = INTERVAL_ALPHA):
    lower, upper, observed = (np.asarray(x, dtype=float) for x in (lower, upper, observed))
    return ((upper - lower) + (2 / alpha) * np.clip(lower - observed, 0, None)
            + (2 / alpha) * np.clip(observed - upper, 0, None))


def mis(dist: Discrete, observed: float) -> float:
    return float(interval_score(dist.quantile(INTERVAL_ALPHA / 2), dist.quantile(1 - INTERVAL_ALPHA / 2), observed))


def mis_draws(draws: np.ndarray, observed: np.ndarray) -> np.ndarray:
    lower, upper = np.quantile(draws, [INTERVAL_ALPHA / 2, 1 - INTERVAL_ALPHA / 2], axis=1)
    return interval_score(lower, upper, observed)
