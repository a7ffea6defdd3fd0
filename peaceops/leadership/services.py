"""Writes of the leadership app: the political strategy and its objectives, the decision log.

Each service takes the acting principal first and checks it once (accounts.access.require): the strategy and
the decisions are the leadership's (Action.APPROVE in the mission). Linked records (mandated tasks, plan risks,
an earlier objective) must belong to the same mission and be readable by the actor; a record the actor cannot
read is answered as absent. Nothing is half-written: each service runs in one transaction and checks first.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from peaceops.accounts.access import require, visible
from peaceops.accounts.roles import Action
from peaceops.core.classification import LEVELS
from peaceops.core.errors import DomainError
from peaceops.leadership import health
from peaceops.leadership import models as lm
from peaceops.mandates.models import MandateTask, PlanRisk


def _level(classification) -> int:
    if classification not in LEVELS:
        raise DomainError(_("classification: %(value)s is not a level (0, 1 or 2)") % {"value": classification},
                          field="classification")
    return classification


def _text(value: str, field: str, limit: int | None = None) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(_("%(field)s: required") % {"field": field}, field=field)
    if limit and len(value) > limit:
        raise DomainError(_("%(field)s: at most %(limit)s characters") % {"field": field, "limit": limit},
                          field=field)
    return value


def _date(value, field: str) -> dt.date:
    if not isinstance(value, dt.date):
        raise DomainError(_("%(field)s: a date is needed (YYYY-MM-DD)") % {"field": field}, field=field)
    return value


def _readable_tasks(actor, mission_id: int, task_ids) -> list[MandateTask]:
    wanted = list(dict.fromkeys(int(i) for i in task_ids or ()))
    found = {t.id: t for t in visible(MandateTask.objects.filter(pk__in=wanted, mission_id=mission_id), actor)}
    missing = [i for i in wanted if i not in found]
    if missing:
        raise DomainError(_("tasks: no mandated task %(ids)s of this mission") % {
            "ids": ", ".join(f"#{i}" for i in missing)}, field="tasks")
    return [found[i] for i in wanted]


@transaction.atomic
def strategy_adopt(actor, mission, *, title: str, adopted_on: dt.date, summary: str = "",
                   review_by: dt.date | None = None, classification: int = 0, source: str = ""
                   ) -> lm.PoliticalStrategy:
    """A political strategy for ``mission``, in force from ``adopted_on`` (the latest adopted is in force)."""
    strategy = lm.PoliticalStrategy(mission=mission, title=_text(title, "title", 300), summary=summary.strip(),
                                    adopted_on=_date(adopted_on, "adopted_on"), review_by=review_by,
                                    classification=_level(classification), source=source[:300])
    require(actor, Action.APPROVE, strategy)
    if review_by is not None and _date(review_by, "review_by") < adopted_on:
        raise DomainError(_("review_by: before the adoption date"), field="review_by")
    strategy.save()
    return strategy


@transaction.atomic
def objective_add(actor, strategy: lm.PoliticalStrategy, *, title: str, actors: str = "", leverage: str = "",
                  sequence: int = 1, after: lm.StrategicObjective | None = None, task_ids=(),
                  classification: int | None = None, source: str = "") -> lm.StrategicObjective:
    """An objective of ``strategy`` with the mandated tasks that serve it (same mission, readable)."""
    objective = lm.StrategicObjective(
        mission_id=strategy.mission_id, strategy=strategy, title=_text(title, "title", 300), actors=actors.strip(),
        leverage=leverage.strip(), sequence=sequence, after=after, source=source[:300],
        classification=_level(strategy.classification if classification is None else classification))
    require(actor, Action.APPROVE, objective)
    if not isinstance(sequence, int) or sequence < 1:
        raise DomainError(_("sequence: a whole number from 1"), field="sequence")
    if after is not None:
        if after.strategy_id != strategy.id:
            raise DomainError(_("after: the objective it follows belongs to another strategy"), field="after")
        if after.sequence > sequence:
            raise DomainError(_("after: '%(title)s' is in phase %(phase)s, later than %(sequence)s") % {
                "title": after.title, "phase": after.sequence, "sequence": sequence}, field="after")
    tasks = _readable_tasks(actor, strategy.mission_id, task_ids)
    objective.save()
    objective.tasks.set(tasks)
    return objective


@transaction.atomic
def objective_link_tasks(actor, objective: lm.StrategicObjective, task_ids) -> lm.StrategicObjective:
    """Replace the mandated tasks that serve ``objective``."""
    require(actor, Action.APPROVE, objective)
    objective.tasks.set(_readable_tasks(actor, objective.mission_id, task_ids))
    return objective


@transaction.atomic
def objective_set_after(actor, objective: lm.StrategicObjective, after: lm.StrategicObjective | None):
    """Sequence ``objective`` after another of its strategy; a loop in the sequence is refused."""
    require(actor, Action.APPROVE, objective)
    if after is not None and after.strategy_id != objective.strategy_id:
        raise DomainError(_("after: the objective it follows belongs to another strategy"), field="after")
    links = dict(lm.StrategicObjective.objects.filter(strategy=objective.strategy).values_list("id", "after_id"))
    links[objective.id] = after.id if after else None
    if health.sequence_cycle(links):
        raise DomainError(_("after: the sequence would loop back to '%(title)s'") % {"title": objective.title},
                          field="after")
    objective.after = after
    objective.save(update_fields=["after"])
    return objective


@transaction.atomic
def decision_log(actor, mission, *, decided_on: dt.date, decided_by: str, text: str, rationale: str = "",
                 task_id: int | None = None, risk_id: int | None = None, classification: int = 0,
                 source: str = "") -> lm.Decision:
    """A decision of ``mission``'s leadership, with the mandated task or plan risk it affects (same mission,
    readable by the actor)."""
    decision = lm.Decision(mission=mission, decided_on=_date(decided_on, "decided_on"),
                           decided_by=_text(decided_by, "decided_by", 200), text=_text(text, "text"),
                           rationale=rationale.strip(), classification=_level(classification), source=source[:300])
    require(actor, Action.APPROVE, decision)
    if task_id:
        decision.task = visible(MandateTask.objects.filter(pk=task_id, mission=mission), actor).first()
        if decision.task is None:
            raise DomainError(_("task: no mandated task #%(id)s of this mission") % {"id": task_id}, field="task")
    if risk_id:
        decision.risk = visible(PlanRisk.objects.filter(pk=risk_id, mission=mission), actor).first()
        if decision.risk is None:
            raise DomainError(_("risk: no plan risk #%(id)s of this mission") % {"id": risk_id}, field="risk")
    decision.save()
    return decision
