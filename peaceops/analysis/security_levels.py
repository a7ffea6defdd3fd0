"""Security levels that disagree across a border: the check, pure (no Django).

Seed 000 §III.C.2: "Where MINURCAT classified Eastern Chad as a Phase IV security threat, UNAMID put
their side of the border on a Phase III alert", which let Sudan play one mission against the other.
The check flags two areas that are adjacent across a border (different countries), set by different
missions, in the same system (UN phases I-V or security levels 1-6), whose levels differ by one or
more on a common date; the incidents on each side over the common period are its evidence.

Adjacency comes from the shapes when both areas have one (COD-AB admin areas, Natural Earth
countries): two shapes are adjacent when they touch within ``TOLERANCE_DEGREES``. Without shapes,
two areas are adjacent when their countries share a land border in ``LAND_BORDERS`` (the seed
region's borders, from the Natural Earth 1:110m shapes).

Levels are shared in the region: a mission's users read the unclassified levels its neighbours set
along their borders (the selectors decide which); a level on the other side that exists but cannot be
read is reported as such (:func:`unreadable_across`), so the check never says "agree" for want of it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import combinations

from shapely.geometry import shape

# Natural Earth 1:110m simplifies borders; shapes of two neighbours can miss each other by a little.
TOLERANCE_DEGREES = 0.05

# Land borders of the countries the seeds speak of (seed 000: Chad, Sudan, CAR, DRC and neighbours),
# used only when shapes are missing. ISO 3166 alpha-3 pairs.
LAND_BORDERS = frozenset(frozenset(pair) for pair in [
    ("TCD", "SDN"), ("TCD", "CAF"), ("TCD", "CMR"), ("TCD", "NGA"), ("TCD", "NER"), ("TCD", "LBY"),
    ("SDN", "CAF"), ("SDN", "SSD"), ("SDN", "EGY"), ("SDN", "LBY"), ("SDN", "ERI"), ("SDN", "ETH"),
    ("CAF", "SSD"), ("CAF", "COD"), ("CAF", "COG"), ("CAF", "CMR"),
    ("SSD", "COD"), ("SSD", "UGA"), ("SSD", "KEN"), ("SSD", "ETH"),
    ("COD", "UGA"), ("COD", "RWA"), ("COD", "BDI"), ("COD", "TZA"), ("COD", "ZMB"), ("COD", "AGO"),
    ("COD", "COG"),
])


@dataclass(frozen=True)
class Area:
    """An area a level is set for: ``key`` is unique ("country:TCD" or "admin:TD05"), ``geometry`` GeoJSON."""

    key: str
    name: str
    country: str  # ISO3
    geometry: dict | None = None


@dataclass(frozen=True)
class LevelSpan:
    """One security level record: a level of one system for one area, set by one mission, over a period."""

    record_id: int
    area: Area
    mission_id: int | None
    system: str
    level: int
    valid_from: dt.date
    valid_to: dt.date | None = None  # None: still in force

    def overlap(self, other: LevelSpan) -> tuple[dt.date, dt.date | None] | None:
        start = max(self.valid_from, other.valid_from)
        ends = [d for d in (self.valid_to, other.valid_to) if d is not None]
        end = min(ends) if ends else None
        return None if end is not None and end < start else (start, end)


@dataclass(frozen=True)
class IncidentPoint:
    id: int
    area_key: str
    day: dt.date


@dataclass(frozen=True)
class Divergence:
    """Two adjacent areas across a border with levels one or more apart from ``start`` (to ``end``)."""

    first: LevelSpan
    second: LevelSpan
    start: dt.date
    end: dt.date | None
    evidence_first: tuple[int, ...] = field(default_factory=tuple)
    evidence_second: tuple[int, ...] = field(default_factory=tuple)

    @property
    def difference(self) -> int:
        return abs(self.first.level - self.second.level)


def _geometry(area: Area):
    try:
        return shape(area.geometry) if area.geometry else None
    except (ValueError, TypeError, AttributeError, KeyError):
        return None  # an unreadable shape counts as no shape: the border table decides


def adjacent(first: Area, second: Area) -> bool:
    """Whether two areas of different countries touch (shapes) or their countries border each other."""
    if first.country == second.country:
        return False
    a, b = _geometry(first), _geometry(second)
    if a is not None and b is not None:
        return a.distance(b) <= TOLERANCE_DEGREES
    return frozenset((first.country, second.country)) in LAND_BORDERS


def borders_on(area: Area, hosts) -> bool:
    """Whether ``area`` lies in one of the ``hosts`` (a mission's host countries) or across a border from one."""
    return any(area.country == host.country or adjacent(area, host) for host in hosts)


def _evidence(incidents: list[IncidentPoint], area_key: str, start: dt.date, end: dt.date | None) -> tuple[int, ...]:
    return tuple(sorted(i.id for i in incidents
                        if i.area_key == area_key and i.day >= start and (end is None or i.day <= end)))


def _in_force(spans, on: dt.date | None) -> list[LevelSpan]:
    if on is None:
        return list(spans)
    return [s for s in spans if s.valid_from <= on and (s.valid_to is None or s.valid_to >= on)]


def _facing(first: LevelSpan, second: LevelSpan, adjacency: dict) -> tuple[dt.date, dt.date | None] | None:
    """The common period of two spans of one system, set by different missions on either side of a border."""
    if first.system != second.system:
        return None
    if first.mission_id is None or second.mission_id is None or first.mission_id == second.mission_id:
        return None
    pair = (first.area.key, second.area.key)
    if pair not in adjacency:
        adjacency[pair] = adjacent(first.area, second.area)
    return first.overlap(second) if adjacency[pair] else None


def border_pairs(spans: list[LevelSpan], on: dt.date | None = None) -> int:
    """How many pairs of spans face each other across a border (what "the levels agree" can be said of)."""
    adjacency: dict[tuple[str, str], bool] = {}
    ordered = sorted(_in_force(spans, on), key=lambda s: (s.area.key, s.record_id))
    return sum(1 for first, second in combinations(ordered, 2) if _facing(first, second, adjacency))


@dataclass(frozen=True)
class Unreadable:
    """A readable span facing, across a border, a neighbour's span the reader may not read.

    Only where the other span is and whose it is are kept: its level stays with its mission.
    """

    side: LevelSpan
    other_area: Area
    other_mission_id: int
    start: dt.date
    end: dt.date | None


def unreadable_across(readable: list[LevelSpan], hidden: list[LevelSpan],
                      on: dt.date | None = None) -> list[Unreadable]:
    """The readable spans facing a ``hidden`` span across a border over a common period, once per area and mission."""
    adjacency: dict[tuple[str, str], bool] = {}
    found: dict[tuple, Unreadable] = {}
    for side in _in_force(readable, on):
        for other in _in_force(hidden, on):
            common = _facing(side, other, adjacency)
            key = (side.record_id, other.area.key, other.mission_id)
            if common is not None and key not in found:
                found[key] = Unreadable(side, other.area, other.mission_id, *common)
    return sorted(found.values(), key=lambda u: (u.side.area.key, u.other_area.key, u.start))


def divergences(spans: list[LevelSpan], incidents: list[IncidentPoint] = (), on: dt.date | None = None,
                evidence_days: int = 90) -> list[Divergence]:
    """Every pair of spans across a border, under different missions, whose levels differ on a common date.

    ``on`` narrows to the spans in force that day. Evidence: the incidents in each area from
    ``evidence_days`` before the common period began to its end (or ``on``).
    """
    found = []
    adjacency: dict[tuple[str, str], bool] = {}
    for first, second in combinations(sorted(_in_force(spans, on), key=lambda s: (s.area.key, s.record_id)), 2):
        if first.level == second.level:
            continue
        common = _facing(first, second, adjacency)
        if common is None:
            continue
        start, end = common
        since = start - dt.timedelta(days=evidence_days)
        until = on if on is not None else end
        found.append(Divergence(first, second, start, end,
                                _evidence(incidents, first.area.key, since, until),
                                _evidence(incidents, second.area.key, since, until)))
    return sorted(found, key=lambda d: (-d.difference, d.start, d.first.area.key, d.second.area.key))
