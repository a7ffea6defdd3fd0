"""Which missions' areas hold each incident: the index every entry path builds, and the
re-assignment that follows a change of mission areas (rule: ``peaceops.incidents.areas``).

``mission_areas_index`` reads; ``reassign_incidents`` writes (it runs inside the transaction of
the registry service that changed an area, whose actor was checked there, and records every
incident that entered or left a mission's area as an ``AreaMembershipChange``).
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction

from peaceops.accounts.access import history_user
from peaceops.incidents import areas
from peaceops.incidents.models import AreaMembershipChange, AreaReassignment, Incident
from peaceops.registry.models import Mission, MissionArea

BATCH = 50_000


def mission_areas_index() -> areas.MissionAreas:
    """Every mission's host countries and mandate dates, and every area of responsibility, indexed."""
    spans = areas.spans_from_missions(Mission.objects.prefetch_related("host_countries"))
    rows = MissionArea.objects.filter(kind=MissionArea.Kind.AREA).prefetch_related("admin_areas")
    return areas.MissionAreas(spans, [
        areas.AreaSpan(a.mission_id, a.geometry, a.valid_from, a.valid_to,
                       frozenset(admin.pcode for admin in a.admin_areas.all()))
        for a in rows])


def admin_pcodes(admin_area) -> tuple[str, ...]:
    """The P-codes of an admin area and of every area above it (an area built from any of them holds it)."""
    codes, node = [], admin_area
    while node is not None:
        codes.append(node.pcode)
        node = node.parent
    return tuple(codes)


def missions_for(index: areas.MissionAreas, incident: Incident) -> list[int]:
    """The missions whose area holds one incident (entry form, API, demo)."""
    pcodes = admin_pcodes(incident.admin_area) if incident.admin_area_id else ()
    return index.missions_for(incident.country_id, incident.start_date, incident.longitude, incident.latitude, pcodes)


_COLUMNS = ("id", "country_id", "start_date", "longitude", "latitude", "admin_area__pcode",
            "admin_area__parent__pcode", "admin_area__parent__parent__pcode")


def _wanted_pairs(index: areas.MissionAreas, rows: list[tuple]) -> set[tuple[int, int]]:
    ids = [row[0] for row in rows]
    pairs = index.assign([r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows], [r[4] for r in rows],
                         [tuple(code for code in r[5:] if code) for r in rows])
    return {(ids[row], mission_id) for row, mission_id in pairs}


def _delete_links(links, pairs: set[tuple[int, int]]) -> None:
    by_mission: dict[int, list[int]] = defaultdict(list)
    for incident_id, mission_id in pairs:
        by_mission[mission_id].append(incident_id)
    for mission_id, ids in by_mission.items():
        for start in range(0, len(ids), 900):  # under SQLite's bound-parameter limit
            links.filter(mission_id=mission_id, incident_id__in=ids[start:start + 900]).delete()


@transaction.atomic
def reassign_incidents(actor, reason: str, index: areas.MissionAreas | None = None) -> AreaReassignment:
    """Bring every incident's missions in line with the areas; record what moved, and why."""
    index = index or mission_areas_index()
    links = Incident.missions.through.objects
    record = AreaReassignment.objects.create(done_by=history_user(actor), reason=reason[:300])
    last_id = 0
    while True:
        rows = list(Incident.objects.filter(id__gt=last_id).order_by("id").values_list(*_COLUMNS)[:BATCH])
        if not rows:
            break
        low, last_id = rows[0][0], rows[-1][0]
        wanted = _wanted_pairs(index, rows)
        stored = set(links.filter(incident_id__gte=low, incident_id__lte=last_id)
                     .values_list("incident_id", "mission_id"))
        added, removed = wanted - stored, stored - wanted
        _delete_links(links, removed)
        links.bulk_create([links.model(incident_id=i, mission_id=m) for i, m in sorted(added)], batch_size=5000)
        AreaMembershipChange.objects.bulk_create(
            [AreaMembershipChange(reassignment=record, incident_id=i, mission_id=m, added=True)
             for i, m in sorted(added)]
            + [AreaMembershipChange(reassignment=record, incident_id=i, mission_id=m, added=False)
               for i, m in sorted(removed)], batch_size=5000)
        record.examined += len(rows)
        record.added += len(added)
        record.removed += len(removed)
    record.save(update_fields=["examined", "added", "removed"])
    return record


def on_mission_areas_changed(sender, actor, reason, **kwargs) -> None:
    """Receiver of ``registry.signals.mission_areas_changed`` (connected in IncidentsConfig.ready)."""
    reassign_incidents(actor, reason)
