"""Writes of the notifications app: fan an alert out to the missions it names, mark read and acknowledge,
ask the owning mission for the evidence, release chosen incidents or decline with a reason.

Every public function takes the acting principal first and checks it once with ``accounts.access.require``
(docs/security.md); jobs and the command line act as ``accounts.access.SYSTEM``.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from peaceops.accounts.access import history_user, permits, require, visible
from peaceops.accounts.roles import Action
from peaceops.core.classification import Classification
from peaceops.core.errors import Denied
from peaceops.incidents.models import Incident
from peaceops.notifications.models import InformationRequest, Notification, NotificationState, Release
from peaceops.registry.models import Mission

log = logging.getLogger(__name__)

KIND_TITLES = {
    "surge": "Surge of violence",
    "new_actor": "New armed actor",
    "toward_border": "Violence moving toward the border",
    "displacement": "Displacement toward the border",
}


# --- fan-out ------------------------------------------------------------------------------------------------

def alert_notify(actor, alert, *, as_of=None) -> list[Notification]:
    """Tell each mission the alert names to notify; one notification per (alert key, mission), kept up to date.

    ``alert`` is an ``analysis.early_warning.Alert``. The source mission is the first mission of the alert's
    evidence the actor writes analysis for (SYSTEM: the first); an actor who writes for none of them sends
    nothing (an alert read through a sharing agreement is not the reader's to pass on). Re-running updates the
    score, dates and counts and leaves every user's read state alone; only a new notification is e-mailed.
    """
    return _notify(actor, alert, as_of, _categories([alert]), _existing([alert]))


def alerts_notify(actor, alerts, *, as_of=None) -> int:
    """:func:`alert_notify` for each alert that names a mission to notify; how many notifications there are.

    The categories of all the evidence and the notifications already sent are read once for the whole run
    (two queries), not once per alert (benchmarks/notifications_fanout.py)."""
    alerts = [alert for alert in alerts if alert.notified_mission_ids]
    if not alerts:
        return 0
    categories, existing = _categories(alerts), _existing(alerts)
    return sum(len(_notify(actor, alert, as_of, categories, existing)) for alert in alerts)


def _categories(alerts) -> dict[int, str]:
    ids = {int(i) for alert in alerts for i in alert.evidence_ids}
    return dict(Incident.objects.filter(pk__in=ids).values_list("pk", "category")) if ids else {}


def _existing(alerts) -> dict[tuple[str, int], Notification]:
    keys = {alert.key for alert in alerts}
    return {(n.alert_key, n.recipient_id): n for n in Notification.objects.filter(alert_key__in=keys)}


def _notify(actor, alert, as_of, categories: dict[int, str], existing: dict) -> list[Notification]:
    recipients = [int(m) for m in alert.notified_mission_ids if int(m) not in set(alert.mission_ids)]
    source_id = next((int(m) for m in alert.mission_ids if permits(actor, Action.EDIT_ANALYSIS, int(m))), None)
    if not recipients or source_id is None:
        return []
    require(actor, Action.EDIT_ANALYSIS, mission_id=source_id, what=_("notify the missions an alert names"))
    evidence = [int(i) for i in alert.evidence_ids]
    values = {
        "source_mission_id": source_id, "kind": alert.kind, "title": _title(alert),
        "country": alert.country or "", "admin1": alert.admin1 or "", "admin2": alert.admin2 or "",
        "since": alert.since, "as_of": as_of, "score": round(float(alert.score), 3),
        "counts": _counts(evidence, categories), "evidence_ids": evidence,
        # What a notification says is an aggregate the alert already tells its neighbours (seed 000 §III.C.1):
        # readable by every user of the receiving mission.
        "classification": Classification.UNCLASSIFIED,
    }
    created, result = [], []
    with transaction.atomic():
        for mission_id in recipients:
            notification = existing.get((alert.key, mission_id))
            if notification is None:
                notification = Notification(recipient_id=mission_id, alert_key=alert.key, **values)
                notification._history_user = history_user(actor)
                notification.save()
                existing[(alert.key, mission_id)] = notification
                created.append(notification)
            elif any(getattr(notification, k) != v for k, v in values.items() if k != "as_of"):
                for name, value in values.items():
                    setattr(notification, name, value)
                notification._history_user = history_user(actor)
                notification.save()
            result.append(notification)
    for notification in created:
        _mail(notification)
    return result


def mission_notify(actor, *, recipient: Mission, key: str, kind: str, title: str,
                   classification: int = Classification.UNCLASSIFIED, source_mission: Mission | None = None,
                   as_of=None, because: Action | None = None) -> Notification:
    """A notice to one mission's users that is no early-warning alert (a risk escalated to its leadership, an
    asset requested from it): one per key and mission, so sending it again with the same key changes nothing.
    Readable by the mission's users cleared for ``classification``; e-mailed when mail is configured.

    A mission notifying itself needs only to read the notice. A notice to another mission is sent
    ``because`` the actor holds that action over ``source_mission`` (an officer managing their mission's asset
    requests tells the lending mission of one); it carries no more than the sender may read there.
    """
    sender = source_mission or recipient
    notification = Notification(recipient=recipient, source_mission=sender, alert_key=key[:200], kind=kind[:32],
                                title=title[:300], as_of=as_of, classification=classification)
    if because is None:
        require(actor, Action.VIEW, notification, what=_("notify a mission"))
    else:
        require(actor, because, mission_id=sender.id, classification=classification,
                what=_("notify another mission"))
    stored = Notification.objects.filter(alert_key=notification.alert_key, recipient=recipient).first()
    if stored is not None:
        return stored
    notification._history_user = history_user(actor)
    notification.save()
    _mail(notification)
    return notification


def _title(alert) -> str:
    area = ", ".join(part for part in (alert.admin2, alert.admin1, alert.country) if part)
    return f"{KIND_TITLES.get(alert.kind, alert.kind)}: {area}"


def _counts(evidence: list[int], categories: dict[int, str]) -> dict[str, int]:
    """Incidents by category: an aggregate of the owner's records, never their text."""
    counts: dict[str, int] = {}
    for incident in evidence:
        category = categories.get(incident)
        if category:
            counts[category] = counts.get(category, 0) + 1
    return dict(sorted(counts.items()))


def _mail_configured() -> bool:
    """E-mail goes out only where the installation set a mail server (closed networks often have none)."""
    return bool(getattr(settings, "EMAIL_HOST", "")) and settings.EMAIL_HOST != "localhost"


def _mail(notification: Notification) -> int:
    if not _mail_configured():
        return 0
    users = get_user_model().objects.filter(
        Q(grants__mission_id=notification.recipient_id)
        | Q(grants__region__missions=notification.recipient_id), is_active=True).exclude(email="").distinct()
    addresses = sorted(users.values_list("email", flat=True))
    if not addresses:
        return 0
    counts = ", ".join(f"{category}: {n}" for category, n in notification.counts.items()) or "-"
    body = "\n".join([
        notification.title,
        f"{_('Score')}: {notification.score}",
        f"{_('Since')}: {notification.since or '-'}",
        f"{_('Incidents by category')}: {counts}",
        f"{_('From')}: {notification.source_mission.acronym if notification.source_mission else '-'}",
        "",
        _("Open the notifications inbox to acknowledge it or ask the owning mission for the evidence."),
    ])
    try:
        return send_mail(f"[peaceops] {notification.title}", body, None, addresses)
    except OSError as error:  # a mail server down must not undo the alert run; the inbox still has it
        log.warning("notification %s: mail not sent: %s", notification.pk, error)
        return 0


# --- the reader's state ---------------------------------------------------------------------------------------

def _readable(actor, notification: Notification) -> None:
    if not visible(Notification.objects.filter(pk=notification.pk), actor).exists():
        raise Denied(_("This notification is not addressed to your missions."))


def _own_notification(actor, notification: Notification) -> None:
    _readable(actor, notification)
    if getattr(actor, "pk", None) is None:
        raise Denied(_("Only a signed-in user has a reading state."))


def notification_mark_read(actor, notification: Notification) -> NotificationState:
    require(actor, Action.VIEW, mission_id=notification.recipient_id, what=_("read a notification"))
    _own_notification(actor, notification)
    state, _created = NotificationState.objects.get_or_create(notification=notification, user=actor)
    if state.read_at is None:
        state.read_at = timezone.now()
        state.save(update_fields=["read_at"])
    return state


def notification_acknowledge(actor, notification: Notification) -> NotificationState:
    require(actor, Action.VIEW, mission_id=notification.recipient_id, what=_("acknowledge a notification"))
    _own_notification(actor, notification)
    now = timezone.now()
    state, _created = NotificationState.objects.get_or_create(notification=notification, user=actor)
    state.read_at = state.read_at or now
    state.acknowledged_at = state.acknowledged_at or now
    state.save(update_fields=["read_at", "acknowledged_at"])
    return state


# --- requests for information and releases ------------------------------------------------------------------

def _ids(values, field: str) -> list[int]:
    try:
        ids = sorted({int(v) for v in values or ()})
    except (TypeError, ValueError):
        raise ValidationError({field: _("Give incident ids as whole numbers.")}) from None
    return ids


def information_request_create(actor, notification: Notification, *, evidence_ids=None,
                        question: str = "") -> InformationRequest:
    """The notified mission's watch officer or analyst asks the source mission for the alert's evidence (all, or
    some of it). The JOC is where a mission's alerts arrive around the clock (seed 000 app. 2), so its officers
    ask as well as the JMAC's analysts (``edit_incidents``, which both roles hold); a viewer does not."""
    require(actor, Action.EDIT_INCIDENTS, mission_id=notification.recipient_id,
            what=_("ask another mission for information"))
    _readable(actor, notification)
    if notification.source_mission_id is None:
        raise ValidationError({"notification": _("This notification names no owning mission to ask.")})
    ids = _ids(evidence_ids, "evidence_ids") if evidence_ids else list(notification.evidence_ids)
    if not ids:
        raise ValidationError({"evidence_ids": _("Name at least one incident to ask for.")})
    held = set(Incident.objects.filter(pk__in=ids, owning_mission_id=notification.source_mission_id)
               .values_list("pk", flat=True))
    missing = [i for i in ids if i not in held]
    if missing:
        raise ValidationError({"evidence_ids": _("%(mission)s holds no incident %(ids)s.") % {
            "mission": notification.source_mission.acronym, "ids": ", ".join(map(str, missing))}})
    return InformationRequest.objects.create(
        notification=notification, requesting_mission_id=notification.recipient_id,
        owning_mission_id=notification.source_mission_id, alert_key=notification.alert_key, evidence_ids=ids,
        question=question.strip(), requested_by=history_user(actor))


def _open(request: InformationRequest) -> None:
    if request.status != InformationRequest.Status.OPEN:
        raise ValidationError({"status": _("This request was already answered (%(status)s).")
                               % {"status": request.get_status_display()}})


def incidents_release(
    actor, *, owner: Mission, receiver: Mission, incident_ids, request: InformationRequest | None = None, note: str = ""
) -> Release:
    """The owning mission's analyst gives chosen incidents to another mission; its users may then read them.

    Only incidents the owning mission holds and the actor may read can be released: an incident of another
    mission (even one shared with the owner) is refused, and named only by id.
    """
    require(actor, Action.EDIT_ANALYSIS, mission_id=owner.pk, what=_("release incidents to another mission"))
    if receiver.pk == owner.pk:
        raise ValidationError({"receiving_mission": _("A mission does not release incidents to itself.")})
    if request is not None:
        if request.owning_mission_id != owner.pk or request.requesting_mission_id != receiver.pk:
            raise ValidationError({"request": _("This request is not between these two missions.")})
        _open(request)
    ids = _ids(incident_ids, "incident_ids")
    if not ids:
        raise ValidationError({"incident_ids": _("Choose at least one incident to release.")})
    incidents = visible(Incident.objects.filter(pk__in=ids, owning_mission=owner), actor)
    held = dict(incidents.values_list("pk", "classification"))
    refused = [i for i in ids if i not in held]
    if refused:
        raise Denied(
            _("%(mission)s may release only its own incidents; not %(ids)s.")
            % {"mission": owner.acronym, "ids": ", ".join(map(str, refused))},
            field="incident_ids",
        )
    for level in set(held.values()):
        require(
            actor,
            Action.EDIT_ANALYSIS,
            mission_id=owner.pk,
            classification=level,
            what=_("release incidents to another mission"),
        )
    with transaction.atomic():
        made = Release(
            owning_mission=owner,
            receiving_mission=receiver,
            request=request,
            incident_ids=ids,
            note=note.strip(),
            released_by=history_user(actor),
            classification=max(held.values(), default=Classification.UNCLASSIFIED),
        )
        made._history_user = history_user(actor)
        made.save()
        if request is not None:
            _answer(actor, request, InformationRequest.Status.RELEASED, note)
    return made


def incidents_release_for_request(actor, request: InformationRequest, *, incident_ids, note: str = "") -> Release:
    return incidents_release(
        actor,
        owner=request.owning_mission,
        receiver=request.requesting_mission,
        incident_ids=incident_ids,
        request=request,
        note=note,
    )


def information_request_decline(actor, request: InformationRequest, *, reason: str) -> InformationRequest:
    """The owning mission says no, and why (a reason is required: the asking mission plans on the answer)."""
    require(
        actor, Action.EDIT_ANALYSIS, mission_id=request.owning_mission_id, what=_("decline a request for information")
    )
    _open(request)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the reason for declining.")})
    _answer(actor, request, InformationRequest.Status.DECLINED, reason)
    return request


def _answer(actor, request: InformationRequest, status: str, reason: str) -> None:
    request.status = status
    request.reason = (reason or "").strip()
    request.answered_by = history_user(actor)
    request.answered_at = timezone.now()
    request._history_user = history_user(actor)
    request.save(update_fields=["status", "reason", "answered_by", "answered_at"])
