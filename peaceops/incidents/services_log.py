"""Writes of the incident log: entry, correction, status changes. Web form and API both call these.

Each function checks the user's rights through peaceops.accounts.access, validates the whole
record with ``full_clean`` and writes inside one transaction, so a refused or invalid entry
leaves nothing behind. django-simple-history records who made every version.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peaceops.accounts.access import access_for, can, can_read_record
from peaceops.accounts.roles import Action
from peaceops.incidents import areas, workflow
from peaceops.incidents.models import Actor, Incident, IncidentActor, IncidentSource
from peaceops.incidents.selectors_log import mission_spans


@dataclass(frozen=True)
class ActorPart:
    """One actor's part in an incident, by name (entry form) or as an Actor (API)."""

    name: str
    side: str
    actor: Actor | None = None


def check_can_edit(user, mission_id, classification) -> None:
    """Refuse unless the user logs incidents for the mission and is cleared for the level."""
    if not can(user, Action.EDIT_INCIDENTS, mission_id):
        raise PermissionDenied(_("You may not log incidents for this mission."))
    if not access_for(user).can_read(mission_id, classification):
        raise PermissionDenied(_("The classification is above your clearance for this mission."))


COUNT_FIELDS = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "deaths_best", "deaths_low",
                "deaths_high", "injured", "abducted")


def fill_estimates(fields: dict, current: dict | None = None) -> dict:
    """Default the death estimates as UCDP relates them: best = the sum by party; low/high = best.

    ``current`` holds the stored counts when correcting a report (missing keys count as empty).
    Only empty (None) values are filled; what the officer typed is kept and validated as is.
    """
    filled = {key: None for key in COUNT_FIELDS}
    filled.update(current or {})
    filled.update(fields)
    parties = sum(filled.get(k) or 0 for k in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"))
    if filled.get("deaths_best") is None:
        filled["deaths_best"] = parties
    for bound in ("deaths_low", "deaths_high"):
        if filled.get(bound) is None:
            filled[bound] = filled["deaths_best"]
    for key in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "injured", "abducted"):
        if key in filled and filled[key] is None:
            filled[key] = 0
    return filled


def actor_named(name: str) -> Actor:
    """The actor with this name or alias (case-insensitive), created if unknown."""
    name = " ".join(name.split())
    actor = Actor.objects.filter(name__iexact=name).first()
    if actor is None:
        for candidate in Actor.objects.exclude(aliases=[]).only("id", "name", "aliases"):
            if any(name.lower() == alias.lower() for alias in candidate.aliases):
                return candidate
        actor = Actor(name=name)
        actor.full_clean()
        actor.save()
    return actor


def _apply_place(incident: Incident) -> None:
    """Country and admin names from the P-code area where they were left empty; end date = start date."""
    area = incident.admin_area
    if area is not None:
        if incident.country_id is None:
            incident.country_id = area.country_id
        chain, node = {}, area
        while node is not None:
            chain[node.level] = node.name
            node = node.parent
        incident.admin1 = incident.admin1 or chain.get(1, "")
        incident.admin2 = incident.admin2 or chain.get(2, "")
        if incident.latitude is None and incident.longitude is None and area.centroid_lat is not None:
            incident.latitude, incident.longitude = area.centroid_lat, area.centroid_lon
    if incident.end_date is None:
        incident.end_date = incident.start_date


def _check_master(user, incident: Incident) -> None:
    master = incident.duplicate_of
    if master is not None and not can_read_record(user, master):
        # Same answer as for an id that does not exist: a hidden report must not be confirmed.
        raise ValidationError({"duplicate_of": _("No such incident.")})


def _set_area_missions(incident: Incident) -> None:
    # Rule in peaceops/incidents/areas.py (issue 3 shared brief: host country and mandate dates).
    spans = areas.spans_from_missions(mission_spans())
    incident.missions.set(areas.missions_for_incident(spans, incident.country_id, incident.start_date))


def _replace_parts(incident: Incident, actors, sources) -> None:
    if actors is not None:
        incident.actor_links.all().delete()
        seen = set()
        for part in actors:
            actor = part.actor or actor_named(part.name)
            if (actor.id, part.side) not in seen:
                seen.add((actor.id, part.side))
                IncidentActor.objects.create(incident=incident, actor=actor, side=part.side)
    if sources is not None:
        incident.sources.all().delete()
        for values in sources:
            source = IncidentSource(incident=incident, **values)
            source.full_clean()
            source.save()


def _save(user, incident: Incident) -> None:
    incident._history_user = user  # API requests authenticate after the history middleware ran
    incident.full_clean(validate_constraints=False)
    incident.save()


@transaction.atomic
def incident_create(*, user, owning_mission, fields: dict, actors=(), sources=()) -> Incident:
    """Log a new report as a draft of ``owning_mission`` (the entry form passes the current scope)."""
    fields = fill_estimates(fields)
    incident = Incident(**fields, owning_mission=owning_mission, created_by=user, status=Incident.Status.DRAFT)
    check_can_edit(user, incident.owning_mission_id, incident.classification)
    _apply_place(incident)
    _check_master(user, incident)
    _save(user, incident)
    _set_area_missions(incident)
    _replace_parts(incident, list(actors), list(sources))
    return incident


@transaction.atomic
def incident_update(*, user, incident: Incident, fields: dict, actors=None, sources=None) -> Incident:
    """Correct a report; every earlier version stays in its history (issue 3: corrections keep history)."""
    check_can_edit(user, incident.owning_mission_id, incident.classification)
    current = {key: getattr(incident, key) for key in COUNT_FIELDS}
    for name, value in fill_estimates(fields, current).items():
        setattr(incident, name, value)
    check_can_edit(user, incident.owning_mission_id, incident.classification)
    _apply_place(incident)
    _check_master(user, incident)
    _save(user, incident)
    _set_area_missions(incident)
    _replace_parts(incident, actors, sources)
    return incident


@transaction.atomic
def incident_transition(*, user, incident: Incident, status: str) -> Incident:
    """Move a report along draft -> verified -> published (rights in peaceops/incidents/workflow.py)."""
    try:
        needed = workflow.required_action(incident.status, status)
    except workflow.TransitionError:  # workflow is pure (no Django): the sentence is translated here
        raise ValidationError({"status": _("A report cannot go from %(current)s to %(target)s.") % {
            "current": incident.status, "target": status}}) from None
    if not can(user, needed, incident.owning_mission_id):
        raise PermissionDenied(_("Moving a report to %(status)s needs the %(right)s right for its mission.") % {
            "status": status, "right": needed})
    incident.status = status
    _save(user, incident)
    return incident
