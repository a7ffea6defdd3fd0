"""The mission leadership's political strategy and decision log (seed 001: a political strategy guides the
mission; seed 004 §1.4: the leadership team decides and records its decisions)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from peaceops.core.models import Classified
from peaceops.mandates.models import MandateTask, PlanRisk
from peaceops.registry.models import Mission


class LeadershipOwned(Classified):
    MISSION_FIELD = "mission"

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="+", verbose_name=_("mission"))
    source = models.CharField(_("source"), max_length=300, blank=True,
                              help_text=_("Where it comes from: a seed passage, a document, 'demo: fictional'."))

    class Meta:
        abstract = True


class PoliticalStrategy(LeadershipOwned):
    """A mission's political strategy: what it seeks to achieve politically, with whom and by which leverage,
    in which order (seed 001). The latest adopted one is in force."""

    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    adopted_on = models.DateField(_("adopted on"))
    review_by = models.DateField(_("review by"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["mission_id", "-adopted_on", "-id"]
        verbose_name_plural = _("political strategies")

    def __str__(self):
        return self.title


class StrategicObjective(LeadershipOwned):
    """One objective of the strategy with its actors, leverage and place in the sequence, and the mandated
    tasks that serve it."""

    PARENT_FIELD = "strategy"  # read only with its strategy (accounts.access.visible)

    strategy = models.ForeignKey(PoliticalStrategy, on_delete=models.CASCADE, related_name="objectives")
    title = models.CharField(_("objective"), max_length=300)
    actors = models.TextField(_("actors"), blank=True, help_text=_("Who must move: parties, neighbours, donors."))
    leverage = models.TextField(_("leverage"), blank=True, help_text=_("What the mission and its partners can use."))
    sequence = models.PositiveIntegerField(_("sequence"), default=1, help_text=_("Phase: 1 comes first."))
    after = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("comes after"))
    tasks = models.ManyToManyField(MandateTask, blank=True, related_name="+", verbose_name=_("mandated tasks"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy_id", "sequence", "id"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.strategy_id and self.mission_id != self.strategy.mission_id:
            raise ValidationError({"mission": _("The objective belongs to another mission than its strategy.")})


class Decision(LeadershipOwned):
    """A decision of the mission's leadership: what, when, who, and the mandated task or plan risk it affects."""

    decided_on = models.DateField(_("decided on"))
    decided_by = models.CharField(_("decided by"), max_length=200, help_text=_("e.g. SRSG, Mission Leadership Team"))
    text = models.TextField(_("decision"))
    rationale = models.TextField(_("why"), blank=True)
    task = models.ForeignKey(MandateTask, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("mandated task affected"))
    risk = models.ForeignKey(PlanRisk, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("plan risk affected"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["mission_id", "-decided_on", "-id"]

    def __str__(self):
        return f"{self.decided_on} {self.decided_by}: {self.text[:60]}"
