"""The mandates module's part of the Secretary-General's report (peaceops.reports.drafting, kind "sg_report").

Three sections per mission the drafter may read: mandate implementation by ISF objective (progress with
red/amber/green and the rule, over the report's period), resource shortfalls and risks (capabilities the tasks
need against those held, seed 001; plan budgets not secured; risks escalated to leadership) and the transition
(readiness per function, handover plans; seed 004 §6.5, seed 000 §III.C.4 on the ISF as MINURCAT's exit
strategy). Everything is read through the selectors with
``request.user``; a mission the drafter holds no grant for gives nothing.
"""

from __future__ import annotations

import math

from peaceops.accounts.access import visible
from peaceops.mandates import rollup, selectors
from peaceops.mandates.models import (
    ActivityBudget,
    HandoverPlan,
    Indicator,
    IndicatorTarget,
    IsfBenchmark,
    IsfObjective,
    IsfOutput,
    Measurement,
    PlanRisk,
)
from peaceops.registry.models import Component, Mission
from peaceops.reports.drafting import SG_REPORT, DraftRequest, DraftSection, Table
from peaceops.reports.levels import highest


def _percent(value) -> str:
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.0%}"


def _period(request: DraftRequest) -> str:
    return f"{request.start.isoformat()}..{request.end.isoformat()}"


def _framework_level(request: DraftRequest, isfs) -> int:
    """The highest level among the frameworks and every part of them the roll-up reads up to the period's end."""
    user, ids = request.user, [isf.id for isf in isfs]
    objectives = visible(IsfObjective.objects.filter(isf_id__in=ids), user)
    return highest(
        isfs, objectives,
        # the responsible component is named in the table: its own level counts
        Component.objects.filter(pk__in=objectives.values("responsible_component")),
        visible(IsfOutput.objects.filter(objective__isf_id__in=ids), user),
        visible(IsfBenchmark.objects.filter(output__objective__isf_id__in=ids), user),
        visible(Indicator.objects.filter(benchmark__output__objective__isf_id__in=ids), user),
        visible(IndicatorTarget.objects.filter(indicator__benchmark__output__objective__isf_id__in=ids), user),
        visible(Measurement.objects.filter(indicator__benchmark__output__objective__isf_id__in=ids,
                                             period__lte=request.end), user),
    )


def _implementation(request: DraftRequest, mission: Mission, isfs) -> DraftSection | None:
    rows, paragraphs = [], []
    for isf in isfs:
        rolled = selectors.isf_rollup(request.user, isf, request.start, request.end)
        for n, objective in enumerate(rolled.objectives):
            progress = float(rolled.result.objective_progress[n]) if rolled.result is not None else math.nan
            rows.append((isf.title, objective.title, _percent(progress), rollup.rag(progress),
                         str(objective.responsible or "")))
        if rolled.result is not None:
            behind = [o.title for n, o in enumerate(rolled.objectives)
                      if rollup.rag(float(rolled.result.objective_progress[n])) == "red"]
            if behind:
                paragraphs.append(f"In {isf.title}, objectives behind their benchmarks: {'; '.join(behind)}.")
    if not rows:
        return None
    body = (f"Progress of {mission.acronym} against the Integrated Strategic Framework over {_period(request)}, "
            f"by objective, as the share of the way from baseline to target of its indicators "
            f"(rule: {rollup.RAG_RULE}).")
    return DraftSection(key=f"mandates.implementation.{mission.acronym}",
                        title=f"Mandate implementation: {mission.acronym}",
                        body="\n\n".join([body, *paragraphs]), order=40, mission_id=mission.id,
                        classification=_framework_level(request, isfs),
                        source=f"mandates ISF roll-up {_period(request)}",
                        tables=(Table(("Framework", "Objective", "Progress", "Status", "Responsible"),
                                      tuple(rows), caption="Progress by objective"),))


def _shortfalls(request: DraftRequest, mission: Mission) -> DraftSection | None:
    """Resource shortfalls and risks: capabilities the tasks need against those held (seed 001), plan budgets not
    yet secured per funding stream (seed 003 §2.4), and the risks escalated to leadership as at the end of the
    period (score at or above the threshold, or review overdue; peaceops.mandates.risks)."""
    user = request.user
    gaps = [f for f in selectors.mandate_health(user, mission.id, request.end) if f.code == "capability_gap"]
    unsecured = [row for row in selectors.resources(user, mission_ids=[mission.id]) if row["unsecured"]]
    register = selectors.risk_register(user, mission_ids=[mission.id], today=request.end)
    escalated = [row for row in register if row.escalated]
    if not gaps and not unsecured and not escalated:
        return None
    paragraphs, tables = [], []
    if gaps:
        paragraphs.append(f"Mandated tasks of {mission.acronym} need capabilities the mission does not hold (seed "
                          f"001: each mandated task should state the capabilities it needs).")
        tables.append(Table(("Capability", "Need against holdings", "Tasks"), tuple(
            (gap.message.split(":")[0], gap.message.split(":", 1)[1].strip(), ", ".join(gap.tasks)) for gap in gaps),
            caption="Capability shortfalls"))
    if unsecured:
        paragraphs.append(f"Planned activities of {mission.acronym} whose funding is not yet secured, by funding "
                          f"stream (seed 003 §2.4).")
        tables.append(Table(("Funding stream", "Currency", "Planned", "Not secured"), tuple(
            (row["stream"], row["currency"], f"{row['planned']:,.2f}", f"{row['unsecured']:,.2f}")
            for row in unsecured), caption="Funding not secured"))
    if escalated:
        threshold = selectors.risk_threshold()
        paragraphs.append(f"Risks escalated to the leadership of {mission.acronym} as at {request.end.isoformat()}: "
                          f"a score (likelihood x impact) of {threshold} or more, or a review overdue.")
        tables.append(Table(("Risk", "Output", "Score", "Owner", "Next review", "Why"), tuple(
            (row.risk.text, row.risk.output_title, "—" if row.score is None else str(row.score), row.risk.owner,
             row.risk.review_on.isoformat(),
             ", ".join("score" if reason == "score" else "review overdue" for reason in row.reasons))
            for row in escalated), caption="Risks escalated to leadership"))
    risk_ids = [row.risk.id for row in escalated]
    return DraftSection(key=f"mandates.shortfalls.{mission.acronym}",
                        title=f"Resource shortfalls and risks: {mission.acronym}",
                        body="\n\n".join(paragraphs), order=45, mission_id=mission.id,
                        source="mandates: mandated tasks, plan budgets, risk register",
                        classification=highest(
                            selectors.tasks_for(user, [mission.id]) if gaps else None,
                            visible(ActivityBudget.objects.filter(mission=mission), user) if unsecured else None,
                            # the risk, its output and the framework above it are named in the table
                            visible(PlanRisk.objects.filter(pk__in=risk_ids), user),
                            visible(IsfOutput.objects.filter(risks__in=risk_ids), user)),
                        tables=tuple(tables))


def _transition(request: DraftRequest, mission: Mission, isfs) -> DraftSection | None:
    rows, flagged = [], []
    for isf in isfs:
        for row in selectors.transition_readiness(request.user, isf, request.start, request.end):
            plan = row["plan"]
            rows.append((row["function"], _percent(row["score"]), row["rag"],
                         str(plan.responsible or "") if plan else "", plan.get_status_display() if plan else ""))
            flagged += [b["benchmark"].text for b in row["benchmarks"] if b["mission_activity"]]
    if not rows:
        return None
    body = (f"Readiness of national and UN country-team partners to take over the functions of {mission.acronym}, "
            f"from transition benchmarks of national capacity (seed 004 §6.5).")
    if flagged:
        body += ("\n\nBenchmarks that measure mission activity rather than national capacity, left out of the "
                 "scores: " + "; ".join(flagged) + ".")
    plans = visible(HandoverPlan.objects.filter(isf__in=[isf.id for isf in isfs]), request.user)
    handed_to = Component.objects.filter(pk__in=plans.values("responsible_component"))
    return DraftSection(key=f"mandates.transition.{mission.acronym}", title=f"Transition: {mission.acronym}",
                        body=body, order=50, mission_id=mission.id, source=f"mandates transition {_period(request)}",
                        classification=highest(_framework_level(request, isfs), plans, handed_to),
                        tables=(Table(("Function", "Readiness", "Status", "Handover to", "Plan"), tuple(rows)),))


def sections(request: DraftRequest) -> list[DraftSection]:
    if request.kind != SG_REPORT:
        return []
    found = []
    for mission in Mission.objects.filter(id__in=request.mission_ids).order_by("acronym"):
        isfs = list(selectors.isfs_for(request.user, [mission.id]))
        for section in (_implementation(request, mission, isfs), _shortfalls(request, mission),
                        _transition(request, mission, isfs)):
            if section is not None:
                found.append(section)
    return found
