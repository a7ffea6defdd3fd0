"""Writes of the analysis module: armed groups, security levels, alert reviews, stored forecasts.

Every write checks the user's rights through peaceops.accounts.access (JMAC analysts hold
``edit_analysis`` for their mission), validates the model and runs in one transaction.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from peaceops.accounts.access import access_for
from peaceops.accounts.roles import Action
from peaceops.analysis.models import AlertReview, ArmedGroup, CountryForecast, SecurityLevel
from peaceops.incidents.models import Actor, Incident


def check_can_analyse(user, mission_id: int | None) -> None:
    """``edit_analysis`` for the mission; for shared records (no mission), for any mission."""
    access = access_for(user)
    if mission_id is None:
        allowed = Action.EDIT_ANALYSIS in access.system_actions or any(
            Action.EDIT_ANALYSIS in actions for actions in access.mission_actions.values())
    else:
        allowed = access.can(Action.EDIT_ANALYSIS, mission_id)
    if not allowed:
        raise PermissionDenied(_("You may not change analysis records of this mission (edit_analysis)."))


def _save(instance, user):
    instance.full_clean()
    check_can_analyse(user, instance.owning_mission_id)
    if not access_for(user).can_read(instance.owning_mission_id, instance.classification):
        raise PermissionDenied(_("The classification is above your clearance for this mission."))
    instance._history_user = user
    instance.save()
    return instance


# --- armed groups ------------------------------------------------------------------------------------------

def matching_actors(names) -> list[Actor]:
    """Incident actors whose name or one alias equals one of ``names`` (case-insensitive)."""
    wanted = {name.casefold() for name in names if name}
    if not wanted:
        return []
    by_name = Q()
    for name in wanted:
        by_name |= Q(name__iexact=name)
    found = {actor.pk: actor for actor in Actor.objects.filter(by_name)}
    for actor in Actor.objects.exclude(aliases=[]).exclude(pk__in=found):
        if any(str(alias).casefold() in wanted for alias in actor.aliases or ()):
            found[actor.pk] = actor
    return list(found.values())


def link_actors(group: ArmedGroup) -> int:
    """Link the group to every incident actor known under one of its names; returns how many."""
    actors = matching_actors(group.names())
    if set(group.actors.values_list("pk", flat=True)) != {a.pk for a in actors}:
        group.actors.set(actors)
    return len(actors)


@transaction.atomic
def link_all_groups() -> int:
    """Relink every group to the actors known under its names (after imports bring new actor names)."""
    return sum(link_actors(group) for group in ArmedGroup.objects.all())


@transaction.atomic
def armed_group_save(*, user, group: ArmedGroup) -> ArmedGroup:
    group.aliases = [" ".join(str(alias).split()) for alias in group.aliases or () if str(alias).strip()]
    _save(group, user)
    link_actors(group)
    return group


# --- security levels ---------------------------------------------------------------------------------------

@transaction.atomic
def security_level_set(*, user, level: SecurityLevel, close_previous: bool = True) -> SecurityLevel:
    """Record a level for an area; the mission's previous open level for that area and system ends the day before."""
    _save(level, user)
    if close_previous:
        previous = SecurityLevel.objects.filter(
            owning_mission=level.owning_mission, system=level.system, country=level.country,
            admin_area=level.admin_area, valid_to__isnull=True, valid_from__lt=level.valid_from).exclude(pk=level.pk)
        for old in previous:
            old.valid_to = level.valid_from - dt.timedelta(days=1)
            _save(old, user)
    return level


# --- alert reviews -----------------------------------------------------------------------------------------

REVIEW_ACTIONS = {"acknowledge": AlertReview.Status.ACKNOWLEDGED, "dismiss": AlertReview.Status.DISMISSED,
                  "escalate": AlertReview.Status.ESCALATED, "reopen": AlertReview.Status.OPEN}


def _review_mission(user, alert: dict, mission_id: int | None) -> int:
    """The mission the review is recorded for: the one named, else the only affected one the user analyses for."""
    candidates = [m for m in [*alert.get("mission_ids", ()), *alert.get("notified_mission_ids", ())]
                  if access_for(user).can(Action.EDIT_ANALYSIS, m)]
    if mission_id is not None:
        if not access_for(user).can(Action.EDIT_ANALYSIS, mission_id):
            raise PermissionDenied(_("You may not review alerts for this mission (edit_analysis)."))
        return mission_id
    if not candidates:
        raise PermissionDenied(_("You analyse for none of the missions this alert concerns (edit_analysis)."))
    return candidates[0]


@transaction.atomic
def alert_review(*, user, alert: dict, as_of: dt.date, action: str, note: str = "",
                 mission_id: int | None = None) -> AlertReview:
    """Acknowledge, dismiss, escalate (or reopen) an alert the user was shown, keeping a snapshot of it.

    ``alert`` is the alert as computed for the user (selectors_alerts.alert_for_key), never taken
    from the client, so nobody can review an alert built from incidents they may not read. The
    review is classified at the highest classification among its evidence, so it shows no more than
    the incidents do.
    """
    if action not in REVIEW_ACTIONS:
        raise ValidationError({"action": _("Choose acknowledge, dismiss, escalate or reopen.")})
    if action in ("dismiss", "escalate") and not note.strip():
        raise ValidationError({"note": _("Say why in a note: a dismissal or an escalation needs a reason.")})
    mission = _review_mission(user, alert, mission_id)
    evidence = list(alert.get("evidence_ids", ()))
    classification = Incident.objects.filter(pk__in=evidence).aggregate(top=Max("classification"))["top"] or 0
    review = AlertReview.objects.select_for_update().filter(alert_key=alert["key"], owning_mission_id=mission).first()
    review = review or AlertReview(alert_key=alert["key"], owning_mission_id=mission)
    review.classification = max(classification, review.classification or 0)
    review.kind = alert["kind"]
    review.country_id = alert.get("country_id")
    review.admin1, review.admin2 = alert.get("admin1", ""), alert.get("admin2", "")
    review.score, review.since, review.as_of = float(alert.get("score", 0)), alert.get("since"), as_of
    review.evidence_ids = evidence
    review.affected_mission_ids = list(alert.get("mission_ids", ()))
    review.notified_mission_ids = list(alert.get("notified_mission_ids", ()))
    review.status, review.note = REVIEW_ACTIONS[action], note.strip()
    review.reviewed_by, review.reviewed_at = user, timezone.now()
    return _save(review, user)


# --- forecasts ---------------------------------------------------------------------------------------------

@transaction.atomic
def forecasts_store(*, summaries, run_on: dt.date, last_history_month: int, draws: int) -> int:
    """Store per country-month summaries ``[{"country_id", "month_id", "mean", "median", "p10", "p90"}]``.

    A rerun from the same history month replaces its rows; other runs stay for comparison.
    """
    stored = 0
    for row in summaries:
        CountryForecast.objects.update_or_create(
            country_id=int(row["country_id"]), month_id=int(row["month_id"]), last_history_month=last_history_month,
            defaults={"mean": float(row["mean"]), "median": float(row["median"]), "p10": float(row["p10"]),
                      "p90": float(row["p90"]), "run_on": run_on, "draws": draws})
        stored += 1
    return stored
