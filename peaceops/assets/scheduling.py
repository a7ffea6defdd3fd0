"""Calendar arithmetic of the asset pool. Pure module: no Django imports.

Dates are inclusive: a loan from 1 to 3 March holds the asset for three days, and a loan
starting on 3 March overlaps it (the aircraft cannot be in two missions on the same day).
"""

import datetime as dt
from dataclasses import dataclass, field


class SchedulingError(ValueError):
    """A request the calendar refuses; ``field`` names the input at fault."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name


@dataclass(frozen=True, order=True)
class Interval:
    start: dt.date
    end: dt.date

    def __post_init__(self):
        if self.end < self.start:
            raise SchedulingError("end_date", f"ends ({self.end}) before it starts ({self.start})")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlaps(self, other: "Interval") -> bool:
        return self.start <= other.end and other.start <= self.end

    def clip(self, other: "Interval") -> "Interval | None":
        """The part of this interval inside ``other``, or None."""
        if not self.overlaps(other):
            return None
        return Interval(max(self.start, other.start), min(self.end, other.end))


def first_overlap(wanted: Interval, booked) -> Interval | None:
    """The first booked interval that overlaps ``wanted``, or None when the dates are free."""
    return next((b for b in sorted(booked) if b.overlaps(wanted)), None)


def merge(intervals) -> list[Interval]:
    """Union of intervals as disjoint, sorted intervals (adjacent days joined)."""
    merged: list[Interval] = []
    for interval in sorted(intervals):
        if merged and interval.start <= merged[-1].end + dt.timedelta(days=1):
            last = merged[-1]
            merged[-1] = Interval(last.start, max(last.end, interval.end))
        else:
            merged.append(interval)
    return merged


def covered_days(intervals, period: Interval) -> int:
    """Days of ``period`` covered by at least one interval."""
    clipped = [c for c in (i.clip(period) for i in intervals) if c is not None]
    return sum(i.days for i in merge(clipped))


@dataclass(frozen=True)
class Utilisation:
    """How one asset spent a period: lent to other missions, kept by its owner, idle."""

    period_days: int
    lent_days: int
    blocked_days: int

    @property
    def idle_days(self) -> int:
        return self.period_days - self.lent_days - self.blocked_days

    @property
    def lent_share(self) -> float:
        return self.lent_days / self.period_days if self.period_days else 0.0

    @property
    def idle_share(self) -> float:
        return self.idle_days / self.period_days if self.period_days else 0.0


def utilisation(period: Interval, loans, blocks) -> Utilisation:
    """Days lent, days blocked (not counting days also lent) and the idle rest of ``period``."""
    lent = covered_days(loans, period)
    both = covered_days(list(loans) + list(blocks), period)
    return Utilisation(period_days=period.days, lent_days=lent, blocked_days=both - lent)


@dataclass(frozen=True)
class Need:
    """What a request needs of an asset."""

    kind: str
    dates: Interval
    destination_country: int | None = None
    seats: int | None = None
    tonnes: float | None = None
    persons: int | None = None


@dataclass(frozen=True)
class Candidate:
    """An asset as the search sees it (ids, capacities, caveats, its booked and blocked days)."""

    asset_id: int
    kind: str
    location_country: int | None = None
    no_cross_border: bool = False
    seats: int | None = None
    tonnes: float | None = None
    persons: int | None = None
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    busy: tuple[Interval, ...] = field(default_factory=tuple)


CAPACITIES = ("seats", "tonnes", "persons")


def refusal(candidate: Candidate, need: Need) -> tuple[str, str] | None:
    """Why ``candidate`` cannot serve ``need`` as (field, reason), or None when it can."""
    if candidate.kind != need.kind:
        return "kind", f"is a {candidate.kind}, not a {need.kind}"
    for name in CAPACITIES:
        wanted, offered = getattr(need, name), getattr(candidate, name)
        if wanted and (offered is None or wanted > offered):
            return name, f"needs {wanted} {name}, the asset has {offered or 0}"
    if candidate.available_from and need.dates.start < candidate.available_from:
        return "start_date", f"the asset is available only from {candidate.available_from}"
    if candidate.available_until and need.dates.end > candidate.available_until:
        return "end_date", f"the asset is available only until {candidate.available_until}"
    if candidate.no_cross_border and need.destination_country and candidate.location_country \
            and need.destination_country != candidate.location_country:
        return "destination_country", "the contributing country's caveat forbids cross-border use"
    clash = first_overlap(need.dates, candidate.busy)
    if clash:
        return "start_date", f"the asset is booked from {clash.start} to {clash.end}"
    return None


def feasible(candidates, need: Need) -> list[Candidate]:
    """Candidates that can serve ``need``, the closest fit first (least spare capacity, then id).

    The closest fit leaves the larger aircraft free for the larger requests.
    """
    fitting = [c for c in candidates if refusal(c, need) is None]
    return sorted(fitting, key=lambda c: (_spare(c, need), c.asset_id))


def _spare(candidate: Candidate, need: Need) -> float:
    return sum(float(getattr(candidate, n) or 0) - float(getattr(need, n) or 0)
               for n in CAPACITIES if getattr(need, n))
