"""Which missions' areas an incident falls in.

Rule (seed 000 §III.C.1: what falls between two missions must belong to one of them, not to
both nor to neither):

- A mission with an area of responsibility valid on the incident's day holds the incidents whose
  point lies in that area (a place given only by an admin area counts where the mission's area
  was built from that admin area or one above it).
- A mission with no area valid on that day holds, as before areas existed, the incidents of its
  host countries: the fallback where no mission area is defined.
- In both cases only within the mission's mandate dates (start_date .. end_date, or open-ended).
- An incident without a point or an admin area falls back to the host-country rule for every
  mission (a country-wide report concerns every mission in the country); one without a country
  and without a point falls in no mission's area.

Areas are matched with a small tolerance (:data:`EDGE_DEGREES`): shipped shapes are simplified
per area, so two neighbours' borders may leave slivers between them; a point in such a sliver
belongs to both, never to neither.

Pure module: no Django imports. The importer assigns 100,000s of rows per batch with
:meth:`MissionAreas.assign` (numpy masks and shapely's prepared point-in-polygon per area, no loop
per row); the
entry form, API, demo and re-assignment use the same rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import shapely
from shapely.geometry import shape

EDGE_DEGREES = 0.01  # the simplification tolerance of shipped and imported shapes (registry.importers)
NO_COUNTRY = -1


@dataclass(frozen=True)
class MissionSpan:
    """What the host-country rule needs to know about a mission: its id, host countries and dates."""

    mission_id: int
    country_ids: frozenset[int]
    start_date: date
    end_date: date | None = None

    def covers(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


@dataclass(frozen=True)
class AreaSpan:
    """One mission area of responsibility over its period (a GeoJSON shape and the P-codes it is made of)."""

    mission_id: int
    geometry: Mapping
    valid_from: date
    valid_to: date | None = None
    pcodes: frozenset[str] = field(default_factory=frozenset)

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


_FAR_FUTURE = date.max.toordinal()


class MissionAreas:
    """Mission spans and areas indexed for fast repeated lookups (an import, a re-assignment)."""

    def __init__(self, spans: Iterable[MissionSpan], areas: Iterable[AreaSpan] = ()):
        self.spans = {span.mission_id: span for span in spans}
        self.areas = [area for area in areas if area.mission_id in self.spans]
        self._by_country: dict[int, list[MissionSpan]] = defaultdict(list)
        for span in self.spans.values():
            for country_id in span.country_ids:
                self._by_country[country_id].append(span)
        # Mitred joins add no vertices (round ones add eight per corner), and prepared shapes make
        # each point-in-polygon test logarithmic in the shape's size.
        self._shapes = [shapely.buffer(shape(area.geometry), EDGE_DEGREES, join_style="mitre", mitre_limit=2.0)
                        for area in self.areas]
        shapely.prepare(self._shapes)
        self._bounds = shapely.bounds(self._shapes) if self._shapes else np.empty((0, 4))
        self._area_mission = np.array([area.mission_id for area in self.areas], dtype=np.int64)
        self._area_from = np.array([area.valid_from.toordinal() for area in self.areas], dtype=np.int64)
        self._area_to = np.array([area.valid_to.toordinal() if area.valid_to else _FAR_FUTURE
                                  for area in self.areas], dtype=np.int64)
        self._intervals: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for mission_id, start, end in zip(self._area_mission, self._area_from, self._area_to, strict=True):
            self._intervals[int(mission_id)].append((int(start), int(end)))
        self._by_pcode: dict[str, list[int]] = defaultdict(list)
        for index, area in enumerate(self.areas):
            for pcode in area.pcodes:
                self._by_pcode[pcode].append(index)

    @property
    def country_ids(self) -> frozenset[int]:
        """Countries some mission is hosted by: rows elsewhere can only fall in an area by their point."""
        return frozenset(self._by_country)

    def missions_for(self, country_id: int | None, start_date: date, longitude: float | None = None,
                     latitude: float | None = None, pcodes: Sequence[str] = ()) -> list[int]:
        """Ids of the missions whose area holds one incident, sorted."""
        pairs = self.assign([country_id], [start_date], [longitude], [latitude], [tuple(pcodes)])
        return sorted({mission_id for _row, mission_id in pairs})

    def assign(self, country_ids: Sequence[int | None], days: Sequence[date],
               longitudes: Sequence[float | None], latitudes: Sequence[float | None],
               pcodes: Sequence[Sequence[str]] | None = None) -> list[tuple[int, int]]:
        """(row, mission id) for every row of a batch and every mission whose area holds it, no repeats."""
        ordinals = np.fromiter((day.toordinal() for day in days), dtype=np.int64, count=len(days))
        countries = np.fromiter((NO_COUNTRY if c is None else c for c in country_ids), dtype=np.int64,
                                count=len(country_ids))
        lon = np.array([np.nan if v is None else v for v in longitudes], dtype=float)
        lat = np.array([np.nan if v is None else v for v in latitudes], dtype=float)
        has_point = ~(np.isnan(lon) | np.isnan(lat))
        placed = has_point.copy()
        found = [self._by_point(np.flatnonzero(has_point), lon, lat, ordinals)]
        if pcodes is not None and self._by_pcode:
            by_pcode, placed_by_pcode = self._by_admin_area(pcodes, ~has_point, ordinals)
            found.append(by_pcode)
            placed |= placed_by_pcode
        found.append(self._by_host_country(countries, ordinals, placed))
        rows = np.concatenate([f[0] for f in found])
        missions = np.concatenate([f[1] for f in found])
        if rows.size == 0:
            return []
        unique = np.unique(np.stack([rows, missions], axis=1), axis=0)
        return [(int(row), int(mission)) for row, mission in unique]

    def _by_point(self, rows: np.ndarray, lon: np.ndarray, lat: np.ndarray, ordinals: np.ndarray):
        if rows.size == 0 or not self.areas:
            return _EMPTY
        x, y, day = lon[rows], lat[rows], ordinals[rows]
        found_rows, found_missions = [], []
        for index, (west, south, east, north) in enumerate(self._bounds):
            # the area's period and bounding box first (cheap masks), then the prepared shape
            near = np.flatnonzero((self._area_from[index] <= day) & (day <= self._area_to[index])
                                  & (west <= x) & (x <= east) & (south <= y) & (y <= north))
            inside = near[shapely.contains_xy(self._shapes[index], x[near], y[near])]
            found_rows.append(rows[inside])
            found_missions.append(np.full(inside.size, self._area_mission[index], dtype=np.int64))
        return self._within_mandate(np.concatenate(found_rows), np.concatenate(found_missions), ordinals)

    def _by_admin_area(self, pcodes: Sequence[Sequence[str]], wanted: np.ndarray, ordinals: np.ndarray):
        rows, missions = [], []
        placed = np.zeros(len(pcodes), dtype=bool)
        for row in np.flatnonzero(wanted):
            for pcode in pcodes[row]:
                for index in self._by_pcode.get(pcode, ()):
                    placed[row] = True
                    if self._area_from[index] <= ordinals[row] <= self._area_to[index]:
                        rows.append(row)
                        missions.append(self._area_mission[index])
        found = np.array(rows, dtype=np.int64), np.array(missions, dtype=np.int64)
        return self._within_mandate(*found, ordinals), placed

    def _by_host_country(self, countries: np.ndarray, ordinals: np.ndarray, placed: np.ndarray):
        rows, missions = [np.empty(0, dtype=np.int64)], [np.empty(0, dtype=np.int64)]
        for country_id, spans in self._by_country.items():
            in_country = countries == country_id
            if not in_country.any():
                continue
            for span in spans:
                chosen = in_country & self._mandate_mask(span, ordinals)
                intervals = self._intervals.get(span.mission_id)
                if intervals:  # a mission with areas holds placed rows only through them
                    chosen &= ~(placed & self._any_interval(intervals, ordinals))
                hit = np.flatnonzero(chosen)
                rows.append(hit)
                missions.append(np.full(hit.size, span.mission_id, dtype=np.int64))
        return np.concatenate(rows), np.concatenate(missions)

    def _within_mandate(self, rows: np.ndarray, missions: np.ndarray, ordinals: np.ndarray):
        if rows.size == 0:
            return _EMPTY
        keep = np.ones(rows.size, dtype=bool)
        for mission_id in np.unique(missions):
            span = self.spans[int(mission_id)]
            of_mission = missions == mission_id
            keep[of_mission] = self._mandate_mask(span, ordinals[rows[of_mission]])
        return rows[keep], missions[keep]

    @staticmethod
    def _mandate_mask(span: MissionSpan, ordinals: np.ndarray) -> np.ndarray:
        end = span.end_date.toordinal() if span.end_date else _FAR_FUTURE
        return (span.start_date.toordinal() <= ordinals) & (ordinals <= end)

    @staticmethod
    def _any_interval(intervals: list[tuple[int, int]], ordinals: np.ndarray) -> np.ndarray:
        mask = np.zeros(ordinals.size, dtype=bool)
        for start, end in intervals:
            mask |= (start <= ordinals) & (ordinals <= end)
        return mask


_EMPTY = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))


def missions_for_incident(spans: Sequence[MissionSpan], country_id: int | None, start_date: date,
                          areas: Sequence[AreaSpan] = (), longitude: float | None = None,
                          latitude: float | None = None, pcodes: Sequence[str] = ()) -> list[int]:
    """One-off form of :class:`MissionAreas` for a single incident (entry form, API)."""
    return MissionAreas(spans, areas).missions_for(country_id, start_date, longitude, latitude, pcodes)


def spans_from_missions(missions) -> list[MissionSpan]:
    """Build spans from Mission objects with ``host_countries`` prefetched (duck-typed, no Django import)."""
    return [
        MissionSpan(
            mission_id=m.pk,
            country_ids=frozenset(c.pk for c in m.host_countries.all()),
            start_date=m.start_date,
            end_date=m.end_date,
        )
        for m in missions
    ]


def area_spans(rows: Iterable[Mapping]) -> list[AreaSpan]:
    """Build area spans from plain rows (mission_id, geometry, valid_from, valid_to, pcodes)."""
    return [AreaSpan(row["mission_id"], row["geometry"], row["valid_from"], row.get("valid_to"),
                     frozenset(row.get("pcodes") or ())) for row in rows]
