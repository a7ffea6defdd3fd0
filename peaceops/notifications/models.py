"""Notifications of early-warning alerts to the missions they name, requests for the evidence, releases.

A notification carries what the receiving mission may know of an alert computed on another mission's
incidents: its kind, area, dates, score and counts by category, never the incidents' text. The incidents
themselves cross only through a sharing agreement or a :class:`Release` the owner decided (seed 000
§II.B.1, §III.C.1: a refugee flow one mission foresaw and the next did not).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from peaceops.core.models import Classified


class Notification(Classified):
    """One alert as told to one mission; read by that mission's users (``visible`` on ``recipient``)."""

    MISSION_FIELD = "recipient"

    recipient = models.ForeignKey("registry.Mission", on_delete=models.CASCADE, related_name="notifications",
                                  verbose_name=_("notified mission"))
    source_mission = models.ForeignKey("registry.Mission", on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="notifications_sent", verbose_name=_("source mission"))
    alert_key = models.CharField(_("alert key"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    country = models.CharField(_("country"), max_length=3, blank=True)
    admin1 = models.CharField(_("admin 1"), max_length=200, blank=True)
    admin2 = models.CharField(_("admin 2"), max_length=200, blank=True)
    since = models.DateField(_("since"), null=True, blank=True)
    as_of = models.DateField(_("known on"), null=True, blank=True)
    score = models.FloatField(_("score"), default=0)
    counts = models.JSONField(_("incidents by category"), default=dict, blank=True)
    # The alert's evidence, kept so that a request for information can ask for it by the alert; shown to the
    # receiver only as far as it may read each incident (selectors.readable_evidence).
    evidence_ids = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # What the neighbour was told and when: a later run that raises the score is a new version.
    history = HistoricalRecords(excluded_fields=["evidence_ids", "updated_at"])

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["alert_key", "recipient"], name="one_notification_per_alert")]

    def __str__(self):
        return self.title


class NotificationState(models.Model):
    """One user's reading of one notification: read, then acknowledged (an absent row is unread)."""

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="states")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_states")
    read_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["notification", "user"], name="one_state_per_user")]


class InformationRequest(Classified):
    """A notified mission asks the owning mission for the evidence of an alert (a request for information)."""

    MISSION_FIELD = "requesting_mission"

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RELEASED = "released", _("Released")
        DECLINED = "declined", _("Declined")

    notification = models.ForeignKey(Notification, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="requests")
    requesting_mission = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, related_name="rfis_sent",
                                           verbose_name=_("requesting mission"))
    owning_mission = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, related_name="rfis_received",
                                       verbose_name=_("owning mission"))
    alert_key = models.CharField(_("alert key"), max_length=200, blank=True)
    evidence_ids = models.JSONField(_("incidents asked"), default=list, blank=True)
    question = models.TextField(_("question"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    reason = models.TextField(_("reason"), blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self):
        return f"{self.requesting_mission} → {self.owning_mission}: {self.alert_key}"


class Release(Classified):
    """Incidents the owning mission chose to give another mission; the release opens them to its users."""

    MISSION_FIELD = "owning_mission"

    owning_mission = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, related_name="releases_given",
                                       verbose_name=_("owning mission"))
    receiving_mission = models.ForeignKey("registry.Mission", on_delete=models.PROTECT,
                                          related_name="releases_received", verbose_name=_("receiving mission"))
    request = models.ForeignKey(InformationRequest, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="releases")
    incident_ids = models.JSONField(_("incidents released"), default=list)
    note = models.TextField(_("note"), blank=True)
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    released_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-released_at", "-id"]

    def __str__(self):
        return f"{self.owning_mission} → {self.receiving_mission}: {len(self.incident_ids)} incident(s)"
