"""Early-warning alerts computed strictly from what was known at a date (pure: no Django).

Documented in docs/early-warning.md. Seed 002 asks for early warning that makes
missions proactive; seed 000 names what failed between neighbouring missions: a refugee flow one
mission foresaw and the next did not (§II.1, §III.C.1), violence on one side of a border read
differently on the other (§III.C.2), no joint mapping of armed groups across borders (§IV.A.1).

Every function takes ``as_of`` and first cuts the frame to incidents with ``report_date <= as_of``
(:meth:`IncidentFrame.known_at`), so adding incidents reported later never changes an alert
(tested with hypothesis). Windows count back from ``as_of`` by report date: the "recent" window is
the ``window_days`` days ending on ``as_of``.

Alert kinds (rules in each function's docstring, parameters in :class:`Rules`):

- ``surge``: an area's recent violence against its own baseline (:func:`surge_alerts`);
- ``new_actor``: an armed actor active in an area where it was not seen before
  (:func:`new_actor_alerts`);
- ``toward_border``: violence in an area moving toward a border shared with another mission's
  area; that mission is notified (:func:`border_alerts`);
- ``displacement``: displacement reported near a border, toward the neighbour's area; the
  neighbour's mission is notified (:func:`displacement_alerts`).

An alert's ``key`` names the situation (kind, area, and the actor or neighbouring country it is
about), not the date: recomputing on another day gives the same key for the same situation, so a
human decision recorded against the key (acknowledge, dismiss, escalate) survives recomputation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape

from peaceops.analysis.frame import UNARMED_ACTOR_KINDS, IncidentFrame, to_day
from peaceops.analysis.trends import area_codes, benjamini_hochberg, poisson_upper_tail

SURGE = "surge"
NEW_ACTOR = "new_actor"
TOWARD_BORDER = "toward_border"
DISPLACEMENT = "displacement"
KINDS = (SURGE, NEW_ACTOR, TOWARD_BORDER, DISPLACEMENT)

# Categories (peaceops.incidents.taxonomy.Category values) counted as violence.
VIOLENT_CATEGORIES = frozenset({"armed_clash", "attack_on_civilians", "attack_on_un_humanitarian", "banditry",
                                "abduction", "sexual_violence", "explosive_device"})
DISPLACEMENT_CATEGORIES = frozenset({"displacement"})
# Words in an actor's name that mark it as unarmed whatever its kind (ACLED names its
# "Students (...)", "Labour Group (...)" and the like; matched at word starts, lower case).
UNARMED_NAME_WORDS = ("civilian", "student", "protester", "rioter", "journalist", "refugee", "idp", "prisoner",
                      "teacher", "health worker", "aid worker", "labour group", "labor group", "lawyer", "women ")
_UNARMED_NAME = re.compile(r"\b(" + "|".join(re.escape(w) for w in UNARMED_NAME_WORDS) + ")")
KM_PER_DEGREE = 111.32
AREA_REACHES_BORDER_KM = 50.0  # a mission area this close to a border line holds that side of it
MAX_SCORE = 10.0


@dataclass(frozen=True)
class Rules:
    """The parameters of every rule, with their defaults (docs/early-warning.md tabulates them)."""

    window_days: int = 30  # the recent window, ending on as_of
    baseline_windows: int = 12  # surge: the baseline is the 12 windows (360 days) before the recent one
    min_baseline_windows: int = 3  # surge, new actor: the dataset covers the country for 3 baseline windows
    max_gap_windows: int = 3  # coverage ends at 3 empty windows in a row (see _prepare)
    surge_min_count: int = 3
    surge_min_ratio: float = 2.0
    surge_q: float = 0.05  # Benjamini-Hochberg false discovery rate across the areas tested
    new_actor_lookback_days: int = 730  # "new": not seen in the area in the two years before the window
    drift_baseline_days: int = 90  # toward_border: where the area's violence was in the 90 days before
    drift_min_count: int = 3
    drift_min_shift_km: float = 25.0
    border_near_km: float = 100.0  # toward_border: the recent violence comes within 100 km of the border
    displacement_near_km: float = 150.0
    # Every kind of alert: violence this close to another mission's area of responsibility notifies
    # that mission too (seed 000 §III.C.1: a threat near the line is the neighbour's business).
    proximity_km: float = 50.0
    area_level: int = 1  # alerts per admin-1 area (2: per admin-2 area)

    def horizon_days(self) -> int:
        """How many days of report dates, ending on as_of, the rules read: loading only these gives
        the same alerts as loading the whole history."""
        back = max(self.window_days * self.baseline_windows, self.new_actor_lookback_days,
                   self.drift_baseline_days)
        return self.window_days + back


DEFAULT_RULES = Rules()


@dataclass(frozen=True)
class Alert:
    """One early-warning alert: what, where, how strong, since when, on what evidence, for whom."""

    kind: str
    country: str
    admin1: str
    admin2: str
    score: float
    since: dt.date
    evidence_ids: tuple[int, ...]
    mission_ids: tuple[int, ...]
    notified_mission_ids: tuple[int, ...]
    key: str
    detail: Mapping = field(default_factory=dict, compare=False)

    def as_json(self) -> dict:
        return {"kind": self.kind, "admin1": self.admin1, "admin2": self.admin2, "country": self.country,
                "score": round(self.score, 3), "since": self.since.isoformat(),
                "evidence_ids": list(self.evidence_ids), "mission_ids": list(self.mission_ids),
                "notified_mission_ids": list(self.notified_mission_ids), "key": self.key,
                "detail": dict(self.detail)}


def member(values: np.ndarray, test) -> np.ndarray:
    """``test(value)`` for each value of a string column, computed once per distinct value
    (``np.isin`` on object arrays sorts them: seconds on a million rows)."""
    codes, uniques = pd.factorize(values)
    if not len(uniques):
        return np.zeros(len(values), dtype=bool)
    return np.fromiter((bool(test(u)) for u in uniques), dtype=bool, count=len(uniques))[codes]


def is_armed(kinds: np.ndarray, names: np.ndarray) -> np.ndarray:
    """Whether each actor counts as armed (see :func:`new_actor_alerts`)."""
    return (member(kinds, lambda kind: kind not in UNARMED_ACTOR_KINDS)
            & member(names, lambda name: not _UNARMED_NAME.search(name.lower())))


def alert_key(kind: str, country: str, admin1: str, admin2: str, subject: str = "") -> str:
    """Stable identity of a situation: the same on every recomputation, whatever the date."""
    raw = "\x1f".join((kind, country, admin1, admin2, subject))
    return f"{kind}:{hashlib.sha1(raw.encode()).hexdigest()[:16]}"


# --------------------------------------------------------------------------- borders (data in)


@dataclass(frozen=True)
class SharedBorder:
    """The stretch of ``country``'s boundary it shares with ``neighbour`` (lon/lat lines)."""

    country: str
    neighbour: str
    line: object  # a shapely (Multi)LineString in longitude/latitude


@dataclass(frozen=True)
class BorderContext:
    """Borders and which missions hold each country at the date (both passed in as data).

    ``missions_by_country`` maps ISO3 to the ids of the missions whose area covers that country
    on ``as_of`` (peaceops.incidents.areas rule). A border matters for a country when the
    neighbour is held by a mission the country is not: that mission is the one notified.
    """

    borders: tuple[SharedBorder, ...]
    missions_by_country: Mapping[str, frozenset[int]]
    # (mission id, shapely geometry) of the mission areas of responsibility valid on as_of
    areas: tuple[tuple[int, object], ...] = ()

    def notified_for(self, country: str, neighbour: str, line=None) -> tuple[int, ...]:
        """The neighbour's missions, less the country's own; where missions have areas of
        responsibility, only those whose area reaches the border ``line`` (Darfur's UNAMID for
        the Chad/Sudan border, not UNMIS in Khartoum and the south)."""
        own = self.missions_by_country.get(country, frozenset())
        candidates = self.missions_by_country.get(neighbour, frozenset()) - own
        if line is None or not self.areas:
            return tuple(sorted(candidates))
        with_area = {mission for mission, _geometry in self.areas}
        reaching = {mission for mission, geometry in self.areas
                    if shapely.dwithin(geometry, line, AREA_REACHES_BORDER_KM / KM_PER_DEGREE)}
        return tuple(sorted(m for m in candidates if m not in with_area or m in reaching))

    def borders_of(self, country: str) -> list[SharedBorder]:
        return [b for b in self.borders if b.country == country]


def shared_borders(shapes: Mapping[str, dict], tolerance_degrees: float = 0.05,
                   only: Iterable[str] | None = None) -> tuple[SharedBorder, ...]:
    """Shared borders between countries from their GeoJSON shapes (Natural Earth, as the registry
    stores them on Country.geometry): the part of each country's boundary lying within
    ``tolerance_degrees`` of the neighbour (shapes simplified separately rarely share vertices).
    ``only``: compute the borders of these countries only (with any neighbour)."""
    geometries = {iso3: _polygonal(geo) for iso3, geo in shapes.items() if geo}
    geometries = {iso3: geometry for iso3, geometry in geometries.items() if not geometry.is_empty}
    names = sorted(geometries)
    tree = shapely.STRtree([geometries[n] for n in names])
    borders = []
    for name in names if only is None else sorted(set(only) & set(names)):
        geometry = geometries[name]
        for index in tree.query(geometry.buffer(tolerance_degrees)):
            other = names[int(index)]
            if other == name:
                continue
            line = geometry.boundary.intersection(geometries[other].buffer(tolerance_degrees))
            if not line.is_empty and line.length > 0:
                borders.append(SharedBorder(name, other, line))
    return tuple(borders)


def _polygonal(geojson: Mapping):
    """The polygons of a GeoJSON shape, repaired (make_valid can return a collection with stray
    lines or points, which have no boundary worth the name)."""
    geometry = shapely.make_valid(shape(geojson))
    if geometry.geom_type == "GeometryCollection":
        parts = [p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")]
        geometry = shapely.union_all(parts) if parts else shapely.Polygon()
    return geometry


def distance_km(latitude: np.ndarray, longitude: np.ndarray, line) -> np.ndarray:
    """Distances (km) from points to a lon/lat line, in a local equirectangular projection
    (accurate to a few per cent within some hundreds of km of the line, which is all the rules
    ask)."""
    scale = math.cos(math.radians(line.centroid.y))
    projected = shapely.transform(line, lambda xy: xy * np.array([scale, 1.0]))
    points = shapely.points(np.asarray(longitude) * scale, np.asarray(latitude))
    return shapely.distance(points, projected) * KM_PER_DEGREE


# --------------------------------------------------------------------------- the rules


@dataclass(frozen=True)
class _Known:
    """The frame cut at as_of, with what every rule needs computed once."""

    frame: IncidentFrame
    as_of: np.datetime64
    age_days: np.ndarray  # days between report date and as_of (0 = reported on as_of)
    area: np.ndarray  # area code per incident: (country, admin1[, admin2], dataset)
    area_names: list[tuple[str, str, str]]
    area_dataset: list[str]
    area_covered: np.ndarray  # bool per area: its dataset covers its country for enough baseline windows
    area_baseline_windows: np.ndarray  # int per area: baseline windows its dataset covers (>= 1)
    violent: np.ndarray  # bool per incident: a violent category


def _prepare(frame: IncidentFrame, as_of: dt.date, rules: Rules) -> _Known:
    """Cut at as_of; number the areas; find how much of the baseline each (country, dataset) covers.

    Datasets name areas their own way (UCDP "Ouham-Pendé province", ACLED "Ouham Pende") and
    start at different dates, so an area is an area of one dataset, and its baseline is the run of
    30-day windows, counting back from the one before the recent window, over which that dataset
    reported on the country without ``max_gap_windows`` empty windows in a row (at most
    ``baseline_windows``; :func:`_covered_run`): an ACLED extract that starts in January has
    four months of baseline in May, not twelve, and a few back-dated events do not make it older.
    A (country, dataset) with a run shorter than ``min_baseline_windows`` has no baseline to
    speak of: its areas raise no surge or new-actor alert (otherwise every actor of a fresh
    import is "new").
    """
    day = to_day(as_of)
    known = frame.known_at(day)
    age = (day - known.report_date).astype(np.int64)
    area, names = area_codes(known, rules.area_level, extra=[known.dataset])
    size = len(names)
    first_row = np.full(size, -1, dtype=np.int64)
    first_row[area[::-1]] = np.arange(len(area))[::-1]
    group = _group_codes(known)
    window_index = age // rules.window_days
    in_baseline = (window_index >= 1) & (window_index <= rules.baseline_windows)
    present = np.zeros((int(group.max()) + 1 if len(group) else 0, rules.baseline_windows + 1), dtype=bool)
    present[group[in_baseline], window_index[in_baseline]] = True
    windows_by_group = np.array([_covered_run(row[1:], rules.max_gap_windows) for row in present], dtype=np.int64)
    area_windows = windows_by_group[group[first_row]] if size else np.zeros(0, dtype=np.int64)
    covered = area_windows >= rules.min_baseline_windows
    datasets = [known.dataset[i] for i in first_row.tolist()]
    return _Known(known, day, age, area, names, datasets, covered, np.maximum(area_windows, 1),
                  member(known.category, VIOLENT_CATEGORIES.__contains__))


def _covered_run(present: np.ndarray, max_gap: int) -> int:
    """How many windows back (from the first) a dataset covers: up to the last window with a
    report before a gap of ``max_gap`` empty windows (a quiet month in a sparse dataset is news,
    not a hole in coverage; months of silence before a few back-dated events are a hole)."""
    last, gap = 0, 0
    for index, reported in enumerate(present.tolist(), 1):
        if reported:
            last, gap = index, 0
        else:
            gap += 1
            if gap >= max_gap:
                break
    return last


def _group_codes(frame: IncidentFrame) -> np.ndarray:
    """Code per incident of its (country, dataset)."""
    country, _ = pd.factorize(frame.country)
    dataset, datasets = pd.factorize(frame.dataset)
    return (country * (len(datasets) + 1) + dataset).astype(np.int64)


def _evidence(known: _Known, rows: np.ndarray) -> tuple[tuple[int, ...], dt.date]:
    """Incident ids (by report date, then id) and the earliest report date among ``rows``."""
    frame = known.frame
    order = np.lexsort((frame.id[rows], frame.report_date[rows]))
    rows = rows[order]
    return tuple(int(i) for i in frame.id[rows]), frame.report_date[rows[0]].astype(dt.date)


def _alert(known: _Known, kind: str, area: int, rows: np.ndarray, score: float, subject: str = "",
           notified: Iterable[int] = (), detail: Mapping | None = None) -> Alert:
    country, admin1, admin2 = known.area_names[area]
    evidence, since = _evidence(known, rows)
    return Alert(kind=kind, country=country, admin1=admin1, admin2=admin2, score=float(min(MAX_SCORE, score)),
                 since=since, evidence_ids=evidence, mission_ids=tuple(known.frame.missions_of_rows(rows)),
                 notified_mission_ids=tuple(sorted(set(notified))), key=alert_key(kind, country, admin1, admin2,
                                                                                  subject),
                 detail=dict(detail or {}))


def _rows_by_area(known: _Known, mask: np.ndarray) -> dict[int, np.ndarray]:
    rows = np.flatnonzero(mask)
    if not len(rows):
        return {}
    areas = known.area[rows]
    order = np.argsort(areas, kind="stable")
    rows, areas = rows[order], areas[order]
    cuts = np.flatnonzero(np.diff(areas)) + 1
    blocks = zip(np.split(rows, cuts), np.split(areas, cuts), strict=True)
    return {int(block_areas[0]): block for block, block_areas in blocks}


def surge_alerts(frame: IncidentFrame, as_of: dt.date, rules: Rules = DEFAULT_RULES,
                 known: _Known | None = None) -> list[Alert]:
    """Surge: an area's violence in the recent window far above its own baseline (seed 002, early
    warning; seed 000 §III.C.1: a rise one mission saw coming).

    Rule: count violent incidents (:data:`VIOLENT_CATEGORIES`) reported in the ``window_days``
    days ending on ``as_of`` in each area, against the mean count per window over the
    ``baseline_windows`` windows before it (fewer when the area's dataset reports on the country
    for less long; the mean is floored at half an incident over the baseline, so a quiet area
    can surge). One-sided Poisson test P(X >= recent); the p-values of all areas with recent
    violence are adjusted by Benjamini-Hochberg. Alert when q <= ``surge_q``, recent >=
    ``surge_min_count`` and recent >= ``surge_min_ratio`` x baseline mean, in an area whose
    dataset reported on the country in ``min_baseline_windows`` baseline windows
    (:func:`_prepare`). Score: -log10 p, capped at 10. Evidence: the recent violent incidents.
    """
    known = known or _prepare(frame, as_of, rules)
    window = rules.window_days
    violent = known.violent
    recent = violent & (known.age_days < window)
    windows = known.area_baseline_windows
    baseline = violent & (known.age_days >= window) & (known.age_days < window * (1 + windows[known.area]))
    size = len(known.area_names)
    recent_counts = np.bincount(known.area[recent], minlength=size)
    baseline_counts = np.bincount(known.area[baseline], minlength=size)
    tested = [a for a in np.flatnonzero(recent_counts).tolist() if known.area_covered[a]]
    means = {a: max(baseline_counts[a] / windows[a], 0.5 / windows[a]) for a in tested}
    p_values = [poisson_upper_tail(int(recent_counts[a]), means[a]) for a in tested]
    q_values = benjamini_hochberg(p_values)
    rows_by_area = _rows_by_area(known, recent)
    alerts = []
    for area, p_value, q_value in zip(tested, p_values, q_values, strict=True):
        count = int(recent_counts[area])
        if q_value > rules.surge_q or count < rules.surge_min_count or count < rules.surge_min_ratio * means[area]:
            continue
        score = -math.log10(max(p_value, 1e-300))
        alerts.append(_alert(known, SURGE, area, rows_by_area[area], score, detail={
            "recent": count, "baseline_mean": round(float(means[area]), 3), "p_value": p_value,
            "q_value": float(q_value),
            "window_days": window, "baseline_windows": int(windows[area]), "dataset": known.area_dataset[area]}))
    return alerts


def new_actor_alerts(frame: IncidentFrame, as_of: dt.date, rules: Rules = DEFAULT_RULES,
                     known: _Known | None = None) -> list[Alert]:
    """New armed actor: an armed actor active in an area in the recent window that was not seen
    there in the ``new_actor_lookback_days`` before it (seed 000 §IV.A.1: armed groups crossing
    into another mission's area went unmapped; seed 002, early warning).

    Armed actors: every actor kind except civilians, protesters, UN and humanitarian
    (imported armed groups mostly carry kind "other"), and no actor whose name says it is
    unarmed (:data:`UNARMED_NAME_WORDS`: ACLED's "Students (Central African Republic)").
    Only in areas whose dataset reported on the country in ``min_baseline_windows`` baseline
    windows (otherwise every actor of a fresh import is "new"). Score: 3 + log2(1 +
    incidents) + log10(1 + deaths), +2 when the actor was active in another country in the
    lookback (a cross-border group, §IV.A.1; ``detail["seen_in"]`` lists those countries).
    Evidence: the actor's recent incidents in the area.
    """
    known = known or _prepare(frame, as_of, rules)
    f, window = known.frame, rules.window_days
    armed = is_armed(f.actor_kind, f.actor_name)
    rows, actors = f.actor_row[armed], f.actor_id[armed]
    names = f.actor_name[armed]
    age = known.age_days[rows]
    recent = age < window
    lookback = (age >= window) & (age < window + rules.new_actor_lookback_days)
    areas = known.area[rows]
    # (area, actor) pairs as integers, so "seen before" is one vectorised membership test
    pair = areas * (int(actors.max()) + 1 if len(actors) else 1) + actors
    fresh = recent & ~np.isin(pair, np.unique(pair[lookback])) & known.area_covered[areas]
    countries_seen: dict[int, set[str]] = {}
    if fresh.any():
        wanted = lookback & np.isin(actors, actors[fresh])
        for actor, country in set(zip(actors[wanted].tolist(), f.country[rows[wanted]].tolist(), strict=True)):
            countries_seen.setdefault(actor, set()).add(country)
    found: dict[tuple[int, int], list[int]] = {}
    actor_names: dict[int, str] = {}
    for area, actor, row, name in zip(areas[fresh].tolist(), actors[fresh].tolist(), rows[fresh].tolist(),
                                      names[fresh].tolist(), strict=True):
        found.setdefault((area, actor), []).append(row)
        actor_names[actor] = name
    alerts = []
    for (area, actor), actor_rows in found.items():
        evidence = np.unique(np.array(actor_rows, dtype=np.int64))
        deaths = int(f.deaths_best[evidence].sum())
        elsewhere = sorted(c for c in countries_seen.get(actor, ()) if c and c != known.area_names[area][0])
        score = 3 + math.log2(1 + len(evidence)) + math.log10(1 + deaths) + (2 if elsewhere else 0)
        alerts.append(_alert(known, NEW_ACTOR, area, evidence, score, subject=f"actor:{actor}", detail={
            "actor_id": actor, "actor": actor_names[actor], "incidents": len(evidence), "deaths": deaths,
            "seen_in": elsewhere, "dataset": known.area_dataset[area]}))
    return alerts


def border_alerts(frame: IncidentFrame, as_of: dt.date, borders: BorderContext | None,
                  rules: Rules = DEFAULT_RULES, known: _Known | None = None) -> list[Alert]:
    """Violence moving toward a border shared with another mission's area; that mission is
    notified (seed 000 §III.C.2: the two sides of one border read the same threat differently;
    §II.1: the neighbour was not told).

    Rule: for each area and each border of its country with a neighbour held by a mission the
    country is not held by, compare the mean distance to that border of the area's violent
    incidents (with coordinates) reported in the recent window with that of those reported in the
    ``drift_baseline_days`` before it. Alert when both have at least ``drift_min_count``
    incidents, the mean came closer by at least ``drift_min_shift_km``, and the nearest recent
    incident lies within ``border_near_km`` of the border. Score: 2 + shift / 25 km + log2(recent
    count), capped at 10. Evidence: the recent violent incidents of the area. Notified: the
    neighbour's missions.
    """
    if borders is None or not borders.borders:
        return []
    known = known or _prepare(frame, as_of, rules)
    f, window = known.frame, rules.window_days
    located = known.violent & ~np.isnan(f.latitude) & ~np.isnan(f.longitude)
    recent = located & (known.age_days < window)
    before = located & (known.age_days >= window) & (known.age_days < window + rules.drift_baseline_days)
    recent_by_area, before_by_area = _rows_by_area(known, recent), _rows_by_area(known, before)
    alerts = []
    for area, recent_rows in recent_by_area.items():
        before_rows = before_by_area.get(area)
        if before_rows is None or min(len(recent_rows), len(before_rows)) < rules.drift_min_count:
            continue
        country = known.area_names[area][0]
        for border in borders.borders_of(country):
            notified = borders.notified_for(country, border.neighbour, border.line)
            if not notified:
                continue
            now = distance_km(f.latitude[recent_rows], f.longitude[recent_rows], border.line)
            then = distance_km(f.latitude[before_rows], f.longitude[before_rows], border.line)
            shift = float(then.mean() - now.mean())
            if shift < rules.drift_min_shift_km or float(now.min()) > rules.border_near_km:
                continue
            score = 2 + shift / 25 + math.log2(len(recent_rows))
            alerts.append(_alert(known, TOWARD_BORDER, area, recent_rows, score, subject=f"border:{border.neighbour}",
                                 notified=notified, detail={
                                     "neighbour": border.neighbour, "mean_km_before": round(float(then.mean()), 1),
                                     "mean_km_now": round(float(now.mean()), 1),
                                     "nearest_km": round(float(now.min()), 1),
                                     "shift_km": round(shift, 1)}))
    return alerts


def displacement_alerts(frame: IncidentFrame, as_of: dt.date, borders: BorderContext | None,
                        rules: Rules = DEFAULT_RULES, known: _Known | None = None) -> list[Alert]:
    """Displacement reported toward a border: the refugee flow one mission foresaw and the next
    did not (seed 000 §II.1, §III.C.1).

    Rule: displacement incidents (:data:`DISPLACEMENT_CATEGORIES`) with coordinates reported in
    the recent window within ``displacement_near_km`` of a border of their country; one alert
    per area and neighbour. Notified: the neighbour's missions the country does not share (may
    be none: the own mission is still alerted). Score: 2 + log2(1 + incidents) + 3 x (1 - nearest
    distance / displacement_near_km). Evidence: those displacement incidents.
    """
    if borders is None or not borders.borders:
        return []
    known = known or _prepare(frame, as_of, rules)
    f = known.frame
    mask = (member(f.category, DISPLACEMENT_CATEGORIES.__contains__) & (known.age_days < rules.window_days)
            & ~np.isnan(f.latitude) & ~np.isnan(f.longitude))
    alerts = []
    for area, rows in _rows_by_area(known, mask).items():
        country = known.area_names[area][0]
        for border in borders.borders_of(country):
            distances = distance_km(f.latitude[rows], f.longitude[rows], border.line)
            near = distances <= rules.displacement_near_km
            if not near.any():
                continue
            nearest = float(distances[near].min())
            score = 2 + math.log2(1 + int(near.sum())) + 3 * (1 - nearest / rules.displacement_near_km)
            alerts.append(_alert(known, DISPLACEMENT, area, rows[near], score, subject=f"border:{border.neighbour}",
                                 notified=borders.notified_for(country, border.neighbour, border.line), detail={
                                     "neighbour": border.neighbour, "nearest_km": round(nearest, 1),
                                     "incidents": int(near.sum())}))
    return alerts


def compute_alerts(frame: IncidentFrame, as_of: dt.date, *, borders: BorderContext | None = None,
                   rules: Rules = DEFAULT_RULES, kinds: Iterable[str] = KINDS) -> list[Alert]:
    """Every alert of the given kinds known at ``as_of``, by score (highest first), then key."""
    kinds = set(kinds)
    unknown = kinds - set(KINDS)
    if unknown:
        raise ValueError(f"unknown alert kind(s): {', '.join(sorted(unknown))}")
    known = _prepare(frame, as_of, rules)
    alerts: list[Alert] = []
    if SURGE in kinds:
        alerts += surge_alerts(frame, as_of, rules, known)
    if NEW_ACTOR in kinds:
        alerts += new_actor_alerts(frame, as_of, rules, known)
    if TOWARD_BORDER in kinds:
        alerts += border_alerts(frame, as_of, borders, rules, known)
    if DISPLACEMENT in kinds:
        alerts += displacement_alerts(frame, as_of, borders, rules, known)
    if borders is not None and borders.areas:
        alerts = notify_nearby_missions(alerts, frame, borders.areas, rules.proximity_km)
    return sorted(alerts, key=lambda a: (-a.score, a.key))


def notify_nearby_missions(alerts: list[Alert], frame: IncidentFrame, areas: Sequence[tuple[int, object]],
                           within_km: float) -> list[Alert]:
    """Add to each alert's notified missions those whose area lies within ``within_km`` of its evidence.

    The alert's own missions are not "notified" (they hold it). Distance in degrees of latitude
    (KM_PER_DEGREE): east-west it errs on the side of notifying (a degree of longitude is shorter
    than one of latitude away from the equator).
    """
    if not alerts or not areas:
        return alerts
    tree = shapely.STRtree([geometry for _mission, geometry in areas])
    owners = np.array([mission for mission, _geometry in areas], dtype=np.int64)
    rows_of = pd.Index(frame.id)
    result = []
    for alert in alerts:
        rows = rows_of.get_indexer(list(alert.evidence_ids))
        rows = rows[rows >= 0]
        lat, lon = frame.latitude[rows].astype(float), frame.longitude[rows].astype(float)
        placed = ~(np.isnan(lat) | np.isnan(lon))
        if not placed.any():
            result.append(alert)
            continue
        _points, hit = tree.query(shapely.points(lon[placed], lat[placed]), predicate="dwithin",
                                  distance=within_km / KM_PER_DEGREE)
        near = set(int(m) for m in owners[hit]) - set(alert.mission_ids)
        if near - set(alert.notified_mission_ids):
            alert = dataclasses.replace(alert, notified_mission_ids=tuple(sorted(set(alert.notified_mission_ids)
                                                                                 | near)))
        result.append(alert)
    return result
