"""Meeting cadence and overdue actions, pure: no Django imports.

Seed 000 §IV.C.2 recommends inter-mission meetings every second month at the operational level
(heads of the appropriate sections) and every half year at the strategic level (heads of mission,
force commanders, police commissioners, directors of administration, JMAC, political affairs and
human rights chiefs); §IV.C.4 puts UN country-team coordination at the margins of the six-monthly
meetings. Seed 000 §III.B shows why the cadence must be watched: the missions agreed in June 2009
to meet three times a year, and met twice in two years.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

# Months between meetings by level, as seed 000 §IV.C.2 and §IV.C.4 recommend.
RECOMMENDED_MONTHS = {"operational": 2, "strategic": 6, "country_team": 6}


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Cadence:
    """A commitment to meet every ``every_months`` months from ``since`` (until ``until``, if it ended)."""

    level: str
    every_months: int
    since: dt.date
    until: dt.date | None = None

    def __post_init__(self):
        if self.every_months < 1:
            raise ValueError("every_months: a cadence needs at least one month between meetings")
        if self.until is not None and self.until < self.since:
            raise ValueError("until: the cadence ends before it starts")

    def due_dates(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """The dates by which a meeting was due, falling within ``start``..``end`` and the cadence's life.

        The first meeting is due one interval after ``since`` (the day the commitment was made).
        """
        last = min(end, self.until) if self.until else end
        dates, step = [], 1
        while (due := add_months(self.since, self.every_months * step)) <= last:
            if due >= start:
                dates.append(due)
            step += 1
        return dates


@dataclass(frozen=True)
class CadenceStatus:
    level: str
    last_held: dt.date | None
    next_due: dt.date
    slipped: bool
    days_late: int
    held: int  # meetings held in the period
    due: int  # meetings the cadence called for in the period


def status(cadence: Cadence, held_on: list[dt.date], today: dt.date,
           period_start: dt.date | None = None) -> CadenceStatus:
    """Where a cadence stands on ``today``: the next due date, and whether it has slipped.

    The next meeting is due one interval after the last meeting held (or after the commitment when
    none was held); it has slipped when that date has passed without a meeting.
    """
    start = period_start or cadence.since
    past = sorted(d for d in held_on if d <= today)
    last = past[-1] if past else None
    # a meeting held before the commitment (the one that made it) does not reset the clock
    anchor = max(last, cadence.since) if last else cadence.since
    next_due = add_months(anchor, cadence.every_months)
    ended = cadence.until is not None and cadence.until < next_due
    slipped = not ended and next_due < today
    return CadenceStatus(
        level=cadence.level, last_held=last, next_due=next_due, slipped=slipped,
        days_late=(today - next_due).days if slipped else 0,
        held=sum(1 for d in past if d >= start),
        due=len(cadence.due_dates(start, today)),
    )


@dataclass(frozen=True)
class OpenAction:
    key: object
    due_on: dt.date | None
    closed_on: dt.date | None


def overdue(actions: list[OpenAction], today: dt.date) -> list[tuple[object, int]]:
    """``(key, days overdue)`` of actions due before ``today`` and not closed by then, most overdue first."""
    late = [(a.key, (today - a.due_on).days) for a in actions
            if a.due_on is not None and a.due_on < today and (a.closed_on is None or a.closed_on > today)]
    return sorted(late, key=lambda pair: -pair[1])


def closed_share(actions: list[OpenAction], today: dt.date) -> tuple[int, int]:
    """``(closed, total)`` as of ``today``: the seed 000 §III.C.4 'actions closed' benchmark."""
    closed = sum(1 for a in actions if a.closed_on is not None and a.closed_on <= today)
    return closed, len(actions)


def apart_from_margins(country_team: list[dt.date], strategic: list[dt.date], within_days: int = 3) -> list[dt.date]:
    """Country-team meetings not held at the margins of a strategic meeting (within ``within_days``).

    Seed 000 §IV.C.4: UN country-team coordination meetings "can be held at the margins of the
    inter-mission coordination meetings", saving the travel a separate meeting costs.
    """
    return [day for day in sorted(country_team)
            if not any(abs((day - other).days) <= within_days for other in strategic)]
