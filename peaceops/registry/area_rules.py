"""Checks on a mission area's shape and period. Pure module: no Django imports.

Each check returns ``(field, message)`` for the first problem, or None; the registry service
turns it into a field error, so an operator learns which field to fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import shapely
from shapely.geometry import shape

# Two areas of one mission "overlap" when they share more than this share of the smaller one:
# shipped shapes are simplified per area, so neighbours share slivers along their border.
OVERLAP_SHARE = 0.01


def shape_problem(geometry: Mapping | None) -> tuple[str, str] | None:
    """A polygon or multipolygon whose rings close and which does not cross itself."""
    if not isinstance(geometry, Mapping) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return "geometry", "The shape must be a GeoJSON Polygon or MultiPolygon."
    polygons = [geometry.get("coordinates")] if geometry["type"] == "Polygon" else geometry.get("coordinates")
    for polygon_number, rings in enumerate(polygons or (), 1):
        for ring_number, ring in enumerate(rings or (), 1):
            if len(ring) < 4 or list(ring[0]) != list(ring[-1]):
                return "geometry", (f"Ring {ring_number} of polygon {polygon_number} does not close: its first "
                                    f"and last points differ (or it has fewer than 4 points).")
    try:
        built = shape(geometry)
    except (ValueError, TypeError, IndexError) as error:
        return "geometry", f"The shape cannot be read: {error}."
    if built.is_empty:
        return "geometry", "The shape is empty."
    if not built.is_valid:
        return "geometry", f"The shape is not a valid polygon ({shapely.is_valid_reason(built)})."
    return None


def period_problem(valid_from: date | None, valid_to: date | None) -> tuple[str, str] | None:
    if valid_from is None:
        return "valid_from", "Give the date the area takes effect."
    if valid_to is not None and valid_to < valid_from:
        return "valid_to", "The area ends before it starts."
    return None


def periods_overlap(a_from: date, a_to: date | None, b_from: date, b_to: date | None) -> bool:
    return (b_to is None or a_from <= b_to) and (a_to is None or b_from <= a_to)


def overlapping(geometry: Mapping, others: Iterable[tuple[str, Mapping]]) -> str | None:
    """The name of the first other area the shape overlaps by more than a border sliver, or None."""
    mine = shape(geometry)
    for name, other_geometry in others:
        other = shape(other_geometry)
        if not mine.intersects(other):
            continue
        shared = mine.intersection(other).area
        if shared > OVERLAP_SHARE * min(mine.area, other.area):
            return name
    return None


def outside_share(geometry: Mapping, container: Mapping) -> float:
    """How much of ``geometry`` lies outside ``container`` (0 inside, 1 wholly outside): sectors in their area."""
    mine = shape(geometry)
    return mine.difference(shape(container)).area / mine.area if mine.area else 0.0
