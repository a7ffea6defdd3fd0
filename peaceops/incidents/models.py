"""The JOC's incident log (seed 000 app. 2: the JOC collates all information, 24 hours a day).

An incident is one report of one event. Reports of the same event from several sources are
linked through ``duplicate_of`` to the report kept as the master, rather than deleted, so
nothing a source said is lost.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from peaceops.core.models import SecuredRecord
from peaceops.incidents.taxonomy import Category

# A follow-up is open while its text is there and nobody closed it. Shared by the partial index
# below and the sitrep's selector, whose WHERE must repeat the index's condition to use it.
OPEN_FOLLOW_UP = models.Q(follow_up_closed=False) & ~models.Q(follow_up="")


class Actor(models.Model):
    """A party to incidents: a state force, an armed group, civilians, the UN... with its aliases."""

    class Kind(models.TextChoices):
        STATE = "state", _("State force")
        ARMED_GROUP = "armed_group", _("Non-state armed group")
        MILITIA = "militia", _("Militia")
        CIVILIANS = "civilians", _("Civilians")
        PROTESTERS = "protesters", _("Protesters or rioters")
        UN = "un", _("UN or peacekeepers")
        HUMANITARIAN = "humanitarian", _("Humanitarian organisation")
        OTHER = "other", _("Other or unknown")

    name = models.CharField(_("name"), max_length=300, db_index=True)  # not unique: see log.services.actor_named
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.OTHER)
    organisation = models.ForeignKey("registry.Organisation", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="actors")
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Incident(SecuredRecord):
    """One report of an event: when, where, what, who, how many, and how sure."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        VERIFIED = "verified", _("Verified")
        PUBLISHED = "published", _("Published")

    # Identity in the source dataset: re-importing a file updates the row, never duplicates it.
    dataset = models.CharField(_("dataset"), max_length=40, default="joc")
    external_id = models.CharField(_("id in the dataset"), max_length=80, blank=True)

    # When. Dates as UCDP and ACLED give them; report date drives as-of analysis (issue JMAC).
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"))
    start_time = models.TimeField(_("time"), null=True, blank=True)
    date_precision = models.PositiveSmallIntegerField(
        _("date precision"), default=1, help_text=_("1 exact day ... 5 year or more (UCDP date_prec)")
    )
    reported_on = models.DateField(_("reported on"), null=True, blank=True,
                                   help_text=_("When the JOC learnt of it; empty for datasets without one."))

    # Where.
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    geo_precision = models.PositiveSmallIntegerField(
        _("location precision"), default=1, help_text=_("1 exact place ... 7 country (UCDP where_prec)")
    )
    location = models.CharField(_("place"), max_length=300, blank=True)
    country = models.ForeignKey("registry.Country", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="incidents")
    admin1 = models.CharField(_("admin 1"), max_length=200, blank=True, db_index=True)
    admin2 = models.CharField(_("admin 2"), max_length=200, blank=True)
    admin_area = models.ForeignKey("registry.AdminArea", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="incidents", help_text=_("The smallest known area, by P-code."))
    missions = models.ManyToManyField("registry.Mission", blank=True, related_name="incidents_in_area",
                                      help_text=_("Missions whose area of operations holds the place."))

    # What and who.
    category = models.CharField(_("category"), max_length=32, choices=Category.choices, db_index=True)
    source_category = models.CharField(_("category in the source"), max_length=120, blank=True)
    actors = models.ManyToManyField(Actor, through="IncidentActor", related_name="incidents", blank=True)
    description = models.TextField(_("description"), blank=True)

    # How many. Deaths by party as UCDP counts them; best/low/high estimates.
    deaths_a = models.PositiveIntegerField(_("deaths, side A"), default=0)
    deaths_b = models.PositiveIntegerField(_("deaths, side B"), default=0)
    deaths_civilians = models.PositiveIntegerField(_("deaths, civilians"), default=0)
    deaths_unknown = models.PositiveIntegerField(_("deaths, unknown"), default=0)
    deaths_best = models.PositiveIntegerField(_("deaths, best estimate"), default=0)
    deaths_low = models.PositiveIntegerField(_("deaths, low estimate"), default=0)
    deaths_high = models.PositiveIntegerField(_("deaths, high estimate"), default=0)
    injured = models.PositiveIntegerField(_("injured"), default=0)
    abducted = models.PositiveIntegerField(_("abducted"), default=0)

    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    duplicate_of = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="duplicates", help_text=_("The report kept for the same event."))
    follow_up = models.TextField(_("open follow-up"), blank=True)
    follow_up_closed = models.BooleanField(_("follow-up closed"), default=False)
    follow_up_by = models.CharField(_("follow-up assigned to"), max_length=200, blank=True,
                                    help_text=_("The unit or person who follows the report up, e.g. UNPOL Abeche."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    history = HistoricalRecords(excluded_fields=["created_by"])

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "external_id"], condition=~models.Q(external_id=""),
                                    name="incident_unique_source_id"),
        ]
        indexes = [
            models.Index(fields=["owning_mission", "start_date"]),
            models.Index(fields=["country", "start_date"]),
            models.Index(fields=["end_date"]),
            # The sitrep's "open follow-ups up to D" (docs/sitrep.md): a handful of rows among
            # millions, read from this partial index before any scope or visibility condition.
            models.Index(fields=["start_date"], condition=OPEN_FOLLOW_UP, name="incident_open_follow_up"),
        ]

    def __str__(self):
        return f"{self.start_date} {self.get_category_display()} {self.location or self.admin1}"

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date is before the start date.")
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            errors["latitude"] = _("Latitude must lie between -90 and 90.")
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            errors["longitude"] = _("Longitude must lie between -180 and 180.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both coordinates or neither.")
        if self.deaths_low > self.deaths_best or self.deaths_best > self.deaths_high:
            errors["deaths_best"] = _("Estimates must satisfy low <= best <= high.")
        if self.duplicate_of_id and self.duplicate_of_id == self.pk:
            errors["duplicate_of"] = _("A report cannot duplicate itself.")
        if errors:
            raise ValidationError(errors)


class IncidentActor(models.Model):
    """An actor's part in an incident: side A or B as UCDP and ACLED put it, or a target."""

    class Side(models.TextChoices):
        A = "a", _("Side A / actor 1")
        B = "b", _("Side B / actor 2")
        TARGET = "target", _("Target or victim")
        OTHER = "other", _("Other")

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="actor_links")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="incident_links")
    side = models.CharField(_("side"), max_length=8, choices=Side.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["incident", "actor", "side"], name="unique_incident_actor")]


class IncidentSource(models.Model):
    """Where a report came from, graded on the NATO admiralty scale: reliability A-F, credibility 1-6."""

    RELIABILITY = [(c, c) for c in "ABCDEF"]
    CREDIBILITY = [(n, str(n)) for n in range(1, 7)]

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="sources")
    name = models.CharField(_("source"), max_length=300)
    reference = models.CharField(_("reference"), max_length=500, blank=True)
    reliability = models.CharField(_("reliability"), max_length=1, choices=RELIABILITY, default="F")
    credibility = models.PositiveSmallIntegerField(_("credibility"), choices=CREDIBILITY, default=6)
    reported_on = models.DateField(_("reported on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["incident", "reliability", "credibility"]

    @property
    def grade(self) -> str:
        return f"{self.reliability}{self.credibility}"


class AreaReassignment(models.Model):
    """One re-assignment of incidents to missions after mission areas changed: who, when, why, what moved."""

    done_at = models.DateTimeField(auto_now_add=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")
    reason = models.CharField(_("reason"), max_length=300)
    examined = models.PositiveIntegerField(default=0)
    added = models.PositiveIntegerField(default=0)
    removed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-done_at", "-id"]


class AreaMembershipChange(models.Model):
    """One incident entering or leaving one mission's area in a re-assignment (membership's history)."""

    reassignment = models.ForeignKey(AreaReassignment, on_delete=models.CASCADE, related_name="changes")
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="area_changes")
    mission = models.ForeignKey("registry.Mission", on_delete=models.CASCADE, related_name="+")
    added = models.BooleanField()
