"""The mission or region a user is looking at, kept in the session (the switcher).

A user may look at a mission they hold a grant for, or a region they hold a grant over; a
system-wide grant opens every mission and region. Anything else is refused, and a stale choice
(a grant since withdrawn) silently falls back to the first mission the user may see.
"""

from peaceops.accounts.access import access_for
from peaceops.accounts.models import Grant
from peaceops.registry.models import Mission, Region

SESSION_KEY = "peaceops_scope"
MISSION, REGION, NONE = "mission", "region", "none"
_CACHE_ATTR = "_peaceops_scope"


def missions_for(user):
    """Missions the user holds a grant for (directly or through a region; all for a system-wide grant)."""
    ids = access_for(user).mission_ids
    missions = Mission.objects.order_by("acronym")
    return missions if ids is None else missions.filter(id__in=ids)


def regions_for(user):
    """Regions the user holds a grant over (all of them for a system-wide grant)."""
    regions = Region.objects.order_by("name")
    if not access_for(user).authenticated:
        return regions.none()
    if access_for(user).mission_ids is None:
        return regions
    granted = Grant.objects.filter(user=user, region__isnull=False).values("region_id")
    return regions.filter(id__in=granted)


def _as_scope(kind, obj) -> dict:
    label = obj.acronym if kind == MISSION else obj.name if obj else ""
    return {"kind": kind, "id": obj.id if obj else None, "label": label, "object": obj}


def _resolve(request) -> dict:
    chosen = request.session.get(SESSION_KEY) or {}
    kind, ident = chosen.get("kind"), chosen.get("id")
    if kind == MISSION:
        mission = missions_for(request.user).filter(id=ident).first()
        if mission:
            return _as_scope(MISSION, mission)
    if kind == REGION:
        region = regions_for(request.user).filter(id=ident).first()
        if region:
            return _as_scope(REGION, region)
    first = missions_for(request.user).first()
    if first:
        return _as_scope(MISSION, first)
    return _as_scope(NONE, None)


def current(request) -> dict:
    """``{"kind": "mission"|"region"|"none", "id", "label", "object"}``, computed once per request."""
    cached = getattr(request, _CACHE_ATTR, None)
    if cached is None:
        cached = _resolve(request)
        setattr(request, _CACHE_ATTR, cached)
    return cached


def choose(request, kind: str, ident: int) -> bool:
    """Store a choice if the user holds a grant for it; returns whether it was accepted."""
    if kind == MISSION:
        allowed = missions_for(request.user)
    elif kind == REGION:
        allowed = regions_for(request.user)
    else:
        return False
    if not allowed.filter(id=ident).exists():
        return False
    request.session[SESSION_KEY] = {"kind": kind, "id": ident}
    if hasattr(request, _CACHE_ATTR):
        delattr(request, _CACHE_ATTR)
    return True


def parse_choice(value: str) -> tuple[str, int] | None:
    """``"mission:12"`` -> ``("mission", 12)``; anything malformed -> None."""
    kind, _sep, ident = (value or "").partition(":")
    if kind not in (MISSION, REGION) or not ident.isdigit():
        return None
    return kind, int(ident)


def mission_ids_in_scope(request) -> list[int]:
    """The missions the current scope covers, limited to those the user may see."""
    scope = current(request)
    visible_missions = missions_for(request.user)
    if scope["kind"] == MISSION:
        return [scope["id"]]
    if scope["kind"] == REGION:
        return list(visible_missions.filter(regions=scope["id"]).values_list("id", flat=True))
    return []


def shell_context(request) -> dict:
    return {
        "scope": current(request),
        "missions": missions_for(request.user),
        "regions": regions_for(request.user),
    }
