"""The daily situation report, assembled from figures the database already summed.

The JOC "collates all the information received and produces daily situation reports"
(seed 000 app. 2). This module turns the aggregates and the few rows that
:mod:`peaceops.incidents.sitrep.selectors` reads into the report's structure (a JSON-ready dict);
it holds the report's rules so they can be tested without a database:

- **The last 24 hours** of a report dated D are the incidents that *started* on D. An event
  spanning several days (UCDP dates an event from ``date_start`` to ``date_end``, with its
  deaths summed over the span) is counted once, on its first day, so that the sitreps of a
  month add up to the month; events that started in the previous 30 days and are still open
  on D are listed apart as *continuing*, not counted again.
- **Duplicates**: reports linked to a master report (``duplicate_of``) are left out; the
  master stands for the event.
- **Notable** (see :func:`notable_reasons`): an incident of the day with at least
  :data:`NOTABLE_DEATHS` deaths (best estimate), an attack on UN or humanitarian personnel,
  an abduction (category, or anyone abducted), sexual violence, or the first incident in its
  admin-1 area for 30 days.
- **Change**: the day's count and deaths against the daily average of the previous 7 and 30
  days (D-7 .. D-1 and D-30 .. D-1), as a difference and a percentage (None when the
  average is zero: a rise from nothing has no percentage).

Pure module: no Django imports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

NOTABLE_DEATHS = 5
COMPARISON_WINDOWS = (7, 30)
NEW_AREA_DAYS = 30
# The periods the month before a report is summed by (days before the date), so that every
# comparison window and the new-area rule is a union of whole periods.
DAY_BUCKETS = tuple(sorted({*COMPARISON_WINDOWS, NEW_AREA_DAYS}))
UNKNOWN_AREA = "(unknown)"
ITEMS_LIMIT = 500
FOLLOW_UPS_LIMIT = 100

# Category codes from peaceops.incidents.taxonomy.Category (kept as strings: this module is pure;
# test_sitrep checks they are valid codes).
ATTACK_ON_UN_OR_HUMANITARIAN = "attack_on_un_humanitarian"
ABDUCTION = "abduction"
SEXUAL_VIOLENCE = "sexual_violence"

DEATH_FIELDS = ("best", "low", "high", "a", "b", "civilians", "unknown")
TOTAL_FIELDS = (*DEATH_FIELDS, "injured", "abducted")


@dataclass(frozen=True)
class Scope:
    """What a report covers: one mission, or a region (its missions)."""

    kind: str  # "mission" | "region"
    name: str  # the mission's acronym or the region's name
    mission_ids: tuple[int, ...]
    mission_names: tuple[str, ...]

    def as_dict(self) -> dict:
        return {"kind": self.kind, "name": self.name, "missions": list(self.mission_names)}


@dataclass
class SitrepInputs:
    """Everything the report needs, as the selectors read it (already narrowed to the reader)."""

    date: dt.date
    scope: Scope
    day_totals: dict  # {"incidents": N, "best": N, ..., "injured": N, "abducted": N}
    window_totals: dict  # {7: {"incidents": N, "deaths": N}, 30: {...}} over the days before ``date``
    by_category: dict  # {code: {"incidents": N, "deaths": N}}
    by_admin1: dict  # {name or "": {"incidents": N, "deaths": N}}
    day_rows: list  # one dict per incident of the day (see selectors.DAY_FIELDS)
    recent_areas: set  # {(country_id, admin1)} with an incident in the NEW_AREA_DAYS days before
    continuing_rows: list = field(default_factory=list)
    follow_up_rows: list = field(default_factory=list)
    follow_ups_total: int = 0
    # The highest classification among every incident counted anywhere in the report (the month's sums
    # included): the report's marking, so a figure drawn from a confidential incident is never unmarked.
    classification: int = 0


def notable_reasons(row: dict, recent_areas: set) -> list[str]:
    """Why an incident of the day belongs in the report's notable list (empty: it does not)."""
    reasons = []
    if row["deaths_best"] >= NOTABLE_DEATHS:
        reasons.append(f"deaths_best>={NOTABLE_DEATHS}")
    if row["category"] == ATTACK_ON_UN_OR_HUMANITARIAN:
        reasons.append("attack_on_un_humanitarian")
    if row["category"] == ABDUCTION or row.get("abducted", 0) > 0:
        reasons.append("abduction")
    if row["category"] == SEXUAL_VIOLENCE:
        reasons.append("sexual_violence")
    if row["admin1"] and (row["country_id"], row["admin1"]) not in recent_areas:
        reasons.append(f"first_in_admin1_for_{NEW_AREA_DAYS}_days")
    return reasons


def grouped(rows: list, column: str) -> dict:
    """Incidents and best-estimate deaths per value of ``column`` (the day's rows, by category or area)."""
    groups: dict = {}
    for row in rows:
        figures = groups.setdefault(row[column], {"incidents": 0, "deaths": 0})
        figures["incidents"] += 1
        figures["deaths"] += row["deaths_best"]
    return groups


def fold_area_groups(groups: list) -> tuple[dict, dict, set]:
    """The day's totals, the windows' totals and the areas already seen, from per-area sums.

    Each group is one (country, admin-1) and one period of the month up to the report date:
    ``days_before`` 0 for the day itself, else the first of :data:`DAY_BUCKETS` the incidents'
    start lies within (7: D-7..D-1, 30: D-30..D-8); with ``incidents`` and the sums of
    :data:`TOTAL_FIELDS`. A window of N days holds the periods 1..N.
    """
    totals = empty_totals()
    windows = {days: {"incidents": 0, "deaths": 0} for days in COMPARISON_WINDOWS}
    seen = set()
    for group in groups:
        before = group["days_before"]
        if before == 0:
            for name in totals:
                totals[name] += group[name]
            continue
        for days, window in windows.items():
            if before <= days:
                window["incidents"] += group["incidents"]
                window["deaths"] += group["best"]
        if before <= NEW_AREA_DAYS and group["incidents"] and group["admin1"]:
            seen.add((group["country_id"], group["admin1"]))
    return totals, windows, seen


def split_day_rows(rows: list, day: dt.date) -> tuple[list, list]:
    """The incidents of the day, and the continuing ones (started before, still open), oldest first."""
    of_day = [row for row in rows if row["start_date"] == day]
    continuing = sorted((row for row in rows if row["start_date"] != day), key=lambda r: (r["start_date"], r["id"]))
    return of_day, continuing[:ITEMS_LIMIT]


def change_against(day_value: int, window_value: int, days: int) -> dict:
    """The day against the daily average of a window: average, difference, percentage."""
    average = window_value / days
    difference = day_value - average
    percent = None if average == 0 else round(100 * difference / average, 1)
    return {"per_day": round(average, 2), "difference": round(difference, 2), "percent": percent}


def _change(inputs: SitrepInputs) -> dict:
    result = {}
    for days in COMPARISON_WINDOWS:
        window = inputs.window_totals[days]
        result[f"previous_{days}_days"] = {
            "days": days,
            "incidents": window["incidents"],
            "deaths": window["deaths"],
            "incidents_per_day": change_against(inputs.day_totals["incidents"], window["incidents"], days),
            "deaths_per_day": change_against(inputs.day_totals["best"], window["deaths"], days),
        }
    return result


def _area_key(name: str) -> str:
    return name or UNKNOWN_AREA


def _by_area(by_admin1: dict) -> tuple[dict, dict]:
    counts, deaths = {}, {}
    for name, figures in by_admin1.items():
        key = _area_key(name)
        counts[key] = counts.get(key, 0) + figures["incidents"]
        deaths[key] = deaths.get(key, 0) + figures["deaths"]
    return _sorted_desc(counts), {k: deaths[k] for k in _sorted_desc(counts)}


def _sorted_desc(figures: dict) -> dict:
    """Largest first, then by name, so reports read the same every time."""
    return dict(sorted(figures.items(), key=lambda item: (-item[1], item[0])))


def _item(row: dict) -> dict:
    return {
        "id": row["id"],
        "start_date": row["start_date"].isoformat(),
        "end_date": row["end_date"].isoformat(),
        "category": row["category"],
        "admin1": row["admin1"],
        "location": row["location"],
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "deaths_best": row["deaths_best"],
        "status": row["status"],
        "description": _shorten(row["description"]),
        "classification": row.get("classification", 0),
    }


def _shorten(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _notable(rows: list, recent_areas: set) -> list:
    notable = []
    for row in rows:
        reasons = notable_reasons(row, recent_areas)
        if reasons:
            notable.append({**_item(row), "reasons": reasons})
    return sorted(notable, key=lambda item: (-item["deaths_best"], item["id"]))


def _follow_up(row: dict) -> dict:
    return {
        "id": row["id"],
        "start_date": row["start_date"].isoformat(),
        "category": row["category"],
        "admin1": row["admin1"],
        "location": row["location"],
        "follow_up": row["follow_up"],
        "classification": row.get("classification", 0),
    }


def assemble(inputs: SitrepInputs) -> dict:
    """The report as a JSON-ready dict (the API's and the CLI's ``--format json`` form)."""
    totals = inputs.day_totals
    by_admin1, deaths_by_admin1 = _by_area(inputs.by_admin1)
    by_category = _sorted_desc({code: f["incidents"] for code, f in inputs.by_category.items()})
    rows = sorted(inputs.day_rows, key=lambda row: (-row["deaths_best"], row["id"]))
    listed = [*inputs.day_rows, *inputs.continuing_rows, *inputs.follow_up_rows]
    return {
        "date": inputs.date.isoformat(),
        "classification": max([inputs.classification, *(row.get("classification", 0) for row in listed)]),
        "scope": inputs.scope.as_dict(),
        "period": {"from": inputs.date.isoformat(), "to": inputs.date.isoformat(),
                   "rule": "incidents that started on the report date; duplicates left out"},
        "incidents": totals["incidents"],
        "fatalities": {name: totals[name] for name in DEATH_FIELDS},
        "injured": totals["injured"],
        "abducted": totals["abducted"],
        "by_category": by_category,
        "deaths_by_category": {code: inputs.by_category[code]["deaths"] for code in by_category},
        "by_admin1": by_admin1,
        "deaths_by_admin1": deaths_by_admin1,
        "notable": _notable(inputs.day_rows, inputs.recent_areas),
        "change": _change(inputs),
        "items": [_item(row) for row in rows[:ITEMS_LIMIT]],
        "items_truncated": len(rows) > ITEMS_LIMIT or totals["incidents"] > len(rows),
        "continuing": [_item(row) for row in inputs.continuing_rows],
        "open_follow_ups": [_follow_up(row) for row in inputs.follow_up_rows],
        "open_follow_ups_total": inputs.follow_ups_total,
    }


def empty_totals() -> dict:
    return {"incidents": 0, **{name: 0 for name in TOTAL_FIELDS}}
