"""Writes to mission areas of responsibility and sectors (built from P-codes or imported polygons).

Every change is checked once (``accounts.access.require``, the registry right over the area's
mission), validated as a whole before anything is stored, kept in the area's history, and
followed in the same transaction by the re-assignment of the incidents it covers (the
``mission_areas_changed`` signal; the incidents app records what moved).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import shapely
from django.core.exceptions import ValidationError
from django.db import transaction
from shapely.geometry import mapping, shape

from peaceops.accounts.access import history_user, require
from peaceops.accounts.roles import Action
from peaceops.registry import area_rules
from peaceops.registry.importers import simplified_geojson
from peaceops.registry.models import AdminArea, Mission, MissionArea
from peaceops.registry.signals import mission_areas_changed


def _fail(problem: tuple[str, str] | None) -> None:
    if problem is not None:
        field, message = problem
        raise ValidationError({field: message})


def _admin_areas(pcodes: Sequence[str]) -> list[AdminArea]:
    wanted = [code.strip() for code in pcodes if code.strip()]
    found = {a.pcode: a for a in AdminArea.objects.filter(pcode__in=wanted)}
    unknown = [code for code in wanted if code not in found]
    if unknown:
        raise ValidationError({"admin_areas": f"Unknown P-code(s): {', '.join(unknown[:10])} "
                                              "(import the places first)."})
    missing_shape = [code for code in wanted if not found[code].geometry]
    if missing_shape:
        raise ValidationError({"admin_areas": f"No shape is stored for P-code(s): {', '.join(missing_shape[:10])}."})
    return [found[code] for code in wanted]


def _union(areas: Sequence[AdminArea]) -> dict:
    union = shapely.union_all([shape(area.geometry) for area in areas])
    return simplified_geojson(union) or mapping(union)


def _check(area: MissionArea, exclude_pk=None) -> None:
    """The whole area is valid, and it does not overlap another area of its mission in time and space."""
    _fail(area_rules.period_problem(area.valid_from, area.valid_to))
    _fail(area_rules.shape_problem(area.geometry))
    mission = area.mission
    if mission.end_date and area.valid_from > mission.end_date:
        raise ValidationError({"valid_from": f"{mission.acronym} ended on {mission.end_date}."})
    if area.kind == MissionArea.Kind.SECTOR:
        parent = area.parent
        if parent is None or parent.mission_id != area.mission_id or parent.kind != MissionArea.Kind.AREA:
            raise ValidationError({"parent": "A sector lies in an area of responsibility of the same mission."})
        if area_rules.outside_share(area.geometry, parent.geometry) > 0.05:
            raise ValidationError({"geometry": f"The sector lies largely outside {parent.name}."})
    elif area.parent_id is not None:
        raise ValidationError({"parent": "Only a sector lies inside another area."})
    siblings = MissionArea.objects.filter(mission=area.mission, kind=area.kind).exclude(pk=exclude_pk)
    if area.kind == MissionArea.Kind.SECTOR:
        siblings = siblings.filter(parent=area.parent)
    others = [(other.name, other.geometry) for other in siblings
              if area_rules.periods_overlap(area.valid_from, area.valid_to, other.valid_from, other.valid_to)]
    clash = area_rules.overlapping(area.geometry, others)
    if clash:
        raise ValidationError({"geometry": f"It overlaps {clash!r}, another {area.get_kind_display().lower()} "
                                           f"of {mission.acronym} in the same period."})


def _changed(actor, reason: str) -> None:
    mission_areas_changed.send(sender=MissionArea, actor=actor, reason=reason)


@transaction.atomic
def mission_area_create(actor, mission: Mission, *, name: str, valid_from: dt.date, valid_to: dt.date | None = None,
                        kind: str = MissionArea.Kind.AREA, parent: MissionArea | None = None,
                        pcodes: Sequence[str] = (), geometry: dict | None = None, source: str = "",
                        reassign: bool = True) -> MissionArea:
    """A new area or sector, from admin areas' P-codes or from a polygon (exactly one of the two)."""
    if bool(pcodes) == bool(geometry):
        raise ValidationError({"geometry": "Give either P-codes of admin areas or a polygon, not both or neither."})
    admin_areas = _admin_areas(pcodes) if pcodes else []
    area = MissionArea(mission=mission, name=name.strip(), kind=kind, parent=parent, valid_from=valid_from,
                       valid_to=valid_to, source=source, geometry=_union(admin_areas) if admin_areas else geometry)
    if not area.name:
        raise ValidationError({"name": "Give the area a name."})
    require(actor, Action.EDIT_REGISTRY, area, what=f"define an area of {mission.acronym}")
    _check(area)
    area._history_user = history_user(actor)
    area.save()
    area.admin_areas.set(admin_areas)
    if reassign:
        _changed(actor, f"area {mission.acronym}: {area.name} defined")
    return area


@transaction.atomic
def mission_area_update(actor, area: MissionArea, *, pcodes: Sequence[str] | None = None, reassign: bool = True,
                        **changes) -> MissionArea:
    """Change an area's name, period, source or shape (P-codes or polygon); what it covers is re-assigned."""
    area = MissionArea.objects.select_for_update().get(pk=area.pk)
    require(actor, Action.EDIT_REGISTRY, area, what=f"change an area of {area.mission.acronym}")
    allowed = {"name", "valid_from", "valid_to", "source", "geometry"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError({sorted(unknown)[0]: "This field cannot be changed here."})
    admin_areas = _admin_areas(pcodes) if pcodes else None
    for field, value in changes.items():
        setattr(area, field, value)
    if admin_areas is not None:
        area.geometry = _union(admin_areas)
    elif "geometry" in changes:
        admin_areas = []  # a drawn polygon replaces the admin areas it was built from
    _check(area, exclude_pk=area.pk)
    area._history_user = history_user(actor)
    area.save()
    if admin_areas is not None:
        area.admin_areas.set(admin_areas)
    if reassign:
        _changed(actor, f"area {area.mission.acronym}: {area.name} changed")
    return area


def mission_area_end(actor, area: MissionArea, valid_to: dt.date) -> MissionArea:
    """End an area on a date (the usual way an area changes: end it, define the next one)."""
    return mission_area_update(actor, area, valid_to=valid_to)


def mission_areas_reassign(actor, reason: str = "re-assignment asked for") -> None:
    """Re-assign every incident by the current areas (after an import of places or by hand)."""
    require(actor, Action.EDIT_REGISTRY, mission_id=None, what="re-assign incidents to mission areas")
    with transaction.atomic():
        _changed(actor, reason)
