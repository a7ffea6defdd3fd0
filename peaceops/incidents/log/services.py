"""Writes of the incident log: entry, correction, status changes. Web form and API both call these.

Each function checks the user's rights through peaceops.accounts.access, validates the whole
record with ``full_clean`` and writes inside one transaction, so a refused or invalid entry
leaves nothing behind. django-simple-history records who made every version.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peaceops.accounts.access import can_read_record, history_user, require
from peaceops.accounts.records import check_version
from peaceops.accounts.roles import Action
from peaceops.core import query
from peaceops.core.errors import DomainError
from peaceops.incidents import membership, workflow
from peaceops.incidents.log.selectors import actors_for, incidents_for
from peaceops.incidents.models import Actor, Incident, IncidentActor, IncidentSource


@dataclass(frozen=True)
class ActorPart:
    """One actor's part in an incident, by name (entry form) or as an Actor (API)."""

    name: str
    side: str
    actor: Actor | None = None
    # False: the name must be an actor the user knows of (the entry form asks before creating one).
    may_create: bool = True


COUNT_FIELDS = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "deaths_best", "deaths_low",
                "deaths_high", "injured", "abducted")


def estimates_fill(fields: dict, current: dict | None = None) -> dict:
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


# Where a refusal about an actor's name is shown on the entry form.
SIDE_FIELDS = {IncidentActor.Side.A: "side_a", IncidentActor.Side.B: "side_b", IncidentActor.Side.TARGET: "targets"}


def actor_named(user, name: str, *, may_create: bool = True, side: str = IncidentActor.Side.A) -> Actor:
    """The actor with this name or alias (case-insensitive) among those ``user`` may see, created if unknown.

    Only visible actors are matched: an actor known only from reports the user may not read is
    neither confirmed (by an "already exists") nor linked (which would show its aliases): a new
    actor of the same name is made instead, and analysts who see both may merge them.
    """
    name = " ".join(name.split())
    readable = actors_for(user)
    actor = readable.filter(name__iexact=name).first()
    if actor is None:
        for candidate in readable.exclude(aliases=[]).only("id", "name", "aliases"):
            if any(name.lower() == alias.lower() for alias in candidate.aliases):
                return candidate
        if not may_create:
            raise ValidationError({SIDE_FIELDS.get(side, "side_a"): _(
                "No actor you know of is called “%(name)s”; confirm to create it.") % {"name": name}})
        actor = actor_create(user, name=name)
    return actor


def actor_create(user, **fields) -> Actor:
    """Add an actor; any mission's watch officers may (actors are shared by every mission)."""
    actor = Actor(**fields)
    actor.name = " ".join(actor.name.split())
    require(user, Action.EDIT_INCIDENTS, mission_id=None, shared_by_any=True, what=_("add actors"))
    if actors_for(user).filter(name__iexact=actor.name).exists():
        raise ValidationError({"name": _("An actor of this name already exists.")})
    actor.full_clean()
    actor._history_user = history_user(user)
    actor.save()
    return actor


@transaction.atomic
def actor_delete(user, actor: Actor) -> None:
    """Remove an actor no report names (one that is named is merged or renamed instead)."""
    require(user, Action.EDIT_INCIDENTS, mission_id=None, shared_by_any=True, what=_("remove actors"))
    if actor.incident_links.exists():
        raise ValidationError({"actor": _("The actor is named in incidents; merge or rename instead.")})
    actor._history_user = history_user(user)
    actor.delete()


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
    # Rule in peaceops/incidents/areas.py: mission areas on the day, host country where none is defined.
    incident.missions.set(membership.missions_for(membership.mission_areas_index(), incident))


def _replace_parts(user, incident: Incident, actors, sources) -> None:
    if actors is not None:
        # Names are matched before the old links go: an actor this report alone made readable (its other
        # reports hidden from the user) would otherwise look unknown, and a correction would replace it.
        resolved = [(part.actor or actor_named(user, part.name, may_create=part.may_create, side=part.side),
                     part.side) for part in actors]
        incident.actor_links.all().delete()
        seen = set()
        for actor, side in resolved:
            if (actor.id, side) not in seen:
                seen.add((actor.id, side))
                IncidentActor.objects.create(incident=incident, actor=actor, side=side)
    if sources is not None:
        incident.sources.all().delete()
        for values in sources:
            source = IncidentSource(incident=incident, **values)
            source.full_clean()
            source.save()


def _save(user, incident: Incident, before: dict | None = None) -> None:
    """Save the record; a change (``before``: the stored values) writes only the columns it changed."""
    incident._history_user = history_user(user)  # API requests authenticate after the history middleware ran
    incident.full_clean(validate_constraints=False)
    if before is None:
        incident.save()
        return
    changed = [name for name, value in before.items() if getattr(incident, name) != value]
    if changed:
        incident.save(update_fields=changed)


def _stored_values(incident: Incident) -> dict:
    return {field.attname: getattr(incident, field.attname) for field in incident._meta.concrete_fields
            if not field.primary_key}


@transaction.atomic
def incident_create(*, user, owning_mission, fields: dict, actors=(), sources=()) -> Incident:
    """Log a new report as a draft of ``owning_mission`` (the entry form passes the current scope)."""
    fields = estimates_fill(fields)
    incident = Incident(**fields, owning_mission=owning_mission, created_by=user, status=Incident.Status.DRAFT)
    require(user, Action.EDIT_INCIDENTS, incident, what=_("log incidents"))
    _apply_place(incident)
    _check_master(user, incident)
    _save(user, incident)
    _set_area_missions(incident)
    _replace_parts(user, incident, list(actors), list(sources))
    return incident


@transaction.atomic
def incident_update(*, user, incident: Incident, fields: dict, actors=None, sources=None,
                    expected_etag: str | None = None) -> Incident:
    """Correct a report; every earlier version stays in its history.

    The stored row is re-read under a write lock and only the columns this change names (and what
    follows from them) are written, so two people correcting different fields both keep their
    change; ``expected_etag`` (If-Match, or the form's version field) refuses a change made to an
    older version than the stored one.
    """
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    require(user, Action.EDIT_INCIDENTS, incident, what=_("correct reports"))
    check_version(incident, expected_etag)
    before = _stored_values(incident)
    current = {key: getattr(incident, key) for key in COUNT_FIELDS}
    for name, value in estimates_fill(fields, current).items():
        setattr(incident, name, value)
    require(user, Action.EDIT_INCIDENTS, incident, what=_("correct reports"))
    _apply_place(incident)
    _check_master(user, incident)
    _save(user, incident, before)
    if before["country_id"] != incident.country_id or before["start_date"] != incident.start_date:
        _set_area_missions(incident)
    _replace_parts(user, incident, actors, sources)
    return incident


@transaction.atomic
def incident_delete(*, user, incident: Incident, expected_etag: str | None = None) -> None:
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    require(user, Action.EDIT_INCIDENTS, incident, what=_("delete reports"))
    check_version(incident, expected_etag)
    incident._history_user = history_user(user)
    incident.delete()


@transaction.atomic
def incident_transition(*, user, incident: Incident, status: str, reason: str = "") -> Incident:
    """Move a report along draft -> verified -> published (rights in peaceops/incidents/workflow.py).

    ``reason`` goes into the history row (a bulk change says so, beside who made it).
    """
    try:
        needed = workflow.required_action(incident.status, status)
    except workflow.TransitionError:  # workflow is pure (no Django): the sentence is translated here
        raise ValidationError({"status": _("A report cannot go from %(current)s to %(target)s.") % {
            "current": incident.status, "target": status}}) from None
    require(user, needed, incident, what=_("move a report to %(status)s") % {"status": status})
    before = _stored_values(incident)
    incident.status = status
    if reason:
        incident._change_reason = reason
    _save(user, incident, before)
    return incident


# One request changes at most this many reports: a page holds 200, "select all" takes a page, and a
# longer list is a script's, which the API serves one by one with the same checks. Below Django's
# DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000), so that the form's own refusal, not a bare 400, answers it.
BULK_LIMIT = 500
ASSIGNEE_LIMIT = 200  # Incident.follow_up_by
BULK_STATUSES = (workflow.VERIFIED, workflow.PUBLISHED)


@dataclass
class BulkOutcome:
    """What one bulk change did: the reports changed, left as they were, or refused (with why).

    ``missing`` counts ids that name no report the user may read: absent and hidden alike, so that
    the answer never tells a hidden report from one that does not exist.
    """

    done: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)
    missing: int = 0


@transaction.atomic
def incidents_bulk_transition(user, values, status: str) -> BulkOutcome:
    """Move every selected report to ``status`` with exactly the rights of moving it alone.

    Each report goes through :func:`incident_transition` (its own ``require``), inside one
    transaction: a refusal of one report (rights, clearance, a move the workflow does not allow) is
    reported and rolls back only that report's savepoint; the others are saved, each with a history
    row naming the user and the bulk change.
    """
    if status not in BULK_STATUSES:
        raise DomainError(_("Choose verify or publish."), field="action")
    reason = _("bulk change to %(status)s") % {"status": status}
    return _bulk(user, values,
                 change=lambda incident: incident_transition(user=user, incident=incident, status=status,
                                                             reason=reason),
                 done_already=lambda incident: incident.status == status)


@transaction.atomic
def incidents_bulk_assign(user, values, assignee: str) -> BulkOutcome:
    """Assign the follow-up of every selected report to one unit or person, with exactly the rights of
    correcting each report alone (:func:`incident_update`, which keeps its history)."""
    assignee = " ".join(str(assignee or "").split())
    if not assignee:
        raise DomainError(_("Name the unit or person who follows the reports up."), field="assignee")
    if len(assignee) > ASSIGNEE_LIMIT:
        raise DomainError(_("A unit or person's name holds at most %(limit)s characters.")
                          % {"limit": ASSIGNEE_LIMIT}, field="assignee")
    return _bulk(user, values,
                 change=lambda incident: incident_update(user=user, incident=incident,
                                                         fields={"follow_up_by": assignee}),
                 done_already=lambda incident: incident.follow_up_by == assignee)


def _bulk(user, values, *, change, done_already) -> BulkOutcome:
    """Apply ``change`` to each selected report the user may read; the ids of reports they may not read
    count as missing, like ids of no report at all."""
    ids, bad = query.selection_ids(values)
    if len(ids) > BULK_LIMIT:
        raise DomainError(_("Select at most %(limit)s reports at once (%(count)s were sent).")
                          % {"limit": f"{BULK_LIMIT:,}", "count": f"{len(ids):,}"}, field="ids")
    outcome = BulkOutcome(missing=bad)
    readable = {i.pk: i for i in incidents_for(user).filter(pk__in=ids).select_for_update().order_by("pk")}
    outcome.missing += len(ids) - len(readable)
    for pk in ids:
        incident = readable.get(pk)
        if incident is None:
            continue
        if done_already(incident):
            outcome.unchanged.append(pk)
            continue
        try:
            change(incident)
        except (ValidationError, DomainError) as error:  # Denied is a DomainError
            message = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            outcome.refused.append((pk, message))
        else:
            outcome.done.append(pk)
    return outcome
