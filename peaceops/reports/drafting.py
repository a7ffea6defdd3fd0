"""Report drafting, pure: the sections other modules contribute to a report, and their assembly.

A report (the quarterly joint regional threat assessment, the Secretary-General's report to the
Security Council) is drafted from the data, then edited and approved by people (seed 000 §IV.C.3,
§IV.E.2; seed 004 §3). Each module that knows part of the story offers sections through a provider
module ``peaceops.<app>.report_sections`` with one function::

    def sections(request: DraftRequest) -> list[DraftSection]

The reports app asks every provider an installed app declares in its ``plugin.py``
(``Plugin(report_sections=Provider("peaceops.<app>.report_sections", order=...))``, peaceops.core.plugins)
and orders the sections by ``order``. A provider reads through its own selectors with ``request.user``, so a draft
holds only what the person drafting may see. No Django imports here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

THREAT_ASSESSMENT = "threat_assessment"
SG_REPORT = "sg_report"
KINDS = (THREAT_ASSESSMENT, SG_REPORT)


@dataclass(frozen=True)
class DraftRequest:
    """What a draft is for: its kind, the missions it covers (one, or a region's), and the period."""

    kind: str
    mission_ids: tuple[int, ...]
    start: dt.date
    end: dt.date
    user: object = None  # the Django user drafting; providers filter through peaceops.accounts.access
    region_id: int | None = None


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple, ...]
    caption: str = ""


@dataclass(frozen=True)
class DraftSection:
    """One section of a draft.

    ``key`` is stable across redrafts (e.g. "analysis.trends"), so a redraft can keep what people edited.
    ``body`` is plain text, paragraphs separated by blank lines. ``mission_id`` names the mission whose
    analysts contribute the section (None: the whole region), ``classification`` the level its content
    needs (0 unclassified, 1 confidential, 2 strictly confidential).
    """

    key: str
    title: str
    body: str
    order: int = 100
    tables: tuple[Table, ...] = field(default_factory=tuple)
    mission_id: int | None = None
    classification: int = 0
    source: str = ""  # where the text comes from, shown to the editor, e.g. "incidents 2010-01-01..2010-03-31"


def assemble(sections: list[DraftSection]) -> list[DraftSection]:
    """The sections in reading order; a repeated key keeps its first occurrence (a provider bug otherwise)."""
    seen: set[str] = set()
    unique = []
    for section in sorted(sections, key=lambda s: (s.order, s.key)):
        if section.key not in seen:
            seen.add(section.key)
            unique.append(section)
    return unique


def quarter_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar quarter holding ``day``: its first and last day."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = dt.date(day.year, first_month, 1)
    next_start = dt.date(day.year + (first_month == 10), 1 if first_month == 10 else first_month + 3, 1)
    return start, next_start - dt.timedelta(days=1)


def quarter_label(start: dt.date) -> str:
    return f"Q{(start.month - 1) // 3 + 1} {start.year}"


def quarters_due(first: dt.date, today: dt.date, due_after_days: int) -> list[tuple[dt.date, dt.date, dt.date]]:
    """Every quarter from the one holding ``first`` whose due day (its end plus ``due_after_days``) has passed
    by ``today``: ``(start, end, due)``, oldest first. A report due today is not late yet."""
    due_quarters = []
    start, end = quarter_of(first)
    while end + dt.timedelta(days=due_after_days) < today:
        due_quarters.append((start, end, end + dt.timedelta(days=due_after_days)))
        start, end = quarter_of(end + dt.timedelta(days=1))
    return due_quarters
