"""The duplicate rule: when two reports describe the same event (same day, within a distance,
same actors: what a JOC watch officer checks before logging a second report of one event).

Two reports are duplicates when ALL of these hold:

1. they come from different datasets (a dataset's own ids already say its rows are distinct
   events; UCDP can hold two clashes in one village on one day);
2. they start on the same day;
3. their points lie within ``MAX_DISTANCE_KM`` (10 km, great-circle), which absorbs the usual
   gap between a town's centroid in one dataset and the exact spot in another;
4. they share at least one actor, or, when either report names no shared actor, they have
   the same category (datasets spell actors differently: "Military Forces of Sudan (1989-2019)"
   in ACLED is "Government of Sudan" in UCDP).

Duplicates group transitively (if A~B and B~C, all three are one event), but a group never
holds two reports of one dataset: a union that would put them together is refused (pairs are
considered nearest first), so two distinct UCDP events are never merged through an ACLED
report that resembles both. In each group the
master is the report with the best-graded source (reliability A before F, then credibility 1
before 6), then the lowest key (the earliest stored); the others point to it.

Pure module: no Django imports.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

MAX_DISTANCE_KM = 10.0
EARTH_RADIUS_KM = 6371.0088
_CELL_DEGREES = 0.1  # grid for candidate search: 0.1 deg ~ 11 km, so neighbours are in 3x3 cells


@dataclass(frozen=True)
class Report:
    key: int
    dataset: str
    day: date
    latitude: float
    longitude: float
    category: str
    actors: frozenset = frozenset()
    grade: tuple[str, int] = ("F", 6)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def same_event(a: Report, b: Report, max_km: float = MAX_DISTANCE_KM) -> bool:
    if a.dataset == b.dataset or a.day != b.day:
        return False
    if distance_km(a.latitude, a.longitude, b.latitude, b.longitude) > max_km:
        return False
    return bool(a.actors & b.actors) or a.category == b.category


def duplicate_links(reports: list[Report], max_km: float = MAX_DISTANCE_KM) -> dict[int, int]:
    """``{duplicate key: master key}`` for every report that duplicates another."""
    parent = {r.key: r.key for r in reports}
    datasets = {r.key: {r.dataset} for r in reports}

    def root(key):
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a, b):
        ra, rb = root(a), root(b)
        if ra != rb and not (datasets[ra] & datasets[rb]):
            parent[ra] = rb
            datasets[rb] |= datasets.pop(ra)

    cells: dict[tuple, list[Report]] = defaultdict(list)
    for report in reports:
        cells[(report.day, _cell(report.latitude), _cell(report.longitude))].append(report)
    reach = max(1, math.ceil(max_km / 111.0 / _CELL_DEGREES))  # cells to look at either side (lat)
    pairs = []
    for (day, row, col), members in cells.items():
        for report in members:
            shrink = max(0.01, math.cos(math.radians(abs(report.latitude))))  # meridians converge
            lon_reach = max(1, math.ceil(max_km / (111.0 * shrink) / _CELL_DEGREES))
            for dr in range(-reach, reach + 1):
                for dc in range(-lon_reach, lon_reach + 1):
                    for other in cells.get((day, row + dr, col + dc), ()):
                        if other.key < report.key and same_event(report, other, max_km):
                            km = distance_km(report.latitude, report.longitude, other.latitude, other.longitude)
                            pairs.append((km, other.key, report.key))
    for _km, a, b in sorted(pairs):
        union(a, b)
    groups: dict[int, list[Report]] = defaultdict(list)
    for report in reports:
        groups[root(report.key)].append(report)
    links = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        master = min(members, key=lambda r: (r.grade, r.key))
        links.update({r.key: master.key for r in members if r.key != master.key})
    return links


def _cell(degrees: float) -> int:
    return math.floor(degrees / _CELL_DEGREES)
