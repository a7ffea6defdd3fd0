"""Inter-mission cooperation records (seed 000 §III-IV): meetings and their actions, information sharing,
contractor performance."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from peaceops.core.classification import Classification
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
    series = models.CharField(_("series"), max_length=60, blank=True, help_text=_(
        "A series kept apart from the inter-mission meetings, e.g. 'force_commanders' (seed 000 §III.C.2)."))
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


class MeetingChild(Classified):
    """A part of a meeting (attendance, decision, action): read as the meeting is, never below its level.

    Its classification may be higher than the meeting's, never lower, so a confidential meeting's
    decisions cannot leak through an unclassified child.
    """

    PARENT_FIELD = "meeting"  # read only with its parent (accounts.access.visible)

    MISSION_FIELD = "meeting__organiser"

    class Meta:
        abstract = True

    def clean(self):
        meeting = getattr(self, "meeting", None) if self.meeting_id else None
        if meeting is not None and self.classification < meeting.classification:
            raise ValidationError({"classification": _("Cannot be lower than the meeting's classification.")})


class MeetingCadence(SourcedRecord):
    """A commitment to meet at a level every so many months, in a region (seed 000 §III.B, §IV.C.2).

    Shared reference data for the region: the slip alerts compare it with the meetings held.
    """

    region = models.ForeignKey("registry.Region", on_delete=models.PROTECT, related_name="meeting_cadences",
                               verbose_name=_("region"))
    level = models.CharField(_("level"), max_length=16, choices=Meeting.Level.choices)
    series = models.CharField(_("series"), max_length=60, blank=True,
                              help_text=_("Counts only meetings of this series (empty: the inter-mission meetings)."))
    every_months = models.PositiveSmallIntegerField(_("every (months)"))
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["region__name", "level", "since"]
        constraints = [models.CheckConstraint(condition=models.Q(every_months__gte=1), name="cadence_every_month")]

    def __str__(self):
        return f"{self.region} {self.get_level_display()} / {self.every_months} months"

    def clean(self):
        if self.every_months is not None and self.every_months < 1:
            raise ValidationError({"every_months": _("A cadence needs at least one month between meetings.")})
        if self.until and self.since and self.until < self.since:
            raise ValidationError({"until": _("The cadence ends before it starts.")})


class Attendance(MeetingChild):
    """Who attended for which mission, in which role (seed 000 §III.B: participation was uneven)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    mission = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("mission"))
    role = models.CharField(_("role"), max_length=200, help_text=_("E.g. Force Commander, Head of Security."))
    name = models.CharField(_("name"), max_length=200, blank=True)
    present = models.BooleanField(_("present"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "mission__acronym", "role"]

    def __str__(self):
        return f"{self.mission} {self.role}"


class MeetingDecision(MeetingChild):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "id"]

    def __str__(self):
        return self.text[:80]


class ActionItem(MeetingChild):
    """An action a meeting gave a mission (an owner by role) with a due date; overdue when not closed by then."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    decision = models.ForeignKey(MeetingDecision, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="actions")
    text = models.TextField(_("action"))
    owner_mission = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, related_name="+",
                                      verbose_name=_("owning mission"))
    owner_role = models.CharField(_("owner"), max_length=200, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self):
        return self.text[:80]

    def clean(self):
        super().clean()
        if self.closed_on and self.meeting_id and self.closed_on < self.meeting.starts_on:
            raise ValidationError({"closed_on": _("An action cannot be closed before its meeting.")})


class Subject(models.TextChoices):
    """What missions share (seed 000 §III.C.1, §IV.C.3). Models name theirs in ``SHARING_SUBJECT``."""

    INCIDENTS = "incidents", _("Incidents")
    ANALYSES = "analyses", _("Analyses")
    THREAT_ASSESSMENTS = "threat_assessments", _("Threat assessments")
    # seed 000 §IV.A.2, §IV.A.4: missions exchange their experience (DDR, violence against women and children);
    # categories are lesson subjects (peaceops.mandates.models.Lesson.Subject).
    LESSONS = "lessons", _("Lessons learned")


class SharingAgreement(Classified, SourcedRecord):
    """One mission shares one subject with another, up to a classification (seed 000 §III.C.1, §IV.C).

    While active, :func:`peaceops.accounts.access.visible` lets the receiving mission's users read
    the sharer's records of that subject (of the listed categories, if any) up to ``up_to``, capped by
    their own clearance for the receiving mission. Withdrawing it closes the data on the next request.
    Only verified or published records cross unless ``include_drafts`` says the agreement takes drafts
    too: a draft is still the sharer's working copy, and a neighbour acting on it may act on an error.
    """

    MISSION_FIELD = "sharer"

    sharer = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, related_name="sharing_given",
                               verbose_name=_("sharing mission"))
    receiver = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, related_name="sharing_received",
                                 verbose_name=_("receiving mission"))
    subject = models.CharField(_("subject"), max_length=32, choices=Subject.choices)
    categories = models.JSONField(_("categories"), default=list, blank=True,
                                  help_text=_("Only these categories (e.g. incident categories); empty for all."))
    up_to = models.PositiveSmallIntegerField(_("up to classification"), choices=Classification.choices,
                                             default=Classification.UNCLASSIFIED)
    include_drafts = models.BooleanField(
        _("include drafts"), default=False,
        help_text=_("Share records not yet verified too (incidents in draft); otherwise only verified or "
                    "published ones."))
    starts_on = models.DateField(_("in force from"))
    ends_on = models.DateField(_("in force until"), null=True, blank=True)
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("signed by"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_reason = models.CharField(_("reason for withdrawal"), max_length=300, blank=True)
    history = HistoricalRecords(excluded_fields=["signed_by"])

    class Meta:
        ordering = ["sharer__acronym", "receiver__acronym", "subject"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(sharer=models.F("receiver")), name="sharing_between_two"),
        ]

    def __str__(self):
        return f"{self.sharer} → {self.receiver}: {self.get_subject_display()}"

    def clean(self):
        if self.sharer_id and self.sharer_id == self.receiver_id:
            raise ValidationError({"receiver": _("A mission does not share with itself.")})
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The agreement ends before it starts.")})
        if not isinstance(self.categories, list) or not all(isinstance(c, str) and c for c in self.categories):
            raise ValidationError({"categories": _("Give the categories as a list of codes.")})

    def active_on(self, day) -> bool:
        return self.withdrawn_at is None and self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


class FocalPoint(Classified, SourcedRecord):
    """A mission's focal point for a subject (seed 000 §III.C.1: 'identify mission focal points')."""

    MISSION_FIELD = "mission"

    mission = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, related_name="focal_points",
                                verbose_name=_("mission"))
    subject = models.CharField(_("subject"), max_length=32, choices=Subject.choices)
    role = models.CharField(_("role"), max_length=200)
    name = models.CharField(_("name"), max_length=200, blank=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["mission__acronym", "subject", "role"]

    def __str__(self):
        return f"{self.mission} {self.get_subject_display()}: {self.role}"


class Contract(Classified, SourcedRecord):
    """A mission's contract with a contractor for a service over a period (seed 000 §III.C.4)."""

    MISSION_FIELD = "mission"

    contractor = models.ForeignKey("registry.Organisation", on_delete=models.PROTECT, related_name="contracts",
                                   verbose_name=_("contractor"))
    mission = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, related_name="contracts",
                                verbose_name=_("mission"))
    service = models.CharField(_("service"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "id"]

    def __str__(self):
        return f"{self.contractor} / {self.mission}: {self.service}"

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The contract ends before it starts.")})


class ContractEvaluation(Classified):
    """A performance evaluation of a contract: score 1 (failed) to 5 (excellent)."""

    PARENT_FIELD = "contract"  # read only with its parent (accounts.access.visible)

    MISSION_FIELD = "contract__mission"
    WARNING_BELOW = 3  # a score under this is a failure the neighbours should hear of (seed 000 §III.C.4)

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="evaluations")
    score = models.PositiveSmallIntegerField(_("score"), help_text=_("1 failed ... 5 excellent"))
    evaluated_on = models.DateField(_("evaluated on"))
    evaluator = models.CharField(_("evaluator"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-evaluated_on", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="score_1_to_5")]

    def clean(self):
        if self.score is not None and not 1 <= self.score <= 5:
            raise ValidationError({"score": _("The score runs from 1 (failed) to 5 (excellent).")})
        if self.contract_id and self.classification < self.contract.classification:
            raise ValidationError({"classification": _("Cannot be lower than the contract's classification.")})


class ContractorWarning(Classified, SourcedRecord):
    """A warning about a contractor, readable by the missions neighbouring the issuer (sharing a region).

    Seed 000 §III.C.4: contractors who failed in Darfur were offered similar jobs across the border
    in Chad. ``visible()`` opens these to every mission sharing a region with the issuing mission,
    up to the reader's own clearance (``SHARED_WITH_NEIGHBOURS``).
    """

    MISSION_FIELD = "issued_by"
    SHARED_WITH_NEIGHBOURS = True

    contractor = models.ForeignKey("registry.Organisation", on_delete=models.PROTECT, related_name="warnings",
                                   verbose_name=_("contractor"))
    issued_by = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, related_name="contractor_warnings",
                                  verbose_name=_("issuing mission"))
    contract = models.ForeignKey(Contract, on_delete=models.SET_NULL, null=True, blank=True, related_name="warnings")
    issued_on = models.DateField(_("issued on"))
    text = models.TextField(_("warning"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-issued_on", "id"]

    def __str__(self):
        return f"{self.contractor}: {self.text[:60]}"
