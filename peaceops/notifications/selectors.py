"""Reads of notifications, requests for information and releases, each narrowed by ``visible``.

A notification is read by its recipient mission's users; a request and a release by the users of either
mission they join (the asking and the owning one), and by nobody else: to anyone else they are absent (404).
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from peaceops.accounts.access import access_for, visible
from peaceops.core.classification import HIGHEST
from peaceops.incidents.models import Incident
from peaceops.notifications.models import InformationRequest, Notification, NotificationState, Release

INCIDENTS = "incidents"  # the sharing subject of incidents (peaceops.cooperation.apps)


def notifications_for(user, *, kind: str = "", state: str = "") -> QuerySet:
    """The user's notifications, with ``is_read``/``is_acknowledged`` for that user; ``state``: unread, read,
    acknowledged or unacknowledged."""
    mine = NotificationState.objects.filter(notification=OuterRef("pk"), user_id=getattr(user, "pk", None))
    queryset = visible(Notification.objects.select_related("recipient", "source_mission"), user).annotate(
        is_read=Exists(mine.filter(read_at__isnull=False)),
        is_acknowledged=Exists(mine.filter(acknowledged_at__isnull=False)))
    if kind:
        queryset = queryset.filter(kind=kind)
    if state == "unread":
        queryset = queryset.filter(is_read=False)
    elif state == "read":
        queryset = queryset.filter(is_read=True)
    elif state == "acknowledged":
        queryset = queryset.filter(is_acknowledged=True)
    elif state == "unacknowledged":
        queryset = queryset.filter(is_acknowledged=False)
    return queryset


def notification_kinds(user) -> list[str]:
    """The kinds of alert among the notifications the user reads, for the inbox filter: the kinds are the
    analysis app's, which notifications only carries (it does not import analysis)."""
    return sorted(set(notifications_for(user).values_list("kind", flat=True).distinct()))


def unread_count(user) -> int:
    """Notifications of the user's missions the user has not opened yet (the header's badge)."""
    if access_for(user).system_level is not None:
        return 0  # a system-wide reader is not any mission's recipient: no badge for every mission's alerts
    return notifications_for(user, state="unread").count()


def readable_evidence(user, notification: Notification) -> list[int]:
    """The ids among the alert's evidence that the user may read (shared by agreement or released)."""
    if not notification.evidence_ids:
        return []
    return list(visible(Incident.objects.filter(pk__in=notification.evidence_ids), user)
                .order_by("pk").values_list("pk", flat=True))


def _either_mission(queryset: QuerySet, user, first: str, second: str) -> QuerySet:
    """Rows the user reads through either of two mission columns (each narrowed by ``visible``)."""
    return queryset.filter(Q(pk__in=visible(queryset.model.objects.all(), user, mission_field=first).values("pk"))
                           | Q(pk__in=visible(queryset.model.objects.all(), user, mission_field=second).values("pk")))


def requests_for(user, *, status: str = "") -> QuerySet:
    queryset = _either_mission(
        InformationRequest.objects.select_related("requesting_mission", "owning_mission", "notification"),
        user, "requesting_mission", "owning_mission")
    return queryset.filter(status=status) if status else queryset


def releases_for(user) -> QuerySet:
    return _either_mission(Release.objects.select_related("owning_mission", "receiving_mission"), user,
                           "owning_mission", "receiving_mission")


def release_grants(mission_levels: dict[int, int]):
    """Sharing source (accounts.access): each owner's releases to the user's missions, as one grant of ids.

    The level is the highest: the owner chose these incidents one by one; the reader's own clearance for
    the receiving mission still caps it (access._shared_grants)."""
    released: dict[tuple[int, int], set[int]] = {}
    rows = Release.objects.filter(receiving_mission_id__in=list(mission_levels)).values_list(
        "owning_mission_id", "receiving_mission_id", "incident_ids")
    for owner, receiver, ids in rows:
        released.setdefault((owner, receiver), set()).update(int(i) for i in ids)
    return [(INCIDENTS, owner, receiver, HIGHEST, (), True, tuple(sorted(ids)))
            for (owner, receiver), ids in released.items() if ids]


def notification_json(notification: Notification, user) -> dict:
    """What the receiver may know of the alert; the incidents only by id, and only those it may read."""
    return {"id": notification.pk, "notification": True, "key": notification.alert_key, "kind": notification.kind,
            "title": notification.title, "country": notification.country, "admin1": notification.admin1,
            "admin2": notification.admin2, "score": notification.score,
            "since": notification.since.isoformat() if notification.since else None,
            "as_of": notification.as_of.isoformat() if notification.as_of else None,
            "counts": notification.counts, "recipient": notification.recipient.acronym,
            "source_mission": notification.source_mission.acronym if notification.source_mission else None,
            "evidence_ids": readable_evidence(user, notification),
            "evidence_count": len(notification.evidence_ids),
            "read": bool(getattr(notification, "is_read", False)),
            "acknowledged": bool(getattr(notification, "is_acknowledged", False))}
