"""Discrete forecast distributions: exact ones (the VIEWS benchmarks) and samples (the model).

A :class:`Discrete` holds a support and its probabilities; every score in :mod:`.scores` is
computed from it exactly, so the benchmarks are scored from their true distributions and not
from a finite set of draws (resampling noise alone moves a score by 1-2%, docs/forecasting.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

POISSON_TAIL = 1e-15  # probability mass left beyond the Poisson support we enumerate


@dataclass(frozen=True)
class Discrete:
    """A distribution on a finite set of values (sorted, unique) with probabilities summing to 1."""

    values: np.ndarray
    probs: np.ndarray

    @classmethod
    def from_samples(cls, samples) -> Discrete:
        values, counts = np.unique(np.asarray(samples, dtype=float), return_counts=True)
        return cls(values, counts / counts.sum())

    @classmethod
    def point(cls, value: float) -> Discrete:
        return cls(np.array([float(value)]), np.array([1.0]))

    def cdf_at_values(self) -> np.ndarray:
        return np.minimum(np.cumsum(self.probs), 1.0)

    def quantile(self, level: float) -> float:
        """The lower quantile: the smallest support value whose CDF reaches ``level``."""
        position = int(np.searchsorted(self.cdf_at_values(), level - 1e-12, side="left"))
        return float(self.values[min(position, len(self.values) - 1)])

    def mean(self) -> float:
        return float(self.values @ self.probs)


def poisson(rate: float) -> Discrete:
    """Poisson(rate) on 0..K, K far enough out that the mass beyond is below ``POISSON_TAIL``."""
    if rate <= 0:
        return Discrete.point(0.0)
    upper = int(np.ceil(rate + 12 * np.sqrt(rate) + 30))
    k = np.arange(upper + 1, dtype=float)
    log_factorial = np.concatenate(([0.0], np.cumsum(np.log(k[1:]))))
    pmf = np.exp(k * np.log(rate) - rate - log_factorial)
    keep = pmf > POISSON_TAIL * 1e-3
    return Discrete(k[keep], pmf[keep] / pmf[keep].sum())


def empirical(values) -> Discrete:
    """Equal weight on each value given (repeats add up): the conflictology benchmark's form."""
    return Discrete.from_samples(values)
