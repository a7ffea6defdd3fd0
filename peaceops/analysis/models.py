"""Models of peaceops.analysis: what the JMAC records on top of the computed analyses.

Alerts, trends and hotspots are computed from the incidents each time (peaceops.analysis.early_warning,
trends); what people decide about an alert is stored here (AlertReview), with the registry of armed
groups, the security levels set per area, and the stored summaries of the country-month forecasts.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from peaceops.core.models import SecuredRecord, SourcedRecord


class AlertReview(SecuredRecord):
    """The human workflow on one computed alert, found again by its stable key.

    The alert itself is recomputed from the incidents for any date; the review keeps a snapshot of
    what the analyst saw when deciding (kind, area, score, since, evidence, missions), so the
    decision stays readable when later incidents change the alert. Seed 002 asks for early warning
    that makes missions proactive: an alert is acknowledged, dismissed or escalated, with a note.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        DISMISSED = "dismissed", _("Dismissed")
        ESCALATED = "escalated", _("Escalated")

    alert_key = models.CharField(_("alert key"), max_length=300)
    kind = models.CharField(_("kind"), max_length=40)
    country = models.ForeignKey("registry.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    admin1 = models.CharField(_("admin 1"), max_length=200, blank=True)
    admin2 = models.CharField(_("admin 2"), max_length=200, blank=True)
    score = models.FloatField(_("score"), default=0)
    since = models.DateField(_("since"), null=True, blank=True)
    as_of = models.DateField(_("as of"), help_text=_("The date the alert was computed for when reviewed."))
    evidence_ids = models.JSONField(_("evidence (incident ids)"), default=list, blank=True)
    affected_mission_ids = models.JSONField(_("affected missions"), default=list, blank=True)
    notified_mission_ids = models.JSONField(_("notified missions"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    note = models.TextField(_("note"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-as_of", "-score", "id"]
        constraints = [models.UniqueConstraint(fields=["alert_key", "owning_mission"], name="alert_review_per_mission")]

    def __str__(self):
        return f"{self.kind} {self.admin1 or self.country_id} ({self.get_status_display()})"


class ArmedGroup(SecuredRecord, SourcedRecord):
    """A non-state armed group under the names the datasets give it.

    ``aliases`` holds the UCDP side names and ACLED actor names; incidents' actors whose name or
    alias matches are the group's (seed 000 §IV.A.1: no joint mapping of armed groups across
    borders). Its areas, countries and missions are computed from those incidents, not stored.
    """

    name = models.CharField(_("name"), max_length=300, unique=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    aliases = models.JSONField(_("aliases"), default=list, blank=True,
                               help_text=_("UCDP side names and ACLED actor names, one per entry."))
    actors = models.ManyToManyField("incidents.Actor", blank=True, related_name="armed_groups",
                                    help_text=_("The incident actors matched by name or alias."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def names(self) -> list[str]:
        """Every name the group is known under: name, acronym and aliases, without repeats."""
        seen, names = set(), []
        for name in [self.name, self.acronym, *self.aliases]:
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
        return names


class SecurityLevel(SecuredRecord, SourcedRecord):
    """The security phase or level a mission set for an area, valid over a period.

    Two systems: the historic UN security phases I-V (to 2011) and the current security levels
    1-6. The area is an admin area of the registry or a whole country. Seed 000 §III.C.2: MINURCAT
    put eastern Chad at phase IV while UNAMID put its side of the border at phase III.
    """

    class System(models.TextChoices):
        UN_PHASE = "phase", _("UN security phase (I-V)")
        SECURITY_LEVEL = "level", _("UN security level (1-6)")

    MAXIMUM = {System.UN_PHASE: 5, System.SECURITY_LEVEL: 6}

    system = models.CharField(_("system"), max_length=8, choices=System.choices)
    level = models.PositiveSmallIntegerField(_("level"))
    country = models.ForeignKey("registry.Country", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", help_text=_("The whole country, when no admin area is given."))
    admin_area = models.ForeignKey("registry.AdminArea", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True, help_text=_("Empty while in force."))
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-valid_from", "id"]

    def __str__(self):
        return f"{self.area_name()} {self.level_label()} from {self.valid_from}"

    def area_name(self) -> str:
        if self.admin_area_id:
            return self.admin_area.name
        return self.country.name if self.country_id else ""

    def level_label(self) -> str:
        roman = ["", "I", "II", "III", "IV", "V"]
        if self.system == self.System.UN_PHASE and 1 <= self.level <= 5:
            return "{} {}".format(_("phase"), roman[self.level])
        return "{} {}".format(_("level"), self.level)

    def clean(self):
        errors = {}
        maximum = self.MAXIMUM.get(self.system)
        if maximum and not 1 <= (self.level or 0) <= maximum:
            errors["level"] = _("The level must lie between 1 and %(max)s for this system.") % {"max": maximum}
        if bool(self.country_id) == bool(self.admin_area_id):
            errors["country"] = _("Give either a country or an admin area (exactly one).")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("The end of validity is before its start.")
        if errors:
            raise ValidationError(errors)


def month_id_of(day: dt.date) -> int:
    """VIEWS month id: 1 = January 1980."""
    return (day.year - 1980) * 12 + day.month


def month_of(month_id: int) -> dt.date:
    year, month = divmod(month_id - 1, 12)
    return dt.date(1980 + year, month + 1, 1)


class CountryForecast(models.Model):
    """A stored summary of the forecaster's draws for one country-month (UCDP state-based deaths).

    Public data in, public data out: the forecasts are reference data every user may read.
    """

    country = models.ForeignKey("registry.Country", on_delete=models.CASCADE, related_name="+")
    month_id = models.PositiveIntegerField(_("month id"), help_text=_("VIEWS month id: 1 = January 1980."))
    mean = models.FloatField(_("mean"))
    median = models.FloatField(_("median"))
    p10 = models.FloatField(_("10th percentile"))
    p90 = models.FloatField(_("90th percentile"))
    run_on = models.DateField(_("run on"))
    last_history_month = models.PositiveIntegerField(_("last month of history"))
    draws = models.PositiveIntegerField(_("draws"), default=1000)
    history = HistoricalRecords()

    class Meta:
        ordering = ["country", "month_id"]
        constraints = [models.UniqueConstraint(fields=["country", "month_id", "last_history_month"],
                                               name="one_forecast_per_country_month_and_history")]

    def __str__(self):
        return f"{self.country_id} {self.month} mean {self.mean:.1f}"

    @property
    def month(self) -> dt.date:
        return month_of(self.month_id)
