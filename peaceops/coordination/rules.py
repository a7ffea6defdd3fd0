"""Coordination rules from the seeds: duplication, gaps, funding, integration, humanitarian space.

Pure module (no Django): plain dataclasses in, findings out. The caller (a selector) builds
the facts from the records the reader may see, so a finding never reveals a record the reader
is not cleared for. Every finding carries ``code``, ``message`` and ``source`` (the seed
passage it comes from), like ``peaceops.registry.rules``.

Rules
=====

Periods are calendar days, both ends included; an open end (``end=None``) means "still
running". Two periods overlap when each starts on or before the other's end, so 1-31 January
and 1-28 February are adjacent, not overlapping. Areas are OCHA P-codes: admin-2 when known,
else admin-1. Two areas match when both admin-2 codes are known and equal, or when either
admin-2 is unknown and the admin-1 codes are equal (a province-wide activity meets every
territory of its province). Cancelled activities take part in no rule.

1. Duplication (seed 002 §4-§5: "competing or parallel programmes", DDR and SSR
   "duplication of processes, parallel structures and, often, competition"; seed 003
   rec. 3.4.2 "avoid unnecessary duplication"). Two or more activities of *different*
   organisations in the same sector (and, if asked, the same activity type), in matching
   areas, with overlapping periods. One finding per connected group of such activities,
   listing the activities and the organisations. The same organisation twice is not
   duplication. Computed by grouping on (sector[, type], admin-1) and sweeping each group's
   periods in order of start with the running set split by admin-2: time grows with the
   number of activities and of duplicate pairs, never with all pairs of a group.
2. Parallel services (seed 003 §2.4.2: in the DRC "DPKO ran a parallel air service to that of
   WFP ... 'integration' resulted in duplication"). A mission service and an agency service
   of the same kind (air, logistics, ...) in the same country with overlapping periods.
3. Gaps (seed 002 §5: activities "not necessarily informed by the needs on the ground";
   seed 003 §2.4.2: "duplication, unnecessary overlaps and gaps"). A need or mandated task
   for a sector in an area with no activity of that sector in a matching area during the
   period under review. A province-level need is met by any activity in the province.
4. Funding gaps (seed 003 §2.4.2: "DD is paid in part by assessed contributions and R is
   stalled through lack of voluntary contributions"). A programme's components follow a
   sequence (DDR: disarmament, demobilisation, reinsertion, reintegration; reinsertion is
   optional, the last component never is). A component that runs (active and funded) while
   the next component has no funding, or is missing, gives a warning. Components of one
   programme whose periods overlap, that end before they start or that are not in the
   sequence are input errors (:class:`ProgrammeInputError`), not findings.
5. Integration advice (seed 003 §2.1 "form must follow function", "asymmetric" integration;
   §2.4.1-§2.4.2 DDR and SSR; §2.4.3 humanitarian space). Given a mission's integration level
   per sector (separate, partial, full): every sector needs a recorded reason (the function
   that justifies the form); one level for every sector looks like a template; differing
   levels are legitimate; DDR (and SSR) kept separate risk parallel structures, and DDR spans
   budget regimes (assessed for D&D, voluntary for R); the humanitarian sector fully
   integrated endangers humanitarian space.
6. Humanitarian space (seed 004 §6.2.4: military assets "only when the civilian capability is
   insufficient to meet the need"; §6.2.3 and seed 003 rec. 3.4.7: decisions recorded by the
   MLT and the DSRSG/RC/HC). A military asset used or proposed for a humanitarian task while a
   civilian capacity of the same kind is available in a matching area during the period; and
   any such use or proposal without a recorded justification.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

OPEN_END = dt.date.max
IGNORED_STATUSES = frozenset({"cancelled"})

SOURCE_DUPLICATION = (
    "seed 002 §4: 'competing or parallel programmes, lack of cooperation and coordination'; §5 (MONUC): "
    "'Parallel training and other competing programmes conducted by various actors, related to the DDR and SSR "
    "processes' and 'duplication of processes, parallel structures and, often, competition'; seed 003 rec. 3.4.2 "
    "(§3.4, p. 39): 'avoid unnecessary duplication'")
SOURCE_PARALLEL_SERVICE = (
    "seed 003 §2.4.2 (p. 25 ff.): in the DRC 'DPKO ran a parallel air service to that of WFP ... in the absence "
    "of agreeing on ways to utilise available capacities, \"integration\" resulted in duplication'")
SOURCE_GAP = (
    "seed 002 §5: activities 'not necessarily informed by the needs on the ground'; seed 003 §2.4.2 (p. 25 ff.): "
    "donor behaviour leads to 'duplication, unnecessary overlaps and gaps in the provision of humanitarian "
    "assistance'")
SOURCE_FUNDING_GAP = (
    "seed 003 §2.4.2 (p. 25 ff.): 'programmes - e.g., DDR - where DD is paid in part by assessed contributions and "
    "R is stalled through lack of voluntary contributions'; rec. 3.4.4: a funding cell for 'resources required, "
    "for example, for reintegrating ex-combatants'")
SOURCE_FORM_FOLLOWS_FUNCTION = (
    "seed 003 §2.1 (p. 18): 'form must follow function ... fixed templates should be avoided. Only that which "
    "needs to be integrated should be integrated'; seed 002 §1 and §6: the principle of 'form follows function'")
SOURCE_ASYMMETRIC = (
    "seed 003 §2.1 (p. 18): '\"asymmetric\" models of integration may provide for deeper integration of some "
    "sectors rather than others'")
SOURCE_DDR_INTEGRATION = (
    "seed 003 §2.4.2 (p. 25 ff.): DDR 'where DD is paid in part by assessed contributions and R is stalled through "
    "lack of voluntary contributions'; §2.4.1 (p. 24): 'The UNCT should form the backbone of operational design "
    "for essential peacebuilding programmes such as DDR and SSR'")
SOURCE_PARALLEL_STRUCTURES = (
    "seed 003 §2.4.1 (p. 24): 'The consistent tendency ... to create parallel structures ... a contradiction to "
    "the fundamental purposes of integration'; seed 002 §5: DDR and SSR 'duplication of processes, parallel "
    "structures and, often, competition'")
SOURCE_HUMANITARIAN_SPACE = (
    "seed 003 §2.4.3 (p. 28 ff.): humanitarian space rests on 'maintaining a clear distinction between the role "
    "and function of humanitarian actors from that of the military'; the OCHA office will be 'physically "
    "distinct ... but not be integrated'; fn. 47: 'integrated planning' yes, 'integrated implementation' no; "
    "rec. 3.4.3")
SOURCE_LAST_RESORT = (
    "seed 004 §6.2.4 (p. 121 ff.): 'the use of military assets in a humanitarian response should be used only when "
    "the civilian capability is insufficient to meet the need and under the overall guidance of humanitarian "
    "actors' (MCDA Guidelines)")
SOURCE_JUSTIFICATION = (
    "seed 004 §6.2.3-§6.2.4 (p. 121 ff.): use of peacekeeping assets for humanitarian activities under 'a detailed "
    "agreement between members of the MLT and RC/HC'; 'The MLT will need to assess and decide when and how "
    "military assets should be used'; seed 003 rec. 3.4.7: the DSRSG/HC determines the appropriateness of "
    "'hearts and minds' campaigns and QIPs")


def _overlap(start_a: dt.date, end_a: dt.date | None, start_b: dt.date, end_b: dt.date | None) -> bool:
    """Inclusive overlap of two day periods; ``None`` is an open end."""
    return start_a <= (end_b or OPEN_END) and start_b <= (end_a or OPEN_END)


def _areas_match(admin1_a: str, admin2_a: str, admin1_b: str, admin2_b: str) -> bool:
    """Same admin-2 when both are known, else same admin-1 (the documented fallback)."""
    if admin2_a and admin2_b:
        return admin2_a == admin2_b
    return bool(admin1_a) and admin1_a == admin1_b


def _group_area(admin1: str, admin2: str) -> str:
    # An activity with an admin-2 code but no admin-1 code can only meet the same admin-2.
    return admin1 or f"adm2:{admin2}"


def _check_period(kind: str, ident: object, start: dt.date, end: dt.date | None) -> None:
    if end is not None and end < start:
        raise ValueError(f"{kind} {ident}: period ends ({end}) before it starts ({start})")


# ---------------------------------------------------------------------------------------------
# 1. Duplication


@dataclass(frozen=True, slots=True)
class Activity:
    """One line of a 3W: who (organisation) does what (sector, type) where (P-codes) when."""

    id: int | str
    organisation: str
    sector: str
    start: dt.date
    end: dt.date | None = None
    admin1: str = ""
    admin2: str = ""
    activity_type: str = ""
    status: str = "ongoing"


@dataclass(frozen=True)
class Duplication:
    sector: str
    area: str  # the admin-2 code, or the admin-1 code when an activity of the group has no admin-2
    activity_type: str  # "" when the analysis did not group by type
    activity_ids: tuple
    organisations: tuple[str, ...]
    start: dt.date  # the overlapping activities' span
    end: dt.date | None
    overlaps: tuple[tuple, ...]  # the (id, id) pairs of activities that duplicate each other
    code: str = "duplication"
    source: str = SOURCE_DUPLICATION

    @property
    def pairs(self) -> int:
        return len(self.overlaps)

    @property
    def message(self) -> str:
        what = f"{self.sector} ({self.activity_type})" if self.activity_type else self.sector
        return (f"{len(self.organisations)} organisations ({', '.join(self.organisations)}) run {what} in "
                f"{self.area} over overlapping periods: activities {', '.join(map(str, self.activity_ids))}")


def duplicate_pairs(activities: Sequence[Activity], *, by_activity_type: bool = False) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of activities that duplicate each other (rule 1).

    Groups by (sector[, type], admin-1) and sweeps each group by start day, keeping the running
    activities in one dict per admin-2 code ("" for unknown) and a heap of their end days to
    retire them. A new activity is compared only with running ones of its admin-2 and of
    unknown admin-2 (all of them when its own admin-2 is unknown).
    """
    groups: dict[tuple, list[tuple[int, int, int, str, str]]] = defaultdict(list)
    open_end = OPEN_END.toordinal()
    for index, a in enumerate(activities):
        if a.status in IGNORED_STATUSES or not (a.admin1 or a.admin2):
            continue
        _check_period("activity", a.id, a.start, a.end)
        key = (a.sector, a.activity_type if by_activity_type else "", _group_area(a.admin1, a.admin2))
        end = a.end.toordinal() if a.end is not None else open_end
        groups[key].append((a.start.toordinal(), end, index, a.admin2, a.organisation))
    pairs: list[tuple[int, int]] = []
    for members in groups.values():
        if len(members) > 1:
            _sweep(members, pairs)
    return pairs


def _sweep(members: list[tuple[int, int, int, str, str]], pairs: list[tuple[int, int]]) -> None:
    members.sort()
    running: dict[str, dict[int, str]] = defaultdict(dict)  # admin-2 -> {index: organisation}
    ends: list[tuple[int, int, str]] = []  # heap of (end, index, admin-2) of the running ones
    for start, end, index, admin2, organisation in members:
        while ends and ends[0][0] < start:  # inclusive days: ending the day before is adjacent
            _, done, done_admin2 = heapq.heappop(ends)
            del running[done_admin2][done]
        if admin2:
            candidates = (running[admin2], running[""]) if "" in running else (running[admin2],)
        else:
            candidates = tuple(running.values())
        for bucket in candidates:
            pairs.extend([(other, index) if other < index else (index, other)
                          for other, other_org in bucket.items() if other_org != organisation])
        running[admin2][index] = organisation
        heapq.heappush(ends, (end, index, admin2))


def find_duplications(activities: Sequence[Activity], *, by_activity_type: bool = False,
                      start: dt.date | None = None, end: dt.date | None = None) -> list[Duplication]:
    """Rule 1: one :class:`Duplication` per connected group of duplicate activities.

    Overlap is transitive in a finding (A meets B, B meets C: one finding), so over many years
    a busy area becomes one long finding: give ``start``/``end`` to look only at activities
    running during a review period (a coordination meeting's quarter, say).
    """
    if start is not None or end is not None:
        activities = [a for a in activities if _overlap(a.start, a.end, start or dt.date.min, end)]
    pairs = duplicate_pairs(activities, by_activity_type=by_activity_type)
    root = _components(len(activities), pairs)
    members: dict[int, list[int]] = defaultdict(list)
    overlaps: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for pair in pairs:
        overlaps[root[pair[0]]].append(pair)  # both ends of a pair share the root
    for head in overlaps:
        members[head] = []
    for index, head in enumerate(root):
        if head in members:
            members[head].append(index)
    findings = [_duplication(activities, members[head], overlaps[head], by_activity_type) for head in members]
    findings.sort(key=lambda d: (d.sector, d.area, d.start, d.activity_ids))
    return findings


def _components(count: int, pairs: list[tuple[int, int]]) -> list[int]:
    """Union-find over ``pairs``: the smallest index of each index's connected group."""
    parent = list(range(count))
    for i, j in pairs:
        while parent[i] != i:  # path halving, inlined: this loop runs once per duplicate pair
            parent[i] = i = parent[parent[i]]
        while parent[j] != j:
            parent[j] = j = parent[parent[j]]
        if i < j:
            parent[j] = i
        elif j < i:
            parent[i] = j
    for index in range(count):  # parents are smaller indices, so one pass in order resolves all
        parent[index] = parent[parent[index]]
    return parent


def _duplication(activities: Sequence[Activity], indexes: list[int], pairs: list[tuple[int, int]],
                 by_activity_type: bool) -> Duplication:
    members = [activities[i] for i in indexes]
    first = members[0]
    province_wide = any(not a.admin2 for a in members)
    ends = [a.end for a in members]
    return Duplication(
        sector=first.sector,
        area=first.admin1 if province_wide else first.admin2,
        activity_type=first.activity_type if by_activity_type else "",
        activity_ids=tuple(a.id for a in members),
        organisations=tuple(sorted({a.organisation for a in members})),
        start=min(a.start for a in members),
        end=None if None in ends else max(ends),
        overlaps=tuple([(activities[i].id, activities[j].id) for i, j in pairs]),
    )


# --- parallel services ("air service run twice")

MISSION = "mission"
AGENCY = "agency"


@dataclass(frozen=True)
class Service:
    """A common service (air, logistics, medical, ...) run by a mission or by an agency."""

    id: int | str
    organisation: str
    provider: str  # MISSION or AGENCY
    kind: str  # "air", "logistics", ...
    country: str
    start: dt.date
    end: dt.date | None = None


@dataclass(frozen=True)
class ParallelService:
    kind: str
    country: str
    mission_services: tuple
    agency_services: tuple
    organisations: tuple[str, ...]
    code: str = "parallel_service"
    source: str = SOURCE_PARALLEL_SERVICE

    @property
    def message(self) -> str:
        return (f"{self.kind} service run twice in {self.country}: by the mission ({', '.join(self.organisations)}) "
                f"and by an agency over overlapping periods")


def find_parallel_services(services: Iterable[Service]) -> list[ParallelService]:
    """Rule 2: mission and agency services of one kind in one country that run at the same time."""
    groups: dict[tuple[str, str], list[Service]] = defaultdict(list)
    for service in services:
        if service.provider not in (MISSION, AGENCY):
            raise ValueError(f"service {service.id}: provider must be {MISSION!r} or {AGENCY!r}, "
                             f"not {service.provider!r}")
        _check_period("service", service.id, service.start, service.end)
        groups[(service.kind, service.country)].append(service)
    findings = []
    for (kind, country), members in sorted(groups.items()):
        # Services of one kind in one country are a handful: comparing mission against agency
        # ones directly is clearer than a sweep and costs nothing.
        missions = [s for s in members if s.provider == MISSION]
        agencies = [s for s in members if s.provider == AGENCY]
        pairs = [(m, a) for m in missions for a in agencies if _overlap(m.start, m.end, a.start, a.end)]
        if pairs:
            mission_side = tuple(dict.fromkeys(m.id for m, _ in pairs))
            agency_side = tuple(dict.fromkeys(a.id for _, a in pairs))
            organisations = tuple(dict.fromkeys([m.organisation for m, _ in pairs]
                                                + [a.organisation for _, a in pairs]))
            findings.append(ParallelService(kind, country, mission_side, agency_side, organisations))
    return findings


# ---------------------------------------------------------------------------------------------
# 2. Gaps


@dataclass(frozen=True)
class Need:
    """A need or a mandated task for a sector in an area (admin-1, admin-2 when known)."""

    sector: str
    admin1: str
    admin2: str = ""
    kind: str = "need"  # "need" or "mandated_task"
    label: str = ""
    start: dt.date | None = None  # the need's own period; None: no bound
    end: dt.date | None = None
    id: int | str = ""


@dataclass(frozen=True)
class Gap:
    need: Need
    start: dt.date
    end: dt.date | None
    code: str = "gap"
    source: str = SOURCE_GAP

    @property
    def message(self) -> str:
        area = self.need.admin2 or self.need.admin1
        what = "mandated task" if self.need.kind == "mandated_task" else "need"
        label = f" ({self.need.label})" if self.need.label else ""
        until = self.end.isoformat() if self.end else "now"
        return f"{what}{label} in {self.need.sector} in {area}: no activity from {self.start.isoformat()} to {until}"


def find_gaps(needs: Iterable[Need], activities: Iterable[Activity], start: dt.date,
              end: dt.date | None = None) -> list[Gap]:
    """Rule 3: needs with no activity of their sector in a matching area during ``start``..``end``."""
    _check_period("review", "period", start, end)
    by_sector_admin1: dict[tuple[str, str], list[Activity]] = defaultdict(list)
    for a in activities:
        if a.status not in IGNORED_STATUSES and _overlap(a.start, a.end, start, end):
            by_sector_admin1[(a.sector, _group_area(a.admin1, a.admin2))].append(a)
    gaps = []
    for need in dict.fromkeys(needs):  # a need listed twice is one gap
        if not _overlap(need.start or dt.date.min, need.end, start, end):
            continue  # a need of another period is no gap of this one
        candidates = by_sector_admin1.get((need.sector, _group_area(need.admin1, need.admin2)), ())
        if not any(_areas_match(need.admin1, need.admin2, a.admin1, a.admin2) for a in candidates):
            gaps.append(Gap(need, start, end))
    return gaps


# ---------------------------------------------------------------------------------------------
# 3. Funding


DDR = ("disarmament", "demobilisation", "reinsertion", "reintegration")  # seed 003 glossary: D, D and R
DDR_OPTIONAL = frozenset({"reinsertion"})  # often folded into reintegration; reintegration itself never is
RUNNING_STATUSES = frozenset({"active"})


@dataclass(frozen=True)
class ProgrammeComponent:
    programme: str
    component: str  # one of the programme's sequence, e.g. DDR
    start: dt.date
    end: dt.date | None = None
    funded: Decimal = Decimal(0)  # money secured for the component, all streams together
    status: str = "planned"  # planned, active, completed, suspended
    regimes: tuple[str, ...] = ()  # funding regimes that pay it: assessed, voluntary, mdtf, bilateral


@dataclass(frozen=True)
class FundingGap:
    programme: str
    running: str
    unfunded: str
    running_regimes: tuple[str, ...] = ()
    missing: bool = False  # the next component is not recorded at all
    code: str = "funding_gap"
    source: str = SOURCE_FUNDING_GAP

    @property
    def message(self) -> str:
        paid = f" (paid from {', '.join(self.running_regimes)})" if self.running_regimes else ""
        state = "is not planned" if self.missing else "has no funding"
        return f"{self.programme}: {self.running} runs{paid} while {self.unfunded} {state}"


class ProgrammeInputError(ValueError):
    """Components that cannot be checked: every problem found, one line each."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


def component_errors(components: Iterable[ProgrammeComponent], sequence: Sequence[str] = DDR) -> list[str]:
    """Input errors: components outside the sequence, periods that end before they start, and
    components of one programme whose periods overlap (the sequence D, D and R runs in order)."""
    errors = []
    by_programme: dict[str, list[ProgrammeComponent]] = defaultdict(list)
    for c in components:
        if c.component not in sequence:
            errors.append(f"{c.programme}: unknown component {c.component!r} (expected one of {', '.join(sequence)})")
        elif c.end is not None and c.end < c.start:
            errors.append(f"{c.programme}: {c.component} ends ({c.end}) before it starts ({c.start})")
        else:
            by_programme[c.programme].append(c)
    for programme, members in by_programme.items():
        members.sort(key=lambda c: c.start)
        latest: ProgrammeComponent | None = None  # the one reaching furthest so far
        for c in members:
            if latest is not None and c.start <= (latest.end or OPEN_END):
                errors.append(f"{programme}: {latest.component} ({latest.start} to {latest.end or 'open'}) overlaps "
                              f"{c.component} ({c.start} to {c.end or 'open'})")
            if latest is None or (c.end or OPEN_END) > (latest.end or OPEN_END):
                latest = c
    return errors


def find_funding_gaps(components: Iterable[ProgrammeComponent], sequence: Sequence[str] = DDR,
                      optional: frozenset[str] = DDR_OPTIONAL) -> list[FundingGap]:
    """Rule 4: a running, funded component whose next component has no funding or is missing.

    Raises :class:`ProgrammeInputError` when :func:`component_errors` finds anything: the
    warning would be meaningless on an incoherent programme.
    """
    components = list(components)
    errors = component_errors(components, sequence)
    if errors:
        raise ProgrammeInputError(errors)
    by_programme: dict[str, dict[str, ProgrammeComponent]] = defaultdict(dict)
    for c in components:
        by_programme[c.programme][c.component] = c
    gaps = []
    for programme, present in sorted(by_programme.items()):
        for position, name in enumerate(sequence):
            current = present.get(name)
            if current is None or current.status not in RUNNING_STATUSES or current.funded <= 0:
                continue
            following = _next_component(sequence, position, present, optional)
            if following is None:
                continue
            nxt = present.get(following)
            if nxt is None or nxt.funded <= 0:
                gaps.append(FundingGap(programme, name, following, current.regimes, missing=nxt is None))
    return gaps


def _next_component(sequence: Sequence[str], position: int, present: Mapping, optional: frozenset[str]) -> str | None:
    """The next recorded component, skipping optional ones that are not recorded."""
    for name in sequence[position + 1:]:
        if name in present or name not in optional:
            return name
    return None


# ---------------------------------------------------------------------------------------------
# 4. Integration advice


SECTORS = ("political", "security", "ddr", "ssr", "rule_of_law", "human_rights", "humanitarian", "development")
LEVELS = ("separate", "partial", "full")


@dataclass(frozen=True)
class IntegrationChoice:
    sector: str  # one of SECTORS
    level: str  # one of LEVELS
    reason: str = ""


@dataclass(frozen=True)
class Advice:
    code: str
    sector: str  # "" for advice about the whole model
    severity: str  # "info" or "warning"
    message: str
    source: str


def integration_advice(choices: Iterable[IntegrationChoice]) -> list[Advice]:
    """Rule 5: the seeds' advice on a mission's integration model by sector."""
    choices = list(choices)
    for choice in choices:
        if choice.sector not in SECTORS:
            raise ValueError(f"unknown sector {choice.sector!r} (expected one of {', '.join(SECTORS)})")
        if choice.level not in LEVELS:
            raise ValueError(f"{choice.sector}: unknown integration level {choice.level!r} "
                             f"(expected one of {', '.join(LEVELS)})")
    levels = {c.sector: c.level for c in choices}
    if len(levels) < len(choices):
        raise ValueError("a sector is given more than one integration level")
    advice = [*_form_follows_function(choices), *_asymmetry(levels)]
    advice += _ddr_and_ssr(levels)
    advice += _humanitarian(levels)
    return advice


def _form_follows_function(choices: list[IntegrationChoice]) -> list[Advice]:
    # seed 003 §2.1: the function determines the structure; a level without a reason is a template.
    return [Advice("form_follows_function", c.sector, "warning",
                   f"{c.sector}: {c.level} integration with no reason recorded; record the function it serves",
                   SOURCE_FORM_FOLLOWS_FUNCTION)
            for c in choices if not c.reason.strip()]


def _asymmetry(levels: dict[str, str]) -> list[Advice]:
    # seed 003 §2.1: "asymmetric" models are legitimate; one level everywhere suggests a fixed template.
    if len(levels) < 2:
        return []
    if len(set(levels.values())) == 1:
        level = next(iter(levels.values()))
        return [Advice("uniform_model", "", "info",
                       f"every sector is {level}: fixed templates should be avoided; integrate only what needs to be "
                       "integrated", SOURCE_FORM_FOLLOWS_FUNCTION)]
    return [Advice("asymmetric_model", "", "info",
                   "sectors are integrated to different degrees: asymmetric integration is legitimate",
                   SOURCE_ASYMMETRIC)]


def _ddr_and_ssr(levels: dict[str, str]) -> list[Advice]:
    advice = []
    if levels.get("ddr") == "separate":
        # seed 003 §2.4.2: D and D paid from assessed contributions, R from voluntary ones.
        advice.append(Advice("ddr_needs_integration", "ddr", "warning",
                             "DDR spans budget regimes (assessed contributions for disarmament and demobilisation, "
                             "voluntary ones for reintegration): kept separate, reintegration risks stalling",
                             SOURCE_DDR_INTEGRATION))
    elif levels.get("ddr") == "partial":
        advice.append(Advice("ddr_funding_link", "ddr", "info",
                             "DDR spans budget regimes: check that reintegration has voluntary or trust-fund "
                             "money before disarmament and demobilisation end", SOURCE_DDR_INTEGRATION))
    if levels.get("ssr") == "separate":
        advice.append(Advice("parallel_structures", "ssr", "warning",
                             "SSR kept separate: parallel and competing programmes are the pattern the seeds report",
                             SOURCE_PARALLEL_STRUCTURES))
    return advice


def _humanitarian(levels: dict[str, str]) -> list[Advice]:
    # seed 003 §2.4.3 and rec. 3.4.3: the humanitarian office is distinct and not integrated.
    level = levels.get("humanitarian")
    if level == "full":
        return [Advice("humanitarian_space", "humanitarian", "warning",
                       "humanitarian sector fully integrated: keep it separate to protect humanitarian space",
                       SOURCE_HUMANITARIAN_SPACE)]
    if level == "partial":
        return [Advice("humanitarian_space", "humanitarian", "info",
                       "humanitarian sector partly integrated: joint planning and information sharing, but not "
                       "integrated implementation", SOURCE_HUMANITARIAN_SPACE)]
    return []


# ---------------------------------------------------------------------------------------------
# 5. Humanitarian space: military assets as a last resort


@dataclass(frozen=True)
class MilitaryAssetUse:
    """A proposed or actual use of a military asset (aircraft, trucks, engineers...)."""

    id: int | str
    asset_kind: str  # "air_transport", "road_transport", "engineering", "medical", ...
    start: dt.date
    end: dt.date | None = None
    admin1: str = ""
    admin2: str = ""
    humanitarian: bool = True  # for a humanitarian task
    status: str = "proposed"  # proposed, approved, refused, used
    justification: str = ""
    no_civilian_capacity: str = ""  # the recorded statement that no civilian capacity can meet the need


@dataclass(frozen=True)
class CivilianCapacity:
    id: int | str
    organisation: str
    asset_kind: str
    start: dt.date
    end: dt.date | None = None
    admin1: str = ""
    admin2: str = ""


@dataclass(frozen=True)
class HumanitarianSpaceFinding:
    code: str  # "civilian_capacity_available", "no_civilian_capacity_statement" or "no_justification"
    use_id: int | str
    message: str
    source: str
    civilian_capacity_ids: tuple = field(default=())


def find_military_asset_issues(uses: Iterable[MilitaryAssetUse],
                               capacities: Iterable[CivilianCapacity]) -> list[HumanitarianSpaceFinding]:
    """Rule 6: humanitarian uses of military assets while civilian capacity exists, or unjustified."""
    by_kind_area: dict[tuple[str, str], list[CivilianCapacity]] = defaultdict(list)
    for capacity in capacities:
        _check_period("civilian capacity", capacity.id, capacity.start, capacity.end)
        by_kind_area[(capacity.asset_kind, _group_area(capacity.admin1, capacity.admin2))].append(capacity)
    findings = []
    for use in uses:
        _check_period("military asset use", use.id, use.start, use.end)
        if not use.humanitarian or use.status == "refused":
            continue
        # seed 004 §6.2.4: "only when the civilian capability is insufficient to meet the need".
        available = tuple(c.id for c in by_kind_area.get((use.asset_kind, _group_area(use.admin1, use.admin2)), ())
                          if _areas_match(use.admin1, use.admin2, c.admin1, c.admin2)
                          and _overlap(use.start, use.end, c.start, c.end))
        if available:
            findings.append(HumanitarianSpaceFinding(
                "civilian_capacity_available", use.id,
                f"military {use.asset_kind} for a humanitarian task in {use.admin2 or use.admin1} while civilian "
                f"capacity of that kind is available ({', '.join(map(str, available))})",
                SOURCE_LAST_RESORT, available))
        # seed 004 §6.2.4: last resort, so someone must have stated that civilian means cannot do it.
        if not use.no_civilian_capacity.strip():
            findings.append(HumanitarianSpaceFinding(
                "no_civilian_capacity_statement", use.id,
                f"military {use.asset_kind} {use.status} for a humanitarian task with no recorded statement that no "
                "civilian capacity exists (military assets are a last resort)", SOURCE_LAST_RESORT))
        # seed 004 §6.2.3-§6.2.4: the MLT and the RC/HC decide; the reason must be on record.
        if not use.justification.strip():
            findings.append(HumanitarianSpaceFinding(
                "no_justification", use.id,
                f"military {use.asset_kind} {use.status} for a humanitarian task with no justification recorded",
                SOURCE_JUSTIFICATION))
    return findings



def last_resort_objections(use: MilitaryAssetUse,
                           capacities: Iterable[CivilianCapacity] = ()) -> list[HumanitarianSpaceFinding]:
    """Why a humanitarian use of a military asset may not be accepted (rule 6); [] when it may.

    Seed 004 §6.2.4: accepted "only when the civilian capability is insufficient to meet the need",
    so a use without a justification, without a statement that no civilian capacity exists, or
    while a civilian capacity of that kind is known in the area, is refused.
    """
    return [f for f in find_military_asset_issues([replace(use, status="proposed")], capacities)
            if f.use_id == use.id]


# Civilian capacity for each kind of military asset: the 3W sector whose actors provide it.
ASSET_SECTORS = {"air_transport": "LOG", "road_transport": "LOG", "engineering": "SHL", "medical": "HEA"}


# ---------------------------------------------------------------------------------------------
# 7. Humanitarian space: principles, and what the military side may see

SOURCE_PRINCIPLES = (
    "seed 003 §1.3 and §2.4.3: 'the well-established humanitarian principles of humanity, neutrality and "
    "impartiality must still be upheld' (GA res. 46/182); seed 004 §6.2.5: 'neutral, independent and impartial "
    "humanitarian needs', 'without compromising the neutrality, impartiality and independence of humanitarian "
    "actors'")
PRINCIPLES = ("humanity", "impartiality", "neutrality", "independence")


def military_may_see(humanitarian: bool, shared_with_military: bool, military_side: bool) -> bool:
    """Humanitarian data reaches the military side only when the humanitarians share it.

    Seed 003 §2.4.3: humanitarian space rests on "maintaining a clear distinction between the role
    and function of humanitarian actors from that of the military"; seed 004 §6.2.5: the risk of
    "humanitarian relief falling into the wrong hands".
    """
    return not (military_side and humanitarian and not shared_with_military)


# ---------------------------------------------------------------------------------------------
# 8. The coordination map: each area's state for a meeting


def area_states(gaps: Iterable[Gap], duplications: Iterable[Duplication]) -> dict[str, str]:
    """P-code -> "gap", "duplication" or "both": how the coordination map colours the area."""
    states: dict[str, str] = {}
    for gap in gaps:
        states[gap.need.admin2 or gap.need.admin1] = "gap"
    for duplication in duplications:
        area = duplication.area
        states[area] = "both" if states.get(area) in ("gap", "both") else "duplication"
    return states
