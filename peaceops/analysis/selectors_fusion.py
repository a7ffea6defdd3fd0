"""The regional fusion view: one region's cross-border picture for a reader who covers the region.

Seed 000 §IV.C.1 recommends a regional information fusion cell (and a joint missions analysis centre);
§IV.C.3 a joint threat assessment every quarter. The view gathers, for one region and one date, what the
existing reads already compute, each narrowed to what the reader may read:

- the early-warning alerts concerning a mission of the region (``selectors_alerts.alerts_as_of``);
- borders between countries held by different missions of the region with incidents near them on both
  sides in the last 30 days (``fusion.border_activity`` over the reader's incident frame);
- security levels that diverge across a border, or face a level the reader cannot read
  (``selectors.security_divergences``, ``selectors.unreadable_neighbour_levels``);
- open requests for information between two missions of the region (``notifications.selectors``);
- quarterly joint products not approved by their due day (``reports.selectors.late_reports``).

It is for readers who cover a region: a grant over the region, or a system-wide grant. A reader with
mission grants only has no fusion view (each of their pages already shows their missions); a reader of
another region does not learn of this one.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from peaceops.accounts.access import access_for
from peaceops.accounts.models import Grant
from peaceops.analysis import fusion, incident_frame, selectors, selectors_alerts
from peaceops.analysis.selectors_alerts import AnalysisInputError
from peaceops.core import clock, query
from peaceops.notifications import selectors as notifications
from peaceops.registry.models import AdminArea, Mission, Region
from peaceops.reports import selectors as reports


def fusion_regions(user):
    """The regions whose fusion view ``user`` may open: those they hold a grant over, every one system-wide."""
    access = access_for(user)
    regions = Region.objects.order_by("name")
    if not access.authenticated:
        return regions.none()
    if access.system_level is not None:
        return regions
    return regions.filter(id__in=Grant.objects.filter(user=user, region__isnull=False).values("region_id"))


def may_fuse(user) -> bool:
    """Whether the user covers any region (the fusion view exists for them at all)."""
    return fusion_regions(user).exists()


def region_for(user, name_or_id: str | int | None) -> Region:
    """A region among the user's by id or name (the first when none is given); unknown and forbidden look alike."""
    regions = fusion_regions(user)
    if name_or_id in (None, ""):
        region = regions.first()
    elif query.is_id(name_or_id):
        region = regions.filter(id=int(str(name_or_id).strip())).first()
    else:
        region = regions.filter(name__iexact=str(name_or_id).strip()).first()
    if region is None:
        raise AnalysisInputError("region", _("No region %(region)s among yours.") % {"region": name_or_id or ""})
    return region


@dataclass
class Fusion:
    region: Region
    as_of: dt.date
    missions: dict[int, str]  # the region's missions, id -> acronym
    alerts: list = field(default_factory=list)  # selectors_alerts.ShownAlert
    borders: list = field(default_factory=list)  # fusion.BorderActivity
    divergences: list = field(default_factory=list)  # security_levels.Divergence
    unreadable: list = field(default_factory=list)  # security_levels.Unreadable
    requests: list = field(default_factory=list)  # notifications.models.InformationRequest
    late: list = field(default_factory=list)  # reports.selectors.late_reports rows


def fusion_for(user, region: Region, as_of: dt.date | None = None) -> Fusion:
    """The region's fusion view as of a date (default: the scenario clock's today), as ``user`` may read it.

    ``region`` must be one of :func:`fusion_regions` (callers resolve it with :func:`region_for`).
    """
    if not fusion_regions(user).filter(pk=region.pk).exists():
        raise AnalysisInputError("region", _("No region %(region)s among yours.") % {"region": region.name})
    as_of = as_of or clock.today()
    missions = dict(Mission.objects.filter(regions=region).order_by("acronym").values_list("id", "acronym"))
    ids = set(missions)
    result = Fusion(region=region, as_of=as_of, missions=missions)
    result.alerts = [shown for shown in selectors_alerts.alerts_as_of(user, as_of)
                     if ids & set(shown.alert.mission_ids) | ids & set(shown.alert.notified_mission_ids)]
    result.borders = border_activity(user, as_of, ids)
    result.divergences = [d for d in selectors.security_divergences(user, on=as_of)
                          if {d.first.mission_id, d.second.mission_id} & ids]
    result.unreadable = [u for u in selectors.unreadable_neighbour_levels(user, on=as_of)
                         if {u.side.mission_id, u.other_mission_id} & ids]
    result.requests = open_requests(user, ids)
    result.late = late_products(user, region, as_of)
    return result


def border_activity(user, as_of: dt.date, mission_ids) -> list[fusion.BorderActivity]:
    """Borders between the region's missions with incidents the user may read near them on both sides."""
    since = as_of - dt.timedelta(days=fusion.WINDOW_DAYS - 1)
    # An incident reported before it started is not a thing; reported since the window's first day covers it.
    frame = incident_frame.load_incident_frame(user, incident_frame.FrameScope(as_of=as_of, reported_since=since))
    if not len(frame):
        return []
    borders = incident_frame.border_context(as_of)
    return fusion.border_activity(frame, as_of, borders, mission_ids=mission_ids,
                                  border_areas=fusion.areas_along(borders, _admin1_shapes()))


def _admin1_shapes() -> dict[str, list[tuple[str, dict]]]:
    """ISO3 -> (name, GeoJSON) of the admin-1 areas with a shape: registry reference data, read by everyone."""
    shapes: dict[str, list[tuple[str, dict]]] = {}
    rows = AdminArea.objects.filter(level=1).exclude(geometry=None).values_list("country__iso3", "name", "geometry")
    for iso3, name, geometry in rows:
        shapes.setdefault(iso3, []).append((name, json.loads(geometry) if isinstance(geometry, str) else geometry))
    return shapes


def open_requests(user, mission_ids) -> list:
    """Open requests for information the user may read, asked by one mission of the region of another."""
    ids = list(mission_ids)
    return list(notifications.requests_for(user, status="open")
                .filter(Q(requesting_mission_id__in=ids) & Q(owning_mission_id__in=ids)).order_by("requested_at", "pk"))


def late_products(user, region: Region, as_of: dt.date) -> list[dict]:
    """The region's quarterly joint products not approved by their due day (the reports' own cadence rule)."""
    return [row for row in reports.late_reports(user, today=as_of) if row["region"].pk == region.pk]


# --- JSON (API and CLI) --------------------------------------------------------------------------------------

def _side_json(side: fusion.BorderSide, missions: dict[int, str]) -> dict:
    return {"country": side.country, "missions": [missions.get(m, str(m)) for m in side.mission_ids],
            "incidents": side.count, "areas": [{"admin1": name, "incidents": n} for name, n in side.areas],
            "evidence_ids": list(side.evidence_ids)}


def mission_names() -> dict[int, str]:
    """Every mission's acronym by id (registry facts, shared reference data)."""
    return dict(Mission.objects.values_list("id", "acronym"))


def fusion_json(found: Fusion) -> dict:
    every_mission = mission_names()
    return {
        "region": found.region.name, "as_of": found.as_of.isoformat(),
        "missions": sorted(found.missions.values()),
        "alerts": [selectors_alerts.alert_json(shown) for shown in found.alerts],
        "borders": [{"start": b.start.isoformat(), "end": b.end.isoformat(),
                     "first": _side_json(b.first, every_mission), "second": _side_json(b.second, every_mission)}
                    for b in found.borders],
        "divergences": [selectors_alerts.divergence_json(d) for d in found.divergences],
        "unreadable_levels": [selectors_alerts.unreadable_json(u) for u in found.unreadable],
        "open_requests": [{"id": r.pk, "requesting_mission": r.requesting_mission.acronym,
                           "owning_mission": r.owning_mission.acronym, "alert_key": r.alert_key,
                           "asked": len(r.evidence_ids or []), "requested_at": r.requested_at.isoformat()}
                          for r in found.requests],
        "late_products": [{"label": row["label"], "kind": row["kind"], "start": row["start"].isoformat(),
                           "end": row["end"].isoformat(), "due": row["due"].isoformat()} for row in found.late],
    }
