"""Who does what where (3W), funding streams, programmes and the integration model by sector.

Seeds 002 and 003 put coordination at the centre of integration: "an air service run twice",
"reintegration stalled while disarmament and demobilisation are paid" (seed 003 §2.4.2).
Every record that belongs to a mission is classified with an owning mission, so
``peaceops.accounts.access.visible`` narrows it like any other.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from peaceops.coordination import periods
from peaceops.core.models import Classified, SecuredRecord, SourcedRecord
from peaceops.registry.models import Mission


def validate_currency(code: str) -> None:
    """ISO 4217 alphabetic code; an unknown currency is an error, never a guess (amounts are never converted)."""
    import pycountry

    if code and pycountry.currencies.get(alpha_3=code.upper()) is None:
        raise ValidationError(_("Unknown currency %(code)s (expected an ISO 4217 code such as USD, EUR, XAF)."),
                              params={"code": code})


class Sector(models.Model):
    """A cluster, area of responsibility or mission sector, with the names files use for it."""

    class Kind(models.TextChoices):
        CLUSTER = "cluster", _("Humanitarian cluster or area of responsibility")
        MISSION = "mission", _("Mission sector (integration matrix)")

    code = models.CharField(_("code"), max_length=16, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.CLUSTER)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    aliases = models.JSONField(_("aliases"), default=list, blank=True,
                               help_text=_("Other spellings found in 3W files, in any language."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "code"]

    def __str__(self):
        return f"{self.code} {self.name_en}"


class HumanitarianData(models.Model):
    """Humanitarian data the military side cannot see unless it is shared with it.

    Seed 003 §2.4.3 and rec. 3.4.3: humanitarian actors keep "a clear distinction between the role
    and function of humanitarian actors from that of the military"; their information goes to the
    military only when they choose to share it. Enforced in ``selectors.hide_humanitarian``.
    """

    humanitarian = models.BooleanField(_("humanitarian data"), default=False,
                                       help_text=_("Hidden from users on the military side unless shared."))
    shared_with_military = models.BooleanField(_("shared with the military side"), default=False)

    class Meta:
        abstract = True


class Activity(SecuredRecord, HumanitarianData):
    """One 3W row: who (organisation) does what (sector, title) where (country, admin area) when."""

    class Kind(models.TextChoices):
        PROJECT = "project", _("Project or activity")
        OPERATIONAL = "operational_presence", _("Operational presence")
        PHYSICAL = "physical_presence", _("Physical presence (office)")

    class OrganisationType(models.TextChoices):
        INTERNATIONAL_NGO = "international_ngo", _("International NGO")
        NATIONAL_NGO = "national_ngo", _("National NGO")
        UN = "un", _("UN agency")
        RED_CROSS = "red_cross", _("Red Cross / Red Crescent")
        GOVERNMENT = "government", _("Government")
        MISSION = "mission", _("Mission component")
        DONOR = "donor", _("Donor")
        PRIVATE = "private", _("Private sector")
        OTHER = "other", _("Other")
        UNKNOWN = "", _("Unknown")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")
        SUSPENDED = "suspended", _("Suspended")
        UNKNOWN = "", _("Unknown")

    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.PROJECT)
    # Who.
    organisation = models.ForeignKey("registry.Organisation", on_delete=models.PROTECT, related_name="activities")
    organisation_type = models.CharField(_("organisation type"), max_length=20, choices=OrganisationType.choices,
                                         blank=True)
    # What.
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, null=True, blank=True, related_name="activities")
    sector_source = models.CharField(_("sector as imported"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    # Where: the registry's area by P-code, and the names and codes exactly as the file gave them.
    country = models.ForeignKey("registry.Country", on_delete=models.PROTECT, related_name="activities")
    admin_area = models.ForeignKey("registry.AdminArea", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="activities", help_text=_("The smallest known area, by P-code."))
    admin1_name = models.CharField(_("admin 1"), max_length=200, blank=True)
    admin1_pcode = models.CharField(_("admin 1 P-code"), max_length=32, blank=True)
    admin2_name = models.CharField(_("admin 2"), max_length=200, blank=True)
    admin2_pcode = models.CharField(_("admin 2 P-code"), max_length=32, blank=True)
    location = models.CharField(_("place"), max_length=200, blank=True)
    location_pcode = models.CharField(_("place code"), max_length=40, blank=True)
    # When.
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, blank=True)
    status_source = models.CharField(_("status as imported"), max_length=120, blank=True)
    # For whom, with what.
    beneficiaries_targeted = models.PositiveBigIntegerField(_("beneficiaries targeted"), null=True, blank=True)
    beneficiaries_reached = models.PositiveBigIntegerField(_("beneficiaries reached"), null=True, blank=True)
    disaggregation = models.JSONField(
        _("disaggregation"), default=dict, blank=True,
        help_text=_('Beneficiaries by sex and age, e.g. {"targeted": {"female": {"0-17": 120}}}.'))
    beneficiary_type = models.CharField(_("beneficiary type"), max_length=200, blank=True)
    budget = models.DecimalField(_("budget"), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency (ISO 4217)"), max_length=3, blank=True, validators=[validate_currency])
    funding_source = models.CharField(_("funding source"), max_length=200, blank=True)
    donor = models.CharField(_("donor"), max_length=200, blank=True)
    details = models.JSONField(_("other columns"), default=dict, blank=True)
    # Identity in the source: re-importing a file updates its rows, never duplicates them.
    dataset = models.CharField(_("dataset"), max_length=40, default="manual")
    external_id = models.CharField(_("id in the dataset"), max_length=120, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["country_id", "sector_id", "id"]
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(fields=["dataset", "external_id"], condition=~models.Q(external_id=""),
                                    name="activity_unique_source_id"),
        ]
        indexes = [
            models.Index(fields=["owning_mission", "classification"]),
            models.Index(fields=["country", "sector"]),
            models.Index(fields=["admin_area", "sector"]),
        ]

    def __str__(self):
        return f"{self.organisation} {self.sector.code if self.sector else ''} {self.admin2_name or self.admin1_name}"

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date is before the start date.")
        if self.sector_id is None and self.kind != self.Kind.PHYSICAL:
            errors["sector"] = _("Only a physical presence (an office) may have no sector.")
        if self.budget is not None and not self.currency:
            errors["currency"] = _("Give the currency of the budget.")
        if errors:
            raise ValidationError(errors)


class Programme(SecuredRecord, SourcedRecord):
    """A programme broken into components that run one after another (DDR: D, D, R, R)."""

    name = models.CharField(_("name"), max_length=300)
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="programmes")
    country = models.ForeignKey("registry.Country", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+")
    admin_area = models.ForeignKey("registry.AdminArea", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    lead_organisation = models.ForeignKey("registry.Organisation", on_delete=models.PROTECT, null=True, blank=True,
                                          related_name="led_programmes")
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["owning_mission", "classification"])]

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})


class ProgrammeComponent(Classified):
    """One phase of a programme, e.g. disarmament, then demobilisation, reinsertion, reintegration."""

    PARENT_FIELD = "programme"  # read only with its parent (accounts.access.visible)

    MISSION_FIELD = "programme__owning_mission"

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Running")
        COMPLETED = "completed", _("Completed")
        SUSPENDED = "suspended", _("Suspended")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="components")
    name = models.CharField(_("name"), max_length=200,
                            help_text=_("For DDR: disarmament, demobilisation, reinsertion, reintegration."))
    sequence = models.PositiveSmallIntegerField(_("order"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme_id", "sequence", "start_date"]
        constraints = [models.UniqueConstraint(fields=["programme", "name"], name="unique_component_per_programme")]

    def __str__(self):
        return f"{self.programme} / {self.name}"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})
        if self.programme_id and self.start_date and self.end_date:
            others = self.programme.components.exclude(pk=self.pk).values_list("name", "start_date", "end_date")
            clash = periods.first_overlap((self.start_date, self.end_date), others)
            if clash:
                raise ValidationError({"start_date": _(
                    "The period %(start)s to %(end)s overlaps component %(other)s (%(ostart)s to %(oend)s) "
                    "of the same programme.") % {"start": self.start_date, "end": self.end_date, "other": clash[0],
                                                  "ostart": clash[1], "oend": clash[2]}})


class FundingStream(SecuredRecord, SourcedRecord):
    """Money flowing from a source through a channel to a programme (seed 003 §2.4: funding flows)."""

    class Kind(models.TextChoices):
        ASSESSED = "assessed", _("Assessed contributions")
        VOLUNTARY = "voluntary", _("Voluntary contributions")
        MDTF = "mdtf", _("Multi-donor trust fund")
        BILATERAL = "bilateral", _("Bilateral")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    source = models.ForeignKey("registry.Organisation", on_delete=models.PROTECT, related_name="funding_given")
    channel = models.ForeignKey("registry.Organisation", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="funding_channelled",
                                help_text=_("The fund or agency the money passes through (an MDTF administrator)."))
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="funding_streams")
    component = models.ForeignKey(ProgrammeComponent, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="funding_streams")
    country = models.ForeignKey("registry.Country", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+")
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)
    currency = models.CharField(_("currency (ISO 4217)"), max_length=3, validators=[validate_currency])
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["start_date", "id"]
        indexes = [models.Index(fields=["owning_mission", "classification"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount} {self.currency} from {self.source}"

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date is before the start date.")
        if self.amount is not None and self.amount < 0:
            errors["amount"] = _("The amount cannot be negative.")
        if self.component_id and self.programme_id and self.component.programme_id != self.programme_id:
            errors["component"] = _("The component belongs to another programme.")
        if errors:
            raise ValidationError(errors)


class IntegrationAssessment(Classified, SourcedRecord):
    """How integrated a mission is in one sector, and why (seed 003 §1.3; seed 002: form follows function)."""

    MISSION_FIELD = "mission"

    Model = Mission.Integration  # the mission-wide model's scale, applied sector by sector

    mission = models.ForeignKey("registry.Mission", on_delete=models.CASCADE, related_name="integration_assessments")
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="integration_assessments")
    model = models.CharField(_("integration model"), max_length=10, choices=Model.choices)
    reason = models.TextField(_("reason"), blank=True)
    assessed_on = models.DateField(_("assessed on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["mission_id", "sector_id"]
        constraints = [models.UniqueConstraint(fields=["mission", "sector"], name="one_assessment_per_mission_sector")]

    def __str__(self):
        return f"{self.mission} {self.sector.code}: {self.model}"


class AreaRecord(models.Model):
    """Where a need or a task is: the registry's area by P-code, and the codes and names as given."""

    country = models.ForeignKey("registry.Country", on_delete=models.PROTECT, related_name="+")
    admin_area = models.ForeignKey("registry.AdminArea", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    admin1_name = models.CharField(_("admin 1"), max_length=200, blank=True)
    admin1_pcode = models.CharField(_("admin 1 P-code"), max_length=32, blank=True)
    admin2_name = models.CharField(_("admin 2"), max_length=200, blank=True)
    admin2_pcode = models.CharField(_("admin 2 P-code"), max_length=32, blank=True)
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="+")
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date is before the start date.")
        if not (self.admin1_pcode or self.admin2_pcode):
            errors["admin1_pcode"] = _("Give the P-code of the area (admin 1 or admin 2).")
        if errors:
            raise ValidationError(errors)


class Need(SecuredRecord, SourcedRecord, HumanitarianData, AreaRecord):
    """People in need in one area and sector over a period (an HNO line): input of the gaps rule."""

    people_in_need = models.PositiveBigIntegerField(_("people in need"), null=True, blank=True)
    severity = models.PositiveSmallIntegerField(_("severity (1-5)"), null=True, blank=True,
                                                validators=[MinValueValidator(1), MaxValueValidator(5)])
    note = models.TextField(_("note"), blank=True)
    dataset = models.CharField(_("dataset"), max_length=60, default="manual")
    external_id = models.CharField(_("id in the dataset"), max_length=120, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["country_id", "admin1_pcode", "admin2_pcode", "sector_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "external_id"], condition=~models.Q(external_id=""),
                                    name="need_unique_source_id"),
        ]
        indexes = [models.Index(fields=["owning_mission", "classification"])]

    def __str__(self):
        return f"{self.sector.code} {self.admin2_pcode or self.admin1_pcode}: {self.people_in_need or '?'} in need"


class MandatedTaskArea(SecuredRecord, SourcedRecord, AreaRecord):
    """A mandated task in an area: what a mission is mandated to do where (the owning mission is the mandated one).

    The mandates module's MandatedTask has no place; this names the area and sector the gaps rule
    needs, with the resolution and paragraph as text.
    """

    task = models.CharField(_("task"), max_length=500)
    mandate_reference = models.CharField(_("mandate reference"), max_length=200, blank=True,
                                         help_text=_("Resolution and paragraph, e.g. S/RES/1861 (2009) OP 6."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["owning_mission_id", "admin1_pcode", "admin2_pcode", "id"]
        indexes = [models.Index(fields=["owning_mission", "classification"])]

    def __str__(self):
        return f"{self.owning_mission}: {self.task}"


class MilitarySide(models.Model):
    """A user on the military side: humanitarian data is hidden from them unless shared.

    Seed 003 §2.4.3: the distinction between humanitarian actors and the military is what
    humanitarian space rests on. Recorded per user by an administrator (a post's component is
    not linked to user accounts in the registry).
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="military_side")
    note = models.CharField(_("note"), max_length=300, blank=True,
                            help_text=_("Why, e.g. the force component's post the user holds."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("user on the military side")
        verbose_name_plural = _("users on the military side")

    def __str__(self):
        return str(self.user)


class Decision(models.Model):
    """A decision by the DSRSG/HC (users with ``approve`` for the mission): who, when and why."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Awaiting decision")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    class Meta:
        abstract = True


class HumanitarianProposal(SecuredRecord, SourcedRecord, Decision):
    """A quick-impact project or "hearts and minds" activity proposed by a mission component.

    Seed 003 rec. 3.4.7: the DSRSG/HC determines the appropriateness of "hearts and minds"
    campaigns and QIPs; seed 004 §6.2: the principles of humanity, impartiality, neutrality and
    independence are weighed at the decision.
    """

    class Kind(models.TextChoices):
        QIP = "qip", _("Quick-impact project")
        HEARTS_AND_MINDS = "hearts_and_minds", _("Hearts and minds activity")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    component = models.ForeignKey("registry.Component", on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+", help_text=_("The mission component that proposes it."))
    country = models.ForeignKey("registry.Country", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+")
    admin_area = models.ForeignKey("registry.AdminArea", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    budget = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency (ISO 4217)"), max_length=3, blank=True, validators=[validate_currency])
    principles_note = models.TextField(_("humanitarian principles"), blank=True,
                                       help_text=_("How the activity respects humanity, impartiality, neutrality "
                                                   "and independence."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["owning_mission", "classification"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"


class MilitaryAssetUse(SecuredRecord, SourcedRecord, Decision):
    """A military asset used for humanitarian work: accepted only as a last resort (seed 004 §6.2.4)."""

    class AssetKind(models.TextChoices):
        AIR_TRANSPORT = "air_transport", _("Air transport")
        ROAD_TRANSPORT = "road_transport", _("Road transport")
        ENGINEERING = "engineering", _("Engineering")
        MEDICAL = "medical", _("Medical")
        ESCORT = "escort", _("Armed escort")
        OTHER = "other", _("Other")

    asset_kind = models.CharField(_("asset"), max_length=16, choices=AssetKind.choices)
    task = models.CharField(_("humanitarian task"), max_length=500)
    requested_by = models.ForeignKey("registry.Organisation", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", help_text=_("The humanitarian organisation asking for it."))
    country = models.ForeignKey("registry.Country", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+")
    admin1_pcode = models.CharField(_("admin 1 P-code"), max_length=32, blank=True)
    admin2_pcode = models.CharField(_("admin 2 P-code"), max_length=32, blank=True)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    justification = models.TextField(_("justification"), blank=True)
    no_civilian_capacity = models.TextField(
        _("statement that no civilian capacity exists"), blank=True,
        help_text=_("Who checked which civilian means, and why they cannot meet the need (last resort)."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "-id"]
        indexes = [models.Index(fields=["owning_mission", "classification"])]

    def __str__(self):
        return f"{self.get_asset_kind_display()}: {self.task}"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})
