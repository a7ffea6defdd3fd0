"""The mission or region a user is looking at, kept in the session (the switcher)."""

from peaceops.accounts.access import access_for
from peaceops.registry.models import Mission, Region

SESSION_KEY = "peaceops_scope"


def missions_for(user):
    """Missions the user holds a grant for (all of them for a system-wide grant)."""
    ids = access_for(user).mission_ids
    missions = Mission.objects.order_by("acronym")
    return missions if ids is None else missions.filter(id__in=ids)


def regions_for(user):
    """Regions at least one of whose missions the user may see."""
    return Region.objects.filter(missions__in=missions_for(user)).distinct().order_by("name")


def current(request) -> dict:
    """``{"kind": "mission"|"region"|"all", "id": int|None, "label": str}`` for this request."""
    chosen = request.session.get(SESSION_KEY) or {}
    kind, ident = chosen.get("kind"), chosen.get("id")
    if kind == "mission":
        mission = missions_for(request.user).filter(id=ident).first()
        if mission:
            return {"kind": "mission", "id": mission.id, "label": mission.acronym, "object": mission}
    if kind == "region":
        region = regions_for(request.user).filter(id=ident).first()
        if region:
            return {"kind": "region", "id": region.id, "label": region.name, "object": region}
    first = missions_for(request.user).first()
    if first:
        return {"kind": "mission", "id": first.id, "label": first.acronym, "object": first}
    return {"kind": "all", "id": None, "label": "", "object": None}


def choose(request, kind: str, ident: int) -> bool:
    """Store a choice if the user may see it; returns whether it was accepted."""
    allowed = missions_for(request.user) if kind == "mission" else regions_for(request.user)
    if kind not in ("mission", "region") or not allowed.filter(id=ident).exists():
        return False
    request.session[SESSION_KEY] = {"kind": kind, "id": ident}
    return True


def mission_ids_in_scope(request) -> list[int]:
    """The missions the current scope covers, limited to those the user may see."""
    scope = current(request)
    visible_missions = missions_for(request.user)
    if scope["kind"] == "mission":
        return [scope["id"]]
    if scope["kind"] == "region":
        return list(visible_missions.filter(regions=scope["id"]).values_list("id", flat=True))
    return list(visible_missions.values_list("id", flat=True))


def shell_context(request) -> dict:
    return {
        "scope": current(request),
        "missions": missions_for(request.user),
        "regions": regions_for(request.user),
    }
