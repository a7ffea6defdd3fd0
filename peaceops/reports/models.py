"""Reports drafted from the data, edited by the people who answer for each section, approved, exported.

A report belongs to the mission that drafts it (``owning_mission``) and covers one mission or the
missions of a region. Its sections come from the modules that know the facts
(``peaceops.<app>.report_sections``, see ``drafting.py``); analysts or planners of the mission a
section names edit it, leadership of the owning mission approves the whole, after which it is locked
(seed 000 §IV.C.3: a joint quarterly threat assessment; §IV.E.2: the SG report's section on
inter-mission cooperation).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from peaceops.core.models import Classified, SecuredRecord
from peaceops.reports import drafting


class Report(SecuredRecord):
    class Kind(models.TextChoices):
        THREAT_ASSESSMENT = drafting.THREAT_ASSESSMENT, _("Joint regional security threat assessment")
        SG_REPORT = drafting.SG_REPORT, _("Report of the Secretary-General to the Security Council")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        APPROVED = "approved", _("approved")

    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    region = models.ForeignKey("registry.Region", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="reports", verbose_name=_("region"))
    missions = models.ManyToManyField("registry.Mission", related_name="reports_covering",
                                      verbose_name=_("missions covered"))
    # The covered missions, other than the drafting one, whose records the drafters could read: a section
    # may say what those records say, so a reader needs their clearance there too (selectors.reports_for).
    drawn_from = models.ManyToManyField("registry.Mission", related_name="+", blank=True,
                                        verbose_name=_("drafted from the records of"))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("drafted by"))
    drafted_at = models.DateTimeField(_("drafted at"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("approved by"))
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_end", "-id"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return self.title

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period ends before it starts.")})
        if not self.owning_mission_id:
            raise ValidationError({"owning_mission": _("A report belongs to the mission that drafts it.")})

    @property
    def locked(self) -> bool:
        return self.status == self.Status.APPROVED


class ReportSection(Classified):
    """One section; read with its report (same mission and level), edited by the contributing mission."""

    MISSION_FIELD = "report__owning_mission"
    PARENT_FIELD = "report"  # read only with the report (selectors.visible_sections; accounts.access to follow)

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections", verbose_name=_("report"))
    key = models.CharField(_("key"), max_length=80)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    tables = models.JSONField(_("tables"), default=list, blank=True)  # [{"caption", "header": [...], "rows": [[...]]}]
    order = models.PositiveIntegerField(_("order"), default=100)
    mission = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("contributing mission"))
    source = models.CharField(_("drafted from"), max_length=300, blank=True)
    # The missions whose records the drafter (or the editor) could read when writing this section: what the
    # section may repeat. Shown to every reader, so a joint document says whose data each part rests on.
    read_from = models.ManyToManyField("registry.Mission", related_name="+", blank=True,
                                       verbose_name=_("drawn from the records of"))
    edited = models.BooleanField(_("edited by a person"), default=False)
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("edited by"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "key"]
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="reports_section_key_unique")]
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")

    def __str__(self):
        return f"{self.report_id}: {self.title}"


class ReportPartApproval(models.Model):
    """A contributing mission's leadership approving its part (its sections) of a joint report.

    A joint document speaks for every mission that writes in it: each one's leadership approves its own
    part before the drafting mission's leadership approves the whole (services.report_approve_part, report_approve).
    Read only with its report (selectors.part_approvals; no route of its own), at the report's level.
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="part_approvals",
                               verbose_name=_("report"))
    mission = models.ForeignKey("registry.Mission", on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("contributing mission"))
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("approved by"))
    approved_at = models.DateTimeField(_("approved at"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "mission__acronym"]
        constraints = [models.UniqueConstraint(fields=["report", "mission"], name="reports_part_approval_unique")]
        verbose_name = _("approval of a mission's part")
        verbose_name_plural = _("approvals of missions' parts")

    def __str__(self):
        return f"{self.report_id}: {self.mission_id}"


class ReportCadence(models.Model):
    """A report a region owes every quarter (the joint threat assessment), due some days after the quarter ends.

    Shared reference data of the region: when the cadence starts and how long after a quarter the report is
    due. A quarter is late when no approved report of the kind covers it by the due day
    (selectors.late_reports).
    """

    region = models.ForeignKey("registry.Region", on_delete=models.CASCADE, related_name="report_cadences",
                               verbose_name=_("region"))
    kind = models.CharField(_("kind"), max_length=24, choices=Report.Kind.choices,
                            default=Report.Kind.THREAT_ASSESSMENT)
    first_quarter = models.DateField(_("first quarter owed (any day in it)"))
    due_after_days = models.PositiveIntegerField(_("due days after the quarter ends"), default=30)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region", "kind"], name="reports_cadence_unique")]
        verbose_name = _("report cadence")
        verbose_name_plural = _("report cadences")

    def __str__(self):
        return f"{self.region}: {self.kind} quarterly"
