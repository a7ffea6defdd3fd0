"""Border areas with incidents on both sides: the regional fusion view's own computation (pure: no Django).

Seed 000 §IV.C.1 asks for a regional information fusion cell; §III.C.1-2 shows why: violence and
displacement on one side of the Chad/Sudan border were read by one mission and not by the next. The
fusion view puts side by side, for each border between two countries held by different missions of a
region, how many incidents each side logged near that border in the last window. Only the incidents of
the frame are counted, and the frame holds what the reader may read (peaceops.analysis.incident_frame).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from peaceops.analysis.early_warning import DEFAULT_RULES, BorderContext, _polygonal, distance_km
from peaceops.analysis.frame import IncidentFrame, to_day

WINDOW_DAYS = 30  # "the last 30 days": the alert rules' recent window (early_warning.Rules.window_days)
NEAR_KM = DEFAULT_RULES.border_near_km  # near a border: as close as the toward-border rule looks (100 km)


# Admin-1 names are spelt their own way by each source (JOC "West Darfur", Natural Earth "Western Darfur";
# UCDP "Ouham-Pendé province"): compared without accents, case, punctuation, these words, and with the
# directional adjectives as their nouns.
_DROPPED_WORDS = {"state", "province", "prefecture", "region", "district", "wilayat"}
_DIRECTIONS = {"western": "west", "eastern": "east", "northern": "north", "southern": "south",
               "central": "centre", "center": "centre"}


def area_key(name: str) -> str:
    """A spelling-tolerant key for an admin-1 name (``area_key("Western Darfur") == area_key("West Darfur")``)."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name or "") if not unicodedata.combining(ch))
    words = re.findall(r"[a-z0-9]+", plain.casefold())
    return " ".join(_DIRECTIONS.get(word, word) for word in words if word not in _DROPPED_WORDS)


@dataclass(frozen=True)
class BorderSide:
    """One side of a border: its country, the missions holding it, the incidents near the border by admin 1."""

    country: str
    mission_ids: tuple[int, ...]
    count: int
    areas: tuple[tuple[str, int], ...]  # (admin 1 as imported, incidents), most incidents first
    evidence_ids: tuple[int, ...]


@dataclass(frozen=True)
class BorderActivity:
    """A border between two countries held by different missions, with incidents near it on both sides."""

    first: BorderSide
    second: BorderSide
    start: dt.date
    end: dt.date

    @property
    def total(self) -> int:
        return self.first.count + self.second.count


def areas_along(borders: BorderContext, shapes: Mapping[str, Iterable[tuple[str, dict]]],
                tolerance_degrees: float = 0.1) -> dict[tuple[str, str], frozenset[str]]:
    """``(country, neighbour) -> admin-1 names`` (as :func:`area_key`) of the country's areas touching that border.

    ``shapes``: ISO3 -> (name, GeoJSON) of admin-1 areas (AdminArea.geometry). Admin and country shapes are
    simplified apart (Natural Earth 10m admin 1 against 110m countries): at 0.05 degrees North Darfur misses
    the Chad border it runs along, at 0.2 Nana-Grébizi, which does not touch Chad, is taken; 0.1 gets both right.
    """
    found: dict[tuple[str, str], frozenset[str]] = {}
    by_country = {iso3: [(name, _polygonal(geometry)) for name, geometry in areas if geometry]
                  for iso3, areas in shapes.items()}
    for border in borders.borders:
        near = border.line.buffer(tolerance_degrees)
        names = frozenset(area_key(name) for name, polygon in by_country.get(border.country, ())
                          if not polygon.is_empty and polygon.intersects(near))
        if names:
            found[(border.country, border.neighbour)] = names
    return found


def border_activity(frame: IncidentFrame, as_of: dt.date, borders: BorderContext, *,
                    mission_ids: Iterable[int] | None = None, window_days: int = WINDOW_DAYS,
                    near_km: float = NEAR_KM,
                    border_areas: Mapping[tuple[str, str], frozenset[str]] | None = None) -> list[BorderActivity]:
    """Borders with incidents near them on both sides, in the ``window_days`` ending on ``as_of``.

    An incident counts when it happened (start date) in the window, was known (reported) by ``as_of``,
    lies in one of the two countries and either in an admin-1 area touching their shared border
    (``border_areas``, from :func:`areas_along`: the border areas a fusion cell reads, North Darfur against
    Ouaddaï) or, with coordinates, within ``near_km`` of the border (where no admin shapes are loaded). A
    border counts when the two countries are held by different sets of missions on the date and, with
    ``mission_ids`` (a region's missions), each side is held by one of them. Ordered by incidents, most first.
    """
    region = None if mission_ids is None else frozenset(int(m) for m in mission_ids)
    last = to_day(as_of)
    first_day = last - np.timedelta64(window_days - 1, "D")
    in_window = (frame.start_date >= first_day) & (frame.start_date <= last) & (frame.report_date <= last)
    border_areas = border_areas or {}
    lines = {(b.country, b.neighbour): b.line for b in borders.borders}
    found = []
    for (country, neighbour), line in sorted(lines.items()):
        if country > neighbour or (neighbour, country) not in lines:
            continue
        held = borders.missions_by_country.get(country, frozenset())
        held_other = borders.missions_by_country.get(neighbour, frozenset())
        if not held or not held_other or held == held_other:
            continue
        if region is not None and not (held & region and held_other & region):
            continue
        first = _side(frame, in_window, country, held, line, near_km,
                      border_areas.get((country, neighbour), frozenset()))
        second = _side(frame, in_window, neighbour, held_other, lines[(neighbour, country)], near_km,
                       border_areas.get((neighbour, country), frozenset()))
        if first.count and second.count:
            found.append(BorderActivity(first, second, first_day.astype(dt.date), as_of))
    return sorted(found, key=lambda a: (-a.total, a.first.country, a.second.country))


def _side(frame: IncidentFrame, in_window: np.ndarray, country: str, held: frozenset[int], line,
          near_km: float, areas_on_border: frozenset[str]) -> BorderSide:
    rows = np.flatnonzero(in_window & (frame.country == country))
    if len(rows):
        in_border_area = np.array([area_key(str(name)) in areas_on_border for name in frame.admin1[rows]],
                                  dtype=bool)
        latitude, longitude = frame.latitude[rows], frame.longitude[rows]
        located = ~np.isnan(latitude) & ~np.isnan(longitude)
        near = np.zeros(len(rows), dtype=bool)
        if located.any():
            near[located] = distance_km(latitude[located], longitude[located], line) <= near_km
        rows = rows[in_border_area | near]
    areas = Counter(str(frame.admin1[row]) or "" for row in rows)
    return BorderSide(country=country, mission_ids=tuple(sorted(held)), count=int(len(rows)),
                      areas=tuple(sorted(areas.items(), key=lambda item: (-item[1], item[0]))),
                      evidence_ids=tuple(int(i) for i in sorted(frame.id[rows])))
