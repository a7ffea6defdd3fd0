"""Reads of the leadership app, filtered with accounts.access visibility."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from peaceops.accounts.access import access_for, visible
from peaceops.leadership import health
from peaceops.leadership import models as lm
from peaceops.mandates import selectors as mandates
from peaceops.mandates.models import MandateTask, PlanRisk
from peaceops.registry.models import Mission


def missions_for(user):
    """The missions the user holds a grant for (each has a strategy page and a decision log)."""
    access = access_for(user)
    missions = Mission.objects.order_by("acronym")
    return missions if access.system_level is not None else missions.filter(id__in=list(access.mission_levels))


def mission_for(user, mission_id: int) -> Mission | None:
    if access_for(user).level_for(mission_id) is None:
        return None
    return Mission.objects.filter(pk=mission_id).first()


def strategies_for(user, mission_id: int):
    # An objective may come after one classified higher: that one is read as None, never named.
    objectives = visible(lm.StrategicObjective.objects.all(), user).prefetch_related(
        Prefetch("after", queryset=visible(lm.StrategicObjective.objects.all(), user)),
        Prefetch("tasks", queryset=visible(MandateTask.objects.all(), user)))
    return visible(lm.PoliticalStrategy.objects.filter(mission_id=mission_id), user).prefetch_related(
        Prefetch("objectives", queryset=objectives))


def strategy_in_force(user, mission_id: int) -> lm.PoliticalStrategy | None:
    return strategies_for(user, mission_id).first()


@dataclass
class StrategyHealth:
    strategy: lm.PoliticalStrategy | None
    findings: list  # health.Finding
    tasks: list  # the mission's mandated tasks the user may read
    task_labels: dict  # task id -> label


def task_label(task: MandateTask) -> str:
    return f"{mandates.task_key(task)} {task.text[:80]}"


def strategy_health(user, mission_id: int) -> StrategyHealth:
    """The mandate health check against the strategy in force (health.check), from what the user may read."""
    strategy = strategy_in_force(user, mission_id)
    tasks = list(mandates.tasks_for(user, [mission_id]))
    labels = {task.id: task_label(task) for task in tasks}
    if strategy is None:
        return StrategyHealth(None, [], tasks, labels)
    findings = health.check(
        [health.TaskFacts(task.id, labels[task.id]) for task in tasks],
        [health.ObjectiveFacts(o.id, o.title, tuple(t.id for t in o.tasks.all())) for o in strategy.objectives.all()])
    return StrategyHealth(strategy, findings, tasks, labels)


def decisions_for(user, mission_id: int):
    return visible(lm.Decision.objects.filter(mission_id=mission_id), user).select_related("task", "risk")


def decision_links_readable(user, decisions) -> dict[int, tuple[bool, bool]]:
    """Per decision whether the reader may see the task and the risk it names (else the page says only that one
    is linked)."""
    task_ids = set(visible(MandateTask.objects.filter(pk__in=[d.task_id for d in decisions if d.task_id]), user)
                   .values_list("id", flat=True))
    risk_ids = set(visible(PlanRisk.objects.filter(pk__in=[d.risk_id for d in decisions if d.risk_id]), user)
                   .values_list("id", flat=True))
    return {d.id: (d.task_id in task_ids, d.risk_id in risk_ids) for d in decisions}


def risks_for(user, mission_id: int):
    return visible(PlanRisk.objects.filter(mission_id=mission_id), user).order_by("id")
