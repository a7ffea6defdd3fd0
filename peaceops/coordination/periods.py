"""Date periods: overlap checks for programme components. Pure module (no Django)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date


def overlaps(first: tuple[date, date], second: tuple[date, date]) -> bool:
    """Closed periods [start, end] share at least one day."""
    return first[0] <= second[1] and second[0] <= first[1]


def first_overlap(period: tuple[date, date], others: Iterable[tuple[str, date, date]]):
    """The first (name, start, end) among ``others`` whose period overlaps ``period``, or None."""
    for name, start, end in others:
        if overlaps(period, (start, end)):
            return name, start, end
    return None


def overlapping_pairs(named: Iterable[tuple[str, date, date]]) -> list[tuple[str, str]]:
    """Every pair of named periods that overlap, in input order."""
    items = list(named)
    return [(a[0], b[0]) for i, a in enumerate(items) for b in items[i + 1:] if overlaps(a[1:], b[1:])]
