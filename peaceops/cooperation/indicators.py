"""Cooperation benchmarks per region, pure: no Django imports.

Seed 000 §III.C.4: the Security Council never asked the missions to report "benchmarks for
cooperation, joint activities, shared issues for focused consideration, coherent approaches to
the same set of challenges"; §IV.E.2 wants the Secretary-General's reports to carry a section on
inter-mission cooperation. These are the measures, each computed from recorded facts only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peaceops.cooperation.cadence import Cadence, OpenAction, closed_share, status


@dataclass(frozen=True)
class HeldMeeting:
    starts_on: dt.date
    level: str
    missions: frozenset[str]  # acronyms of the region's missions that attended
    subjects: tuple[str, ...] = ()
    decisions: int = 0
    series: str = ""  # "" for the inter-mission meetings; e.g. "force_commanders" for OMA's (seed 000 §III.C.2)


@dataclass(frozen=True)
class RegionFacts:
    region: str
    start: dt.date
    end: dt.date
    meetings: tuple[HeldMeeting, ...] = ()
    cadences: tuple[Cadence, ...] = ()
    cadence_series: tuple[str, ...] = ()  # the series each cadence counts, by position ("" when not given)
    actions: tuple[OpenAction, ...] = ()
    agreements: tuple[tuple[str, str, str], ...] = ()  # (sharer, receiver, subject) in force at the end
    warnings: int = 0  # contractor warnings issued in the period
    assets_shared: int | None = None  # None: the asset pool cannot tell (not built or not readable)


@dataclass(frozen=True)
class Indicator:
    key: str
    title: str
    value: str
    detail: str = ""
    numbers: tuple = field(default_factory=tuple)


def _joint(meetings, start, end):
    return [m for m in meetings if start <= m.starts_on <= end and len(m.missions) >= 2]


def measure(facts: RegionFacts) -> list[Indicator]:
    """The benchmarks of seed 000 §III.C.4 and §IV.E.2 for one region and period."""
    joint = _joint(facts.meetings, facts.start, facts.end)
    subjects = sorted({s.strip() for m in joint for s in m.subjects if s.strip()})
    decisions = sum(m.decisions for m in joint)
    series = facts.cadence_series or ("",) * len(facts.cadences)
    held_due = [status(c, [m.starts_on for m in facts.meetings if m.level == c.level and m.series == s],
                       facts.end, facts.start) for c, s in zip(facts.cadences, series, strict=True)]
    held, due = sum(s.held for s in held_due), sum(s.due for s in held_due)
    closed, total = closed_share(list(facts.actions), facts.end)
    exchanged = sorted({(s, r) for s, r, subject in facts.agreements if subject == "threat_assessments"})
    pairs = sorted({tuple(sorted((s, r))) for s, r, _subject in facts.agreements})
    return [
        Indicator("joint_activities", "Joint activities", str(len(joint)),
                  "meetings held with at least two of the region's missions", (len(joint),)),
        Indicator("shared_issues", "Shared issues", str(len(subjects)), "; ".join(subjects[:12]), (len(subjects),)),
        Indicator("coherent_approaches", "Coherent approaches", str(decisions),
                  "decisions taken jointly at those meetings", (decisions,)),
        Indicator("assets_shared", "Assets shared",
                  "—" if facts.assets_shared is None else str(facts.assets_shared),
                  "not measured: no readable loans between the region's missions" if facts.assets_shared is None
                  else "loans between the region's missions", (facts.assets_shared,)),
        Indicator("meetings_held", "Meetings held / due", f"{held} / {due}",
                  "; ".join(f"{s.level}: {s.held}/{s.due}{' (slipped)' if s.slipped else ''}" for s in held_due),
                  (held, due)),
        Indicator("actions_closed", "Actions closed", f"{closed} / {total}", "", (closed, total)),
        Indicator("information_sharing", "Information-sharing agreements in force", str(len(facts.agreements)),
                  "; ".join(f"{a}–{b}" for a, b in pairs), (len(facts.agreements),)),
        Indicator("threat_assessments", "Threat assessments exchanged", str(len(exchanged)),
                  "; ".join(f"{s} → {r}" for s, r in exchanged), (len(exchanged),)),
        Indicator("contractor_warnings", "Contractor warnings shared", str(facts.warnings), "", (facts.warnings,)),
    ]
