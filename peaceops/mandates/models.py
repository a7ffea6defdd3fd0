"""Mandates and results: mandated tasks, the seed 004 framework library, the Integrated Strategic
Framework (ISF) with its benchmarks and indicators, measurements, assessments and the transition.

Every record a mission owns carries its ``mission`` column directly (set by the services from the parent
record), so :func:`peaceops.accounts.access.visible` filters without joins. The library (seed 004 ch. 3-6) is
public reference data with no mission.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from peaceops.core.models import Classified, SourcedRecord
from peaceops.registry.models import AdminArea, Component, Country, Mission, Organisation, Resolution


class ResolutionText(SourcedRecord):
    """The operative text of a resolution, which the registry's Resolution (number, date, summary) lacks."""

    resolution = models.OneToOneField(Resolution, on_delete=models.CASCADE, related_name="text_record")
    text = models.TextField(_("text"), blank=True)
    history = HistoricalRecords()

    def __str__(self):
        return str(self.resolution)


class MissionOwned(Classified):
    """A record of one mission's plan (its mission column is the access key)."""

    MISSION_FIELD = "mission"
    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="+", verbose_name=_("mission"))

    class Meta:
        abstract = True


class Priority(models.TextChoices):
    # seed 004 §1.4.8: prioritisation says what matters most; it does not block (sequencing does).
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class MandateTask(MissionOwned, SourcedRecord):
    """A task a resolution gives the mission, with what it needs and what the mission holds (seed 001)."""

    resolution = models.ForeignKey(Resolution, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="mandated_tasks", verbose_name=_("resolution"))
    paragraph = models.CharField(_("operative paragraph"), max_length=40, blank=True)
    text = models.TextField(_("task"))
    priority = models.CharField(_("priority"), max_length=8, choices=Priority.choices, blank=True)
    waits_for = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="unblocks",
                                       verbose_name=_("waits for"))
    owner_component = models.ForeignKey(Component, on_delete=models.SET_NULL, null=True, blank=True,
                                        related_name="+", verbose_name=_("owner component"))
    owner_organisation = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True, blank=True,
                                           related_name="+", verbose_name=_("owner entity"))
    capabilities_needed = models.JSONField(_("capabilities needed"), default=dict, blank=True,
                                           help_text=_("capability -> quantity, e.g. {\"helicopters\": 18}"))
    capabilities_held = models.JSONField(_("capabilities held"), default=dict, blank=True)
    reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[waits_for])

    class Meta:
        ordering = ["mission_id", "resolution_id", "paragraph", "id"]
        indexes = [models.Index(fields=["mission", "classification"])]

    def __str__(self):
        return f"{self.paragraph or '-'} {self.text[:60]}"

    def clean(self):
        if self.owner_component_id and self.owner_component.mission_id != self.mission_id:
            raise ValidationError({"owner_component": _("The component belongs to another mission.")})
        for name in ("capabilities_needed", "capabilities_held"):
            value = getattr(self, name)
            if not isinstance(value, dict) or not all(isinstance(v, (int, float)) and v >= 0 for v in value.values()):
                raise ValidationError({name: _("Give capabilities as names with non-negative quantities.")})


# --- the library: seed 004 chapters 3-6 ---------------------------------------------------------------


class FrameworkObjective(models.Model):
    """One of the four objectives of seed 004 ch. 3-6."""

    ref = models.CharField(_("reference"), max_length=40, unique=True)
    number = models.PositiveSmallIntegerField(_("chapter"))
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return self.title


class FrameworkOutput(models.Model):
    objective = models.ForeignKey(FrameworkObjective, on_delete=models.CASCADE, related_name="outputs")
    ref = models.CharField(_("reference"), max_length=40, unique=True)
    number = models.CharField(_("number"), max_length=12)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "ref"]

    def __str__(self):
        return f"{self.number} {self.title}"


class ItemKind(models.TextChoices):
    # The kinds of peaceops.mandates.framework_library (KIND_CODES), seed 004 ch. 3-6.
    PRECONDITION = "precondition", _("Precondition")
    END_STATE = "end_state_benchmark", _("End-state benchmark")
    LISTED_OUTPUT = "listed_output", _("Output listed under the objective")
    ACTIVITY = "activity", _("Operational activity")
    BENCHMARK = "benchmark", _("Benchmark")
    RESPONSIBILITY = "responsibility", _("Responsibility and coordination")
    RESOURCE = "resource", _("Resources")
    RISK = "risk", _("Challenge or risk")
    CONSIDERATION = "consideration", _("Consideration")


class Horizon(models.TextChoices):
    SHORT = "short", _("Short term")
    MEDIUM = "medium", _("Medium term")
    LONG = "long", _("Long term")


class FrameworkItem(models.Model):
    """A precondition, benchmark, activity... of the library, keeping its place in the source."""

    objective = models.ForeignKey(FrameworkObjective, on_delete=models.CASCADE, related_name="items")
    output = models.ForeignKey(FrameworkOutput, on_delete=models.CASCADE, null=True, blank=True, related_name="items")
    ref = models.CharField(_("reference"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=ItemKind.choices)
    horizon = models.CharField(_("horizon"), max_length=8, choices=Horizon.choices, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    text = models.TextField(_("text"))
    section = models.CharField(_("section"), max_length=16, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "ref"]
        indexes = [models.Index(fields=["kind", "horizon"])]

    def __str__(self):
        return self.text[:80]


# --- the Integrated Strategic Framework -----------------------------------------------------------------


class Isf(MissionOwned, SourcedRecord):
    """The ISF of one country: the mission, the UN country team and the government share its objectives
    (seed 000 §III.C.4; seed 003 §2)."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country"))
    title = models.CharField(_("title"), max_length=300)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["mission_id", "title"]
        verbose_name = _("Integrated Strategic Framework")

    def __str__(self):
        return self.title


class ResponsibleMixin(models.Model):
    """The entity responsible: a mission component or an organisation (agency, government)."""

    responsible_component = models.ForeignKey(Component, on_delete=models.SET_NULL, null=True, blank=True,
                                              related_name="+", verbose_name=_("responsible component"))
    responsible_organisation = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True, blank=True,
                                                 related_name="+", verbose_name=_("responsible entity"))

    class Meta:
        abstract = True

    @property
    def responsible(self):
        return self.responsible_organisation or self.responsible_component


class IsfObjective(MissionOwned, ResponsibleMixin):
    PARENT_FIELD = "isf"  # read only with its parent (accounts.access.visible)

    isf = models.ForeignKey(Isf, on_delete=models.CASCADE, related_name="objectives")
    library_objective = models.ForeignKey(FrameworkObjective, on_delete=models.SET_NULL, null=True, blank=True,
                                          related_name="+")
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["isf_id", "order", "id"]

    def __str__(self):
        return self.title


class IsfOutput(MissionOwned, ResponsibleMixin):
    PARENT_FIELD = "objective"  # read only with its parent (accounts.access.visible)

    objective = models.ForeignKey(IsfObjective, on_delete=models.CASCADE, related_name="outputs")
    library_output = models.ForeignKey(FrameworkOutput, on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="+")
    title = models.CharField(_("title"), max_length=300)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["objective_id", "order", "id"]

    def __str__(self):
        return self.title


class IsfBenchmark(MissionOwned, ResponsibleMixin, SourcedRecord):
    """A benchmark chosen from the library (``library_item``) or written anew; transition benchmarks name the
    function handed over (seed 004 §6.5)."""

    PARENT_FIELD = "output"  # read only with its parent (accounts.access.visible)

    output = models.ForeignKey(IsfOutput, on_delete=models.CASCADE, related_name="benchmarks")
    library_item = models.ForeignKey(FrameworkItem, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("library benchmark"))
    text = models.TextField(_("benchmark"))
    horizon = models.CharField(_("horizon"), max_length=8, choices=Horizon.choices, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    tasks = models.ManyToManyField(MandateTask, blank=True, related_name="benchmarks", verbose_name=_("tasks"))
    transition = models.BooleanField(_("transition benchmark"), default=False)
    function = models.CharField(_("function handed over"), max_length=120, blank=True)
    measures_mission_activity = models.BooleanField(
        _("measures mission activity"), default=False,
        help_text=_("seed 004 §6.5: transition benchmarks should measure national capacity, not mission activity"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["output_id", "id"]

    def __str__(self):
        return self.text[:80]


class Indicator(MissionOwned):
    PARENT_FIELD = "benchmark"  # read only with its parent (accounts.access.visible)

    class Kind(models.TextChoices):
        NUMBER = "number", _("Number")
        PERCENTAGE = "percentage", _("Percentage")
        RATIO = "ratio", _("Ratio (numerator / denominator)")

    class AreaRule(models.TextChoices):
        SUM = "sum", _("Sum across areas")
        MEAN = "mean", _("Mean across areas")
        MIN = "min", _("Lowest area")
        MAX = "max", _("Highest area")

    class PeriodRule(models.TextChoices):
        LAST = "last", _("Latest period")
        SUM = "sum", _("Sum over periods")
        MEAN = "mean", _("Mean over periods")
        MAX = "max", _("Highest period")

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        ANNUAL = "annual", _("Annual")

    benchmark = models.ForeignKey(IsfBenchmark, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices, default=Kind.NUMBER)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.FloatField(_("baseline"), null=True, blank=True)
    baseline_on = models.DateField(_("baseline date"), null=True, blank=True)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    data_source = models.CharField(_("data source"), max_length=300, blank=True)
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY)
    disaggregation = models.JSONField(_("disaggregation"), default=list, blank=True,
                                      help_text=_("any of sex, age, area"))
    area_rule = models.CharField(_("aggregation across areas"), max_length=8, choices=AreaRule.choices,
                                 default=AreaRule.SUM)
    period_rule = models.CharField(_("aggregation across periods"), max_length=8, choices=PeriodRule.choices,
                                   default=PeriodRule.LAST)
    history = HistoricalRecords()

    class Meta:
        ordering = ["benchmark_id", "id"]

    def __str__(self):
        return self.name

    def clean(self):
        if not set(self.disaggregation or []) <= {"sex", "age", "area"}:
            raise ValidationError({"disaggregation": _("Disaggregate by sex, age or area only.")})


class IndicatorTarget(MissionOwned):
    PARENT_FIELD = "indicator"  # read only with its parent (accounts.access.visible)

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    period = models.DateField(_("period (first day)"))
    value = models.FloatField(_("target"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator_id", "period"]
        constraints = [models.UniqueConstraint(fields=["indicator", "period"], name="unique_indicator_target")]


class Measurement(MissionOwned):
    """One value for a period and area (and sex/age group); rows with empty sex and age are the totals that the
    roll-up reads, the others are the breakdown the dashboard charts."""

    PARENT_FIELD = "indicator"  # read only with its parent (accounts.access.visible)

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    period = models.DateField(_("period (first day)"))
    area = models.ForeignKey(AdminArea, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    sex = models.CharField(_("sex"), max_length=8, blank=True)
    age = models.CharField(_("age group"), max_length=16, blank=True)
    value = models.FloatField(_("value"))
    numerator = models.FloatField(_("numerator"), null=True, blank=True)
    denominator = models.FloatField(_("denominator"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator_id", "period", "area_id"]
        constraints = [models.UniqueConstraint(fields=["indicator", "period", "area", "sex", "age"],
                                               name="unique_measurement")]


class PeriodTotal(models.Model):
    """The areas of one indicator and period folded together, kept by the services on every write.

    The roll-up reads these (1,000 indicators x 120 months = 120,000 rows) instead of the area rows
    (24,000,000): see benchmarks/rollup.py and docs/mandates.md.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="period_totals")
    period = models.DateField()
    areas = models.PositiveIntegerField(default=0)
    value_sum = models.FloatField(default=0)
    value_min = models.FloatField(null=True)
    value_max = models.FloatField(null=True)
    numerator_sum = models.FloatField(null=True)
    denominator_sum = models.FloatField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["indicator", "period"], name="unique_period_total")]


class LockedPeriod(MissionOwned):
    """A period whose measurements are final (after an assessment): no more entries or imports."""

    PARENT_FIELD = "isf"  # read only with its parent (accounts.access.visible)

    isf = models.ForeignKey(Isf, on_delete=models.CASCADE, related_name="locked_periods")
    period = models.DateField(_("period (first day)"))
    locked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")
    locked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["isf", "period"], name="unique_locked_period")]


class Assessment(MissionOwned):
    """A periodic performance assessment; its decisions re-prioritise tasks, so assessment feeds planning
    (seed 003 §2: the planning and review cycle)."""

    PARENT_FIELD = "isf"  # read only with its parent (accounts.access.visible)

    isf = models.ForeignKey(Isf, on_delete=models.CASCADE, related_name="assessments")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    narrative = models.TextField(_("narrative"), blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_end", "-id"]

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The end of the period is before its start.")})


class AssessmentDecision(MissionOwned):
    PARENT_FIELD = "assessment"  # read only with its parent (accounts.access.visible)

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="decisions")
    task = models.ForeignKey(MandateTask, on_delete=models.CASCADE, related_name="decisions")
    old_priority = models.CharField(max_length=8, choices=Priority.choices, blank=True)
    new_priority = models.CharField(max_length=8, choices=Priority.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    history = HistoricalRecords()


class HandoverPlan(MissionOwned, ResponsibleMixin):
    """Who takes over one function when the mission leaves (seed 004 §6.5; the ISF as MINURCAT's exit
    strategy, seed 000 §III.C.4)."""

    PARENT_FIELD = "isf"  # read only with its parent (accounts.access.visible)

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        UNDERWAY = "underway", _("Under way")
        HANDED_OVER = "handed_over", _("Handed over")

    isf = models.ForeignKey(Isf, on_delete=models.CASCADE, related_name="handover_plans")
    function = models.CharField(_("function"), max_length=120)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["isf_id", "function"]
        constraints = [models.UniqueConstraint(fields=["isf", "function"], name="unique_handover_function")]


# --- the plan under each ISF output: activities, resources, preconditions, risks; lessons ------------------


class FundingStream(models.TextChoices):
    # seed 003 §2.4: the integrated mission is funded by assessed contributions, voluntary contributions and
    # multi-donor trust funds, each with its own rules.
    ASSESSED = "assessed", _("Assessed contributions")
    VOLUNTARY = "voluntary", _("Voluntary contributions")
    TRUST_FUND = "trust_fund", _("Trust fund")


class Lesson(MissionOwned, SourcedRecord):
    """A lesson one mission learned, for its neighbours to read (seed 000 §IV.A.2: exchange experience on
    DDR; §IV.A.4: on violence against women and children).

    Another mission's users read it under an information-sharing agreement on "lessons"
    (peaceops.cooperation.SharingAgreement), filtered by subject through ``accounts.access.visible``.
    """

    SHARING_SUBJECT = "lessons"
    SHARING_CATEGORY_FIELD = "subject"

    class Subject(models.TextChoices):
        DDR = "ddr", _("Disarmament, demobilisation and reintegration")
        VIOLENCE_WOMEN_CHILDREN = "violence_women_children", _("Violence against women and children")
        CROSS_BORDER_RETURNS = "cross_border_returns", _("Cross-border returns")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=300)
    subject = models.CharField(_("subject"), max_length=32, choices=Subject.choices)
    context = models.TextField(_("context"), blank=True)
    what_worked = models.TextField(_("what worked"), blank=True)
    what_did_not = models.TextField(_("what did not work"), blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    recorded_on = models.DateField(_("recorded on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-recorded_on", "-id"]
        indexes = [models.Index(fields=["mission", "subject"])]

    def __str__(self):
        return self.title


class AdoptedMixin(models.Model):
    """A plan item copied from the library keeps the link and the text as adopted, so that a later library
    version shows what changed since."""

    library_item = models.ForeignKey(FrameworkItem, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("library item"))
    library_text = models.TextField(_("library text as adopted"), blank=True)

    class Meta:
        abstract = True

    @property
    def library_changed(self) -> bool:
        return self.library_item_id is not None and self.library_item.text != self.library_text


class PlanActivity(MissionOwned, ResponsibleMixin, AdoptedMixin, SourcedRecord):
    """An activity under an ISF output (seed 004 ch. 3-6: operational activities, responsibilities and
    resources), with its dates and what it waits for."""

    PARENT_FIELD = "output"  # read only with its parent (accounts.access.visible)

    output = models.ForeignKey(IsfOutput, on_delete=models.CASCADE, related_name="activities")
    text = models.TextField(_("activity"))
    partners = models.ManyToManyField(Organisation, blank=True, related_name="+", verbose_name=_("partners"))
    staff = models.PositiveIntegerField(_("staff"), null=True, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    depends_on = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="enables",
                                        verbose_name=_("depends on"))
    lessons = models.ManyToManyField(Lesson, blank=True, related_name="cited_by", verbose_name=_("lessons cited"))
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["output_id", "order", "id"]
        verbose_name_plural = _("plan activities")

    def __str__(self):
        return self.text[:80]

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end is before the start.")})
        if self.responsible_component_id and self.responsible_component.mission_id != self.mission_id:
            raise ValidationError({"responsible_component": _("The component belongs to another mission.")})


class ActivityBudget(MissionOwned):
    """Money for one activity from one funding stream, in one currency (ISO 4217)."""

    PARENT_FIELD = "activity"  # read only with its parent (accounts.access.visible)

    activity = models.ForeignKey(PlanActivity, on_delete=models.CASCADE, related_name="budget_lines")
    funding_stream = models.CharField(_("funding stream"), max_length=12, choices=FundingStream.choices)
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    secured = models.BooleanField(_("secured"), default=False,
                                  help_text=_("Pledged or allotted; an unsecured line is a shortfall."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["activity_id", "funding_stream", "id"]

    def __str__(self):
        return f"{self.amount} {self.currency} ({self.get_funding_stream_display()})"


class PlanPrecondition(MissionOwned, AdoptedMixin, SourcedRecord):
    """A precondition for the output's success (seed 004 ch. 3-6) and whether it holds."""

    PARENT_FIELD = "output"  # read only with its parent (accounts.access.visible)

    class Status(models.TextChoices):
        UNKNOWN = "unknown", _("Unknown")
        NOT_MET = "not_met", _("Not met")
        PARTLY_MET = "partly_met", _("Partly met")
        MET = "met", _("Met")

    output = models.ForeignKey(IsfOutput, on_delete=models.CASCADE, related_name="preconditions")
    text = models.TextField(_("precondition"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.UNKNOWN)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["output_id", "id"]

    def __str__(self):
        return self.text[:80]


class PlanRisk(MissionOwned, AdoptedMixin, SourcedRecord):
    """A risk to an output (seed 004 ch. 3-6: challenges and risks), rated 1-5 for likelihood and impact; a
    risk copied from the library stays unrated until someone rates it (the library gives no rating)."""

    PARENT_FIELD = "output"  # read only with its parent (accounts.access.visible)

    output = models.ForeignKey(IsfOutput, on_delete=models.CASCADE, related_name="risks")
    text = models.TextField(_("risk"))
    likelihood = models.PositiveSmallIntegerField(_("likelihood (1-5)"), null=True, blank=True)
    impact = models.PositiveSmallIntegerField(_("impact (1-5)"), null=True, blank=True)
    owner = models.CharField(_("owner"), max_length=200)
    mitigation = models.TextField(_("mitigation"), blank=True)
    review_on = models.DateField(_("next review"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["output_id", "id"]

    def __str__(self):
        return self.text[:80]

    @property
    def score(self) -> int | None:
        return self.likelihood * self.impact if self.likelihood and self.impact else None

    def clean(self):
        for name in ("likelihood", "impact"):
            value = getattr(self, name)
            if value is not None and not 1 <= value <= 5:
                raise ValidationError({name: _("Rate from 1 to 5.")})


# --- the library: seed 004 chapters 1-2 (leadership, cross-cutting issues, mission management) ---------


class GuidanceSection(models.Model):
    """A section of seed 004 ch. 1-2 (1.1 ... 2.2.4) as the library holds it: public reference, no mission."""

    class Kind(models.TextChoices):
        LEADERSHIP = "leadership", _("Leadership, coordination and integration")
        CROSS_CUTTING = "cross_cutting", _("Cross-cutting issue")
        MANAGEMENT = "management", _("Mission management")

    ref = models.CharField(_("reference"), max_length=40, unique=True)
    number = models.CharField(_("number"), max_length=12)
    title = models.CharField(_("title"), max_length=300)
    chapter = models.PositiveSmallIntegerField(_("chapter"))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    text = models.TextField(_("text"), blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return f"{self.number} {self.title}"


class GuidanceItem(models.Model):
    """A consideration (§1.4), a bullet point, or a guidance sentence of a GuidanceSection."""

    class Kind(models.TextChoices):
        CONSIDERATION = "leadership_consideration", _("Leadership consideration")
        POINT = "point", _("Point")
        GUIDANCE = "guidance", _("Guidance")

    section = models.ForeignKey(GuidanceSection, on_delete=models.CASCADE, related_name="items")
    ref = models.CharField(_("reference"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    text = models.TextField(_("text"))
    source = models.CharField(_("source"), max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.text[:80]


# --- integration checklists (seed 004 ch. 1-2; seed 003 §2.5, rec. 3.4.4, 3.5.5-3.5.6) ------------------


class MissionDocument(MissionOwned, SourcedRecord):
    """A document of the mission a checklist answer can point to: a strategy, a plan, a protocol, terms of
    reference of a coordination body (seed 004 §1.3, §1.4.5-1.4.6, §2.1.1-2.1.2, §2.2.2; seed 003 rec. 3.5.5)."""

    title = models.CharField(_("title"), max_length=300)
    reference = models.CharField(_("reference"), max_length=120, blank=True,
                                 help_text=_("Symbol or file reference, e.g. 'MINURCAT/SRSG/2010/04'."))
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["mission_id", "title"]
        verbose_name = _("mission document")
        verbose_name_plural = _("mission documents")

    def __str__(self):
        return self.title


class ChecklistAnswer(MissionOwned):
    """Leadership's answer to one integration checklist item for its mission, with the record that shows it.

    The item is named by its code in :mod:`peaceops.mandates.checklist` (the catalogue lives in code, with the
    seed passage each item cites). One current answer per mission and item; the history keeps the earlier
    ones. The answer is classified at least as high as its evidence, so that no reader learns from the
    checklist what the evidence would not show them."""

    class Status(models.TextChoices):
        MET = "met", _("In place")
        PARTIAL = "partial", _("Partly in place")
        NOT_MET = "not_met", _("Not in place")

    item_code = models.CharField(_("checklist item"), max_length=40)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices)
    note = models.TextField(_("note"), blank=True)
    evidence_post = models.ForeignKey("registry.Post", on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+", verbose_name=_("post"))
    evidence_line = models.ForeignKey("registry.ReportingLine", on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+", verbose_name=_("reporting line"))
    evidence_document = models.ForeignKey(MissionDocument, on_delete=models.PROTECT, null=True, blank=True,
                                          related_name="+", verbose_name=_("document"))
    evidence_meeting = models.ForeignKey("cooperation.Meeting", on_delete=models.PROTECT, null=True, blank=True,
                                         related_name="+", verbose_name=_("meeting"))
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("answered by"))
    answered_on = models.DateField(_("answered on"))
    history = HistoricalRecords()

    EVIDENCE_FIELDS = ("evidence_post", "evidence_line", "evidence_document", "evidence_meeting")

    class Meta:
        ordering = ["mission_id", "item_code"]
        constraints = [models.UniqueConstraint(fields=["mission", "item_code"], name="one_answer_per_item")]
        verbose_name = _("checklist answer")
        verbose_name_plural = _("checklist answers")

    def __str__(self):
        return f"{self.item_code}: {self.status}"

    @property
    def evidence(self):
        for name in self.EVIDENCE_FIELDS:
            record = getattr(self, name)
            if record is not None:
                return record
        return None
