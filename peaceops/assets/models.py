"""Models of the shared asset pool: assets, their calendars, requests, consents, loans and cost shares.

Seed 000 §IV.B.3: "There is no reason to have significant air assets parked on the ground when
they are needed in neighbouring missions." Seed 000 §II.B.5: Sudan held that its missions "should
not share assets", so every loan carries the consents it needs and any refusal ends the request.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from peaceops.core.classification import Classification
from peaceops.core.models import SecuredRecord, SourcedRecord


class Asset(SecuredRecord, SourcedRecord):
    """Something one mission owns and may lend: an aircraft, a unit, a vehicle, a support-base service.

    ``owning_mission`` owns it. Shared with other missions (the pool) when ``offered`` and
    UNCLASSIFIED; a classified asset is seen only by readers cleared for its owning mission
    (docs/assets.md, "What the pool shows").
    """

    class Kind(models.TextChoices):
        FIXED_WING = "fixed_wing", _("Fixed-wing aircraft")
        ROTARY_WING = "rotary_wing", _("Helicopter")
        FORMED_POLICE_UNIT = "formed_police_unit", _("Formed police unit")
        ENGINEERING_UNIT = "engineering_unit", _("Engineering unit")
        MEDICAL_UNIT = "medical_unit", _("Medical unit")
        VEHICLE = "vehicle", _("Vehicle")
        SUPPORT_SERVICE = "support_service", _("Support-base service")

    class CostBasis(models.TextChoices):
        FLIGHT_HOUR = "flight_hour", _("per flight hour")
        DAY = "day", _("per day")
        PERSON = "person", _("per person and day")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    contributing_country = models.ForeignKey(
        "registry.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("contributing country"), help_text=_("Troop-, police- or aircraft-contributing country."))
    seats = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    tonnes = models.DecimalField(_("payload (tonnes)"), max_digits=8, decimal_places=2, null=True, blank=True)
    persons = models.PositiveIntegerField(_("persons served"), null=True, blank=True)
    cost_basis = models.CharField(_("cost basis"), max_length=16, choices=CostBasis.choices, default=CostBasis.DAY)
    rate = models.DecimalField(_("rate (USD)"), max_digits=12, decimal_places=2, default=0)
    location = models.CharField(_("location"), max_length=200, blank=True)
    location_country = models.ForeignKey(
        "registry.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("country where based"))
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_until = models.DateField(_("available until"), null=True, blank=True)
    offered = models.BooleanField(_("offered to the pool"), default=True)
    no_cross_border = models.BooleanField(
        _("no cross-border use"), default=False,
        help_text=_("Caveat of the contributing country: the asset stays in the country where it is based."))
    caveats = models.TextField(_("other caveats"), blank=True)
    booking_serial = models.PositiveIntegerField(default=0, editable=False)  # bumped to lock the calendar
    history = HistoricalRecords()

    class Meta:
        ordering = ["owning_mission__acronym", "kind", "name"]
        indexes = [models.Index(fields=["kind", "offered"])]
        constraints = [models.CheckConstraint(
            condition=Q(available_until__isnull=True) | Q(available_from__isnull=True)
            | Q(available_until__gte=F("available_from")), name="asset_available_in_order")]

    def __str__(self):
        return self.name


class Unavailability(models.Model):
    """A period when the owner keeps the asset (maintenance, its own operations): its availability calendar."""

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="unavailabilities")
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["start_date"]
        indexes = [models.Index(fields=["asset", "start_date", "end_date"])]
        constraints = [models.CheckConstraint(condition=Q(end_date__gte=F("start_date")),
                                              name="unavailability_in_order")]


class AssetRequest(SecuredRecord, SourcedRecord):
    """A mission asks for an asset (or a kind of asset) for dates and a purpose.

    ``owning_mission`` is the requesting (borrowing) mission. Status: open (no asset chosen yet)
    -> pending (consents asked) -> approved (a loan exists) or refused / withdrawn.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        PENDING = "pending", _("awaiting consents")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")
        WITHDRAWN = "withdrawn", _("withdrawn")

    asset = models.ForeignKey(Asset, on_delete=models.PROTECT, null=True, blank=True, related_name="requests",
                              verbose_name=_("asset"))
    kind = models.CharField(_("kind"), max_length=32, choices=Asset.Kind.choices)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"))
    purpose = models.CharField(_("purpose"), max_length=300)
    destination_country = models.ForeignKey(
        "registry.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("country of use"))
    seats = models.PositiveIntegerField(_("seats needed"), null=True, blank=True)
    tonnes = models.DecimalField(_("tonnes needed"), max_digits=8, decimal_places=2, null=True, blank=True)
    persons = models.PositiveIntegerField(_("persons"), null=True, blank=True)
    flight_hours = models.DecimalField(_("flight hours"), max_digits=8, decimal_places=1, null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "id"]
        constraints = [models.CheckConstraint(condition=Q(end_date__gte=F("start_date")),
                                              name="asset_request_in_order")]

    def __str__(self):
        return f"{self.purpose} ({self.start_date} – {self.end_date})"


class CostShare(models.Model):
    """One mission's percentage of a request's cost; a request's shares sum to 100 (costs.py)."""

    request = models.ForeignKey(AssetRequest, on_delete=models.CASCADE, related_name="cost_shares")
    mission = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("mission"))
    percent = models.DecimalField(_("percent"), max_digits=5, decimal_places=2)
    amount = models.DecimalField(_("amount (USD)"), max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "mission"], name="one_share_per_mission")]


class Consent(models.Model):
    """One consent a loan needs: the owning mission, the contributing country, a host government, headquarters.

    Mission and headquarters consents are given by users holding APPROVE; government consents are
    recorded by such an officer, who names the person who gave them and the date (seed 000 §II.A).
    """

    class Party(models.TextChoices):
        OWNING_MISSION = "owning_mission", _("owning mission")
        CONTRIBUTING_COUNTRY = "contributing_country", _("contributing country")
        HOST_GOVERNMENT = "host_government", _("host government")
        HEADQUARTERS = "headquarters", _("headquarters")
        PAYING_MISSION = "paying_mission", _("mission sharing the cost")

    class Decision(models.TextChoices):
        PENDING = "pending", _("pending")
        GIVEN = "given", _("given")
        REFUSED = "refused", _("refused")
        MOOT = "moot", _("not needed any more")

    request = models.ForeignKey(AssetRequest, on_delete=models.CASCADE, related_name="consents")
    party = models.CharField(_("party"), max_length=32, choices=Party.choices)
    mission = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+")
    country = models.ForeignKey("registry.Country", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+")
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices, default=Decision.PENDING)
    given_by_person = models.CharField(_("given by (person)"), max_length=200, blank=True)
    decided_on = models.DateField(_("date"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    note = models.CharField(_("note"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]


class Loan(SecuredRecord):
    """An approved request: the asset is the borrower's for the dates. ``owning_mission`` is the lender.

    Readable by readers of either mission (selectors.loans_for). Two loans of one asset never
    overlap: services.consent_decide takes the asset's booking lock before checking.
    """

    request = models.OneToOneField(AssetRequest, on_delete=models.PROTECT, related_name="loan")
    asset = models.ForeignKey(Asset, on_delete=models.PROTECT, related_name="loans")
    borrower = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("borrowing mission"))
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"))
    days = models.PositiveIntegerField(_("days"))
    flight_hours = models.DecimalField(_("flight hours"), max_digits=8, decimal_places=1, null=True, blank=True)
    persons = models.PositiveIntegerField(_("persons"), null=True, blank=True)
    cost_basis = models.CharField(_("cost basis"), max_length=16, choices=Asset.CostBasis.choices)
    total_cost = models.DecimalField(_("cost (USD)"), max_digits=14, decimal_places=2)
    approved_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["start_date", "id"]
        indexes = [models.Index(fields=["asset", "start_date", "end_date"]),
                   models.Index(fields=["start_date"])]
        constraints = [models.CheckConstraint(condition=Q(end_date__gte=F("start_date")), name="loan_in_order")]

    def __str__(self):
        return f"{self.asset} → {self.borrower} ({self.start_date} – {self.end_date})"


__all__ = ["Asset", "Unavailability", "AssetRequest", "CostShare", "Consent", "Loan", "Classification"]
