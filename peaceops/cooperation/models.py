"""Inter-mission cooperation records (seed 000 §III-IV). Starts with meetings; later issues add more."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from peaceops.core.models import Classified, SourcedRecord


class Meeting(Classified, SourcedRecord):
    """A meeting between missions, e.g. the Entebbe meetings of June and December 2009 (seed 000 §III.B).

    The organiser owns the record: its classification is read against the reader's grant for the
    organising mission. A meeting with no organiser is shared and visible only when unclassified.
    """

    MISSION_FIELD = "organiser"

    class Level(models.TextChoices):
        # seed 000 §IV.C.2 and §IV.C.4: operational meetings between heads of section every second
        # month, strategic meetings of mission leaders every half year, UNCT meetings at their margins.
        OPERATIONAL = "operational", _("Operational (heads of section)")
        STRATEGIC = "strategic", _("Strategic (mission leadership)")
        COUNTRY_TEAM = "country_team", _("UN country teams")

    title = models.CharField(_("title"), max_length=300)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    organiser = models.ForeignKey(
        "registry.Mission", on_delete=models.PROTECT, null=True, blank=True, related_name="organised_meetings",
        verbose_name=_("organising mission"),
    )
    attending_missions = models.ManyToManyField(
        "registry.Mission", related_name="attended_meetings", blank=True, verbose_name=_("attending missions")
    )
    subjects = models.JSONField(_("subjects"), default=list, blank=True, help_text=_("Subjects discussed, one a line."))
    attendance_notes = models.TextField(_("attendance"), blank=True, help_text=_("Who came, who did not, and why."))
    outcome_summary = models.TextField(_("outcome"), blank=True)
    history = HistoricalRecords(m2m_fields=[attending_missions])

    class Meta:
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="meeting_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.starts_on:%d %b %Y})"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The meeting ends before it starts.")})
        if not isinstance(self.subjects, list) or not all(isinstance(s, str) and s.strip() for s in self.subjects):
            raise ValidationError({"subjects": _("Give the subjects as a list of non-empty texts.")})
