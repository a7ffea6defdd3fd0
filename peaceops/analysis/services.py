"""Writes of the analysis module: armed groups, security levels, alert reviews, stored forecasts.

Every write checks the user's rights through peaceops.accounts.access (JMAC analysts hold
``edit_analysis`` for their mission), validates the model and runs in one transaction.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from peaceops.accounts.access import history_user, permits, require
from peaceops.accounts.records import record_create, record_delete, record_update
from peaceops.accounts.roles import Action
from peaceops.analysis import early_warning, selectors_alerts
from peaceops.analysis.incident_frame import FrameScope, alert_frame, border_context
from peaceops.analysis.models import AlertReview, ArmedGroup, CountryForecast, SecurityLevel
from peaceops.core import clock
from peaceops.core.errors import Denied
from peaceops.incidents.models import Actor, Incident
from peaceops.notifications.services import alerts_notify


def _save(instance, user, *, shared_by_any: bool = False):
    """Check the writer once (accounts.access.require), validate, save with history."""
    require(user, Action.EDIT_ANALYSIS, instance, shared_by_any=shared_by_any, what=_("change analysis records"))
    instance.full_clean()
    instance._history_user = history_user(user)
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


def armed_group_link_actors(group: ArmedGroup) -> int:
    """Link the group to every incident actor known under one of its names; returns how many."""
    actors = matching_actors(group.names())
    if set(group.actors.values_list("pk", flat=True)) != {a.pk for a in actors}:
        group.actors.set(actors)
    return len(actors)


@transaction.atomic
def armed_groups_link_all(actor) -> int:
    """Relink every group to the actors known under its names (after imports bring new actor names)."""
    require(actor, Action.EDIT_ANALYSIS, mission_id=None, what=_("relink every armed group"))
    return sum(armed_group_link_actors(group) for group in ArmedGroup.objects.all())


def _tidy_aliases(changes: dict) -> dict:
    if "aliases" in changes:
        changes["aliases"] = [" ".join(str(a).split()) for a in changes["aliases"] or () if str(a).strip()]
    return changes


# Armed groups without a mission are the region's shared register (seed 000 §III.C.3: groups cross
# borders): any mission's analyst adds to it and corrects it; only a system-wide analyst may delete a
# shared group or take one into a single mission (records.record_update enforces it).

@transaction.atomic
def armed_group_create(*, user, fields: dict) -> ArmedGroup:
    group = record_create(user, Action.EDIT_ANALYSIS, ArmedGroup, _tidy_aliases(dict(fields)), shared_by_any=True)
    armed_group_link_actors(group)
    return group


@transaction.atomic
def armed_group_update(*, user, group: ArmedGroup, changes: dict, expected_etag: str | None = None) -> ArmedGroup:
    group = record_update(user, Action.EDIT_ANALYSIS, group, _tidy_aliases(dict(changes)),
                          expected_etag=expected_etag, shared_by_any=True)
    armed_group_link_actors(group)
    return group


def armed_group_delete(*, user, group: ArmedGroup, expected_etag: str | None = None) -> None:
    record_delete(user, Action.EDIT_ANALYSIS, group, expected_etag=expected_etag, shared_by_any=True)


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
                  if permits(user, Action.EDIT_ANALYSIS, m)]
    if mission_id is not None:
        require(user, Action.EDIT_ANALYSIS, mission_id=mission_id, what=_("review alerts for this mission"))
        return mission_id
    if not candidates:
        raise Denied(_("You analyse for none of the missions this alert concerns (edit_analysis)."))
    return candidates[0]


@transaction.atomic
def alert_review(*, user, alert: dict, as_of: dt.date, action: str, note: str = "",
                 mission_id: int | None = None) -> AlertReview:
    """Acknowledge, dismiss, escalate (or reopen) an alert the user was shown, keeping a snapshot of it.

    ``alert`` is the alert as computed for the user (alert_review_by_key), never taken
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
def forecasts_store(*, actor, summaries, run_on: dt.date, last_history_month: int, draws: int) -> int:
    """Store per country-month summaries ``[{"country_id", "month_id", "mean", "median", "p10", "p90"}]``.

    A rerun from the same history month replaces its rows; other runs stay for comparison. Forecasts are
    shared by every mission: storing them needs ``edit_analysis`` system-wide (the refresh job runs as SYSTEM).
    """
    require(actor, Action.EDIT_ANALYSIS, mission_id=None, what=_("store forecasts"))
    stored = 0
    for row in summaries:
        CountryForecast.objects.update_or_create(
            country_id=int(row["country_id"]), month_id=int(row["month_id"]), last_history_month=last_history_month,
            defaults={"mean": float(row["mean"]), "median": float(row["median"]), "p10": float(row["p10"]),
                      "p90": float(row["p90"]), "run_on": run_on, "draws": draws})
        stored += 1
    return stored


def alerts_notify_as_of(actor, as_of) -> int:
    """Compute the alerts known on ``as_of`` from every incident the actor reads and fan them out to the
    missions they name (jobs: SYSTEM). Here rather than in notifications: analysis computes the alerts and
    hands them to the notifications app, which knows nothing of how they are made."""
    require(actor, Action.VIEW, mission_id=None, what=_("notify alerts"))  # a job acting for the installation
    frame = alert_frame(actor, FrameScope(as_of=as_of))
    if not len(frame):
        return 0
    borders = border_context(as_of, sorted(set(frame.country.tolist()) - {""}))
    return alerts_notify(actor, early_warning.compute_alerts(frame, as_of, borders=borders), as_of=as_of)


# --- alerts seen and reviewed --------------------------------------------------------------------------------

def alerts_seen(user, as_of: dt.date, *, country: str | None = None,
                mission: str | None = None) -> list[selectors_alerts.ShownAlert]:
    """The alerts a user opens (the alerts page, its API): read as ``selectors_alerts.alerts_as_of`` reads them,
    and an owning mission's analyst seeing a current alert tells the missions it names (their inbox), so a
    neighbour learns of it without waiting for the nightly job; a replay of past dates notifies nobody."""
    computed = selectors_alerts.alerts_computed(user, as_of, country=country)
    age = (clock.today() - as_of).days
    if computed and 0 <= age <= early_warning.DEFAULT_RULES.window_days and getattr(user, "pk", None) is not None:
        alerts_notify(user, computed, as_of=as_of)
    return selectors_alerts.alerts_shown(user, computed, mission=mission)


def alert_review_by_key(user, *, key: str, as_of: dt.date, action: str, note: str = "",
                        mission: str | None = None) -> AlertReview:
    """Recompute the user's alerts as of the date, find the one by key, record the decision."""
    shown = next((s for s in alerts_seen(user, as_of) if s.alert.key == key), None)
    if shown is None:
        raise selectors_alerts.AnalysisInputError(
            "key", _("No alert %(key)s as of %(date)s among the incidents you may read.")
            % {"key": key, "date": as_of.isoformat()})
    mission_id = selectors_alerts.mission_for(user, mission).pk if mission else None
    return alert_review(user=user, alert=selectors_alerts.alert_snapshot(shown), as_of=as_of, action=action,
                        note=note, mission_id=mission_id)
