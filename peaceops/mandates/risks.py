"""The risk register's rules (pure: no Django): score, escalation to leadership and the heat map's grid.

A risk is rated 1-5 for likelihood and for impact; its score is their product (1-25). It goes to the mission's
leadership when the score reaches the threshold (15 by default: a likely risk of major impact, 3 x 5, or an
almost certain one of moderate impact) or when its review is overdue: a risk nobody looked at is not managed
(seed 004 ch. 3-6 lists challenges and risks per output; seed 004 §1.4 puts the decisions on them with the
mission's leadership).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DEFAULT_THRESHOLD = 15
SCALE = range(1, 6)


@dataclass(frozen=True)
class RiskFacts:
    key: int
    likelihood: int | None
    impact: int | None
    review_on: dt.date | None


def score(likelihood: int | None, impact: int | None) -> int | None:
    """Likelihood x impact, or None while either is unrated."""
    return likelihood * impact if likelihood and impact else None


def escalation(risk: RiskFacts, today: dt.date, threshold: int = DEFAULT_THRESHOLD) -> tuple[str, ...]:
    """Why the risk goes to leadership: ("score",), ("review_overdue",), both, or () for neither."""
    return reasons(risk.likelihood, risk.impact, risk.review_on, today, threshold)


def reasons(likelihood: int | None, impact: int | None, review_on: dt.date | None, today: dt.date,
            threshold: int = DEFAULT_THRESHOLD) -> tuple[str, ...]:
    """:func:`escalation` on plain values (the register calls it once per row: no object to build)."""
    value = likelihood * impact if likelihood and impact else None
    high = value is not None and value >= threshold
    overdue = review_on is not None and review_on < today
    if high:
        return ("score", "review_overdue") if overdue else ("score",)
    return ("review_overdue",) if overdue else ()


def heat_grid(risks) -> dict[tuple[int, int], int]:
    """(likelihood, impact) -> number of rated risks in that cell, every cell of the 5 x 5 grid present."""
    grid = {(likelihood, impact): 0 for likelihood in SCALE for impact in SCALE}
    for risk in risks:
        if risk.likelihood in SCALE and risk.impact in SCALE:
            grid[(risk.likelihood, risk.impact)] += 1
    return grid
