"""Reads of peaceops.mandates, each narrowed by peaceops.accounts.access.visible to what the user may read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from django.db import connection
from django.db.models import Case, F, Func, IntegerField, Prefetch, Q, Sum, Value, When
from django.utils.translation import gettext as _

from peaceops.accounts.access import access_for, can_read_record, sharing_subject_of, visibility_filter, visible
from peaceops.core import charts, clock
from peaceops.core.classification import HIGHEST, Classification
from peaceops.mandates import checklist, mandate_checks, risks, rollup
from peaceops.mandates.models import (
    ActivityBudget,
    ChecklistAnswer,
    FrameworkItem,
    FundingStream,
    GuidanceSection,
    Indicator,
    IndicatorTarget,
    Isf,
    IsfBenchmark,
    IsfOutput,
    Lesson,
    MandateTask,
    Measurement,
    MissionDocument,
    PeriodTotal,
    PlanActivity,
    PlanPrecondition,
    PlanRisk,
)
from peaceops.registry import rules
from peaceops.registry.models import Component, Hat, Post, ReportingLine


def tasks_for(user, mission_ids=None):
    tasks = visible(MandateTask.objects.all(), user)
    if mission_ids is not None:
        tasks = tasks.filter(mission_id__in=mission_ids)
    return tasks.select_related("resolution", "owner_component", "owner_organisation", "mission")


def isfs_for(user, mission_ids=None):
    isfs = visible(Isf.objects.all(), user).select_related("mission", "country")
    return isfs if mission_ids is None else isfs.filter(mission_id__in=mission_ids)


def indicators_for(user, isf: Isf):
    return visible(Indicator.objects.filter(benchmark__output__objective__isf=isf), user)


def library_search(query: str = "", kind: str = "", horizon: str = "", objective: str = ""):
    """Library items whose text, title or reference contains every word of ``query``."""
    items = FrameworkItem.objects.select_related("objective", "output")
    for word in query.split():
        items = items.filter(Q(text__icontains=word) | Q(title__icontains=word) | Q(ref__icontains=word)
                             | Q(output__title__icontains=word))
    if kind:
        items = items.filter(kind=kind)
    if horizon:
        items = items.filter(horizon=horizon)
    if objective:
        items = items.filter(objective__ref=objective)
    return items


PRIORITY_RANK = {"high": 1, "medium": 2, "low": 3}


def task_key(task: MandateTask) -> str:
    """The name a task goes by in the checks' messages: its paragraph and id (paragraphs may repeat)."""
    return f"{task.paragraph} (#{task.id})" if task.paragraph else f"#{task.id}"


def task_facts(task: MandateTask, keys: dict[int, str]) -> mandate_checks.TaskFacts:
    owner = task.owner_organisation or task.owner_component
    return mandate_checks.TaskFacts(
        key=keys[task.id], title=task.text[:80], priority=PRIORITY_RANK.get(task.priority), owner=str(owner or ""),
        benchmark_count=len(task.benchmarks.all()),
        waits_for=tuple(keys.get(other.id, f"#{other.id}") for other in task.waits_for.all()),
        capabilities_needed=task.capabilities_needed or {})


def mandate_health(user, mission_id: int, today: dt.date | None = None) -> list[mandate_checks.Finding]:
    """Mandate health checks (seed 001, mandate quality) by mandates.mandate_checks over the tasks the user may read:
    task count, sequencing cycles, priority inversions, tasks without priority, owner, benchmark or stated needs,
    review older than two years (the latest task review stands for the mandate's), capability gaps (the mission's
    holdings: the largest quantity any task records as held)."""
    tasks = list(tasks_for(user, [mission_id]).prefetch_related("benchmarks", "waits_for"))
    keys = {task.id: task_key(task) for task in tasks}
    held: dict[str, float] = {}
    for task in tasks:
        for name, amount in (task.capabilities_held or {}).items():
            held[name] = max(held.get(name, 0.0), float(amount))
    reviews = [task.reviewed_on for task in tasks if task.reviewed_on]
    facts = mandate_checks.MandateFacts(tasks=tuple(task_facts(task, keys) for task in tasks),
                                        last_review=max(reviews) if reviews else None, capabilities_held=held)
    return mandate_checks.health_checks(facts, today or clock.today())


def shortfall(task: MandateTask) -> dict[str, float]:
    """Capability -> missing quantity (seed 001: state what each task needs against what the mission has)."""
    held = task.capabilities_held or {}
    return {name: need - held.get(name, 0) for name, need in (task.capabilities_needed or {}).items()
            if need > held.get(name, 0)}


def blocked_tasks(tasks) -> dict[int, list]:
    """Task id -> the prerequisites it still waits for (sequencing blocks; priority does not)."""
    return {task.id: list(task.waits_for.all()) for task in tasks if task.waits_for.all()}


# --- the roll-up ----------------------------------------------------------------------------------------


@dataclass
class IsfRollup:
    isf: Isf
    objectives: list
    outputs: list
    benchmarks: list
    indicators: list
    result: rollup.Result | None
    rule: str = rollup.RAG_RULE


def _target_at(targets: list[tuple[dt.date, float]], end: dt.date) -> float | None:
    """The target in force at the end of the window: the latest at or before it, else the first after it."""
    if not targets:
        return None
    before = [value for period, value in targets if period <= end]
    return before[-1] if before else targets[0][1]


def isf_rollup(user, isf: Isf, start: dt.date, end: dt.date) -> IsfRollup:
    objectives = list(visible(isf.objectives.all(), user))
    outputs = list(visible(IsfOutput.objects.filter(objective__isf=isf), user).order_by("objective_id", "order",
                                                                                            "id"))
    benchmarks = list(visible(IsfBenchmark.objects.filter(output__objective__isf=isf), user))
    indicators = list(indicators_for(user, isf).order_by("id"))
    targets: dict[int, list] = {}
    readable_ids = indicators_for(user, isf).values("id")  # a subquery: no list of a thousand parameters
    for target in IndicatorTarget.objects.filter(indicator__in=readable_ids).order_by("period"):
        targets.setdefault(target.indicator_id, []).append((target.period, target.value))
    objective_pos = {o.id: i for i, o in enumerate(objectives)}
    output_pos = {o.id: i for i, o in enumerate(outputs)}
    benchmark_pos = {b.id: i for i, b in enumerate(benchmarks)}
    rows = [{"id": i.id, "kind": i.kind, "area_rule": i.area_rule, "period_rule": i.period_rule,
             "baseline": i.baseline, "target": _target_at(targets.get(i.id, []), end),
             "benchmark": benchmark_pos[i.benchmark_id]} for i in indicators if i.benchmark_id in benchmark_pos]
    if not rows:
        return IsfRollup(isf, objectives, outputs, benchmarks, [], None)
    table = rollup.Indicators.from_rows(rows)
    position = {row["id"]: n for n, row in enumerate(rows)}
    totals = period_totals(position, readable_ids, start, end)
    result = rollup.rollup(
        table, totals, rollup.month_index(start.year, start.month), rollup.month_index(end.year, end.month),
        np.array([output_pos[b.output_id] for b in benchmarks], dtype=np.int64),
        np.array([objective_pos[o.objective_id] for o in outputs], dtype=np.int64), len(objectives))
    by_id = {i.id: i for i in indicators}
    return IsfRollup(isf, objectives, outputs, benchmarks, [by_id[row["id"]] for row in rows], result)


class MonthIndex(Func):
    """rollup.month_index of a date column, computed by the database in plain SQL (Django's Extract on
    SQLite calls back into Python for every row)."""

    output_field = IntegerField()
    template = "(EXTRACT(YEAR FROM %(expressions)s)::int * 12 + EXTRACT(MONTH FROM %(expressions)s)::int - 1)"

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="(CAST(substr(%(expressions)s, 1, 4) AS INTEGER) * 12 "
                                                          "+ CAST(substr(%(expressions)s, 6, 2) AS INTEGER) - 1)",
                           **extra)


def period_totals(position: dict[int, int], indicator_ids, start: dt.date, end: dt.date) -> rollup.Totals:
    """The PeriodTotal rows of ``indicator_ids`` (a subquery) within the window, placed by ``position``
    (id -> array position).

    Read with one cursor into a numpy array, the month index computed by the database: building 120,000
    Python dates and model rows would cost more than the whole roll-up (benchmarks/rollup.py).
    """
    month = MonthIndex("period")
    query = (PeriodTotal.objects.filter(indicator_id__in=indicator_ids, period__gte=start.replace(day=1),
                                          period__lte=end)
             .annotate(month=month).values_list("indicator_id", "month", "areas", "value_sum", "value_min",
                                                "value_max", "numerator_sum", "denominator_sum"))
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    table = np.array(rows, dtype=float).reshape(-1, 8)
    lookup = np.full(max(position) + 1, -1, dtype=np.int64)
    lookup[np.fromiter(position.keys(), dtype=np.int64)] = np.fromiter(position.values(), dtype=np.int64)
    return rollup.Totals(indicator=lookup[table[:, 0].astype(np.int64)], period=table[:, 1].astype(np.int64),
                         areas=table[:, 2], value_sum=table[:, 3], value_min=table[:, 4], value_max=table[:, 5],
                         numerator_sum=table[:, 6], denominator_sum=table[:, 7])


def breakdown(user, indicator: Indicator, period: dt.date | None = None) -> dict[str, list[tuple[str, float]]]:
    """The disaggregated values of one period (the latest measured when None): by sex, age group and area."""
    rows = visible(Measurement.objects.filter(indicator=indicator), user)
    if period is None:
        period = rows.order_by("-period").values_list("period", flat=True).first()
    if period is None:
        return {}
    rows = rows.filter(period=period).select_related("area")
    result: dict[str, dict[str, float]] = {"sex": {}, "age": {}, "area": {}}
    for row in rows:
        if row.sex:
            result["sex"][row.sex] = result["sex"].get(row.sex, 0) + row.value
        if row.age:
            result["age"][row.age] = result["age"].get(row.age, 0) + row.value
        if row.area_id and not row.sex and not row.age:
            result["area"][row.area.name] = row.value
    return {key: sorted(values.items()) for key, values in result.items() if values}


def transition_readiness(user, isf: Isf, start: dt.date, end: dt.date) -> list[dict]:
    """Per function handed over: readiness score (seed 004 §6.5), benchmarks flagged when they measure mission
    activity, the handover plan and its responsible entity."""
    rolled = isf_rollup(user, isf, start, end)
    progress = {}
    if rolled.result is not None:
        progress = {b.id: float(rolled.result.benchmark_progress[n]) for n, b in enumerate(rolled.benchmarks)}
    plans = {p.function: p for p in visible(isf.handover_plans.all(), user).select_related(
        "responsible_organisation", "responsible_component")}
    functions: dict[str, list] = {}
    for benchmark in rolled.benchmarks:
        if benchmark.transition:
            functions.setdefault(benchmark.function or "-", []).append(benchmark)
    rows = []
    for function in sorted(set(functions) | set(plans)):
        benchmarks = functions.get(function, [])
        score = rollup.readiness([(progress.get(b.id), b.measures_mission_activity) for b in benchmarks])
        rows.append({"function": function, "plan": plans.get(function), "score": score,
                     "rag": rollup.rag(score if score is not None else np.nan),
                     "benchmarks": [{"benchmark": b, "progress": progress.get(b.id),
                                     "mission_activity": b.measures_mission_activity} for b in benchmarks]})
    return rows


# --- the plan under each output, the risk register, lessons ---------------------------------------------


def risk_threshold() -> int:
    from django.conf import settings

    return int(getattr(settings, "PEACEOPS_RISK_THRESHOLD", risks.DEFAULT_THRESHOLD))


def plan_prefetches(user) -> list[Prefetch]:
    """An output's activities (with partners, what they wait for, budget lines and lessons cited),
    preconditions and risks, each narrowed to what the user may read."""
    activities = visible(PlanActivity.objects.select_related(
        "responsible_component", "responsible_organisation", "library_item"), user)
    return [
        Prefetch("activities", queryset=activities),
        Prefetch("activities__partners"),
        Prefetch("activities__depends_on", queryset=visible(PlanActivity.objects.all(), user)),
        Prefetch("activities__budget_lines", queryset=visible(ActivityBudget.objects.all(), user)),
        Prefetch("activities__lessons", queryset=visible(Lesson.objects.select_related("mission"), user)),
        Prefetch("preconditions", queryset=visible(PlanPrecondition.objects.select_related("library_item"), user)),
        Prefetch("risks", queryset=visible(PlanRisk.objects.select_related("library_item"), user)),
    ]


def outputs_with_plans(user, isf: Isf):
    return (visible(IsfOutput.objects.filter(objective__isf=isf), user)
            .select_related("objective", "library_output").prefetch_related(*plan_prefetches(user)))


@dataclass(slots=True)
class RegisterRisk:
    """One risk as the register lists it, read as plain columns (no model instances: docs/mandates.md)."""

    id: int
    text: str
    owner: str
    likelihood: int | None
    impact: int | None
    review_on: dt.date
    mission_id: int
    mission_acronym: str
    output_id: int
    output_title: str
    isf_id: int
    isf_title: str

    @property
    def pk(self) -> int:
        return self.id


@dataclass(slots=True)
class RegisterRow:
    risk: object  # a RegisterRisk (the register) or a PlanRisk (one output's plan)
    score: int | None
    reasons: tuple[str, ...]

    @property
    def escalated(self) -> bool:
        return bool(self.reasons)


def risk_assessment(risk, today: dt.date | None = None, threshold: int | None = None) -> RegisterRow:
    """A risk's score and why it goes to leadership, if it does (peaceops.mandates.risks)."""
    today = today or clock.today()
    threshold = risk_threshold() if threshold is None else threshold
    likelihood, impact = risk.likelihood, risk.impact
    return RegisterRow(risk, likelihood * impact if likelihood and impact else None,
                       risks.reasons(likelihood, impact, risk.review_on, today, threshold))


REGISTER_COLUMNS = ("id", "text", "owner", "likelihood", "impact", "review_on", "mission_id", "mission__acronym",
                    "output_id", "output__title", "output__objective__isf_id", "output__objective__isf__title")


def readable_with_parents(model, user) -> Q | None:
    """What :func:`accounts.access.visible` keeps of ``model``, as one condition on the row and on its parents
    joined (``PARENT_FIELD`` chain: a risk's output, objective and ISF) instead of a nested IN subquery per
    parent; the same rows, as every link of the chain is a required foreign key. The Q is built once per call
    from the user's mission set. None when a model on the chain can be shared by agreement or a link may be
    empty: the caller then uses ``visible`` itself."""
    access = access_for(user)
    condition, prefix = Q(), ""
    while True:
        if sharing_subject_of(model) is not None:
            return None
        condition &= _mission_set_filter(access, prefix + getattr(model, "MISSION_FIELD", "owning_mission"),
                                         prefix + "classification")
        parent = getattr(model, "PARENT_FIELD", None)
        if not parent:
            return condition
        link = model._meta.get_field(parent)
        if link.null:
            return None
        prefix, model = f"{prefix}{parent}__", link.related_model


def _mission_set_filter(access, mission_field: str, classification_field: str) -> Q:
    """``accounts.access.visibility_filter`` grouped by mission set: one clause per level cleared (a regional
    planner cleared alike over ten missions gets ``mission IN (...) AND classification <= level``) instead of
    one per classification level; the same rows (``Access.can_read``: level at most the one cleared)."""
    if not access.authenticated or access.system_level is not None:
        return visibility_filter(access, mission_field, classification_field)
    by_level: dict[int, list[int]] = {}
    for mission, level in access.mission_levels.items():
        by_level.setdefault(min(level, HIGHEST), []).append(mission)
    allowed = Q(**{f"{mission_field}__isnull": True, classification_field: Classification.UNCLASSIFIED})
    for level, missions in sorted(by_level.items()):
        allowed |= Q(**{f"{classification_field}__lte": level, f"{mission_field}__in": sorted(missions)})
    return allowed


def _readable(queryset, user):
    condition = readable_with_parents(queryset.model, user)
    return visible(queryset, user) if condition is None else queryset.filter(condition)


def risk_register(user, *, mission_ids=None, isf: Isf | None = None, today: dt.date | None = None,
                  threshold: int | None = None) -> list[RegisterRow]:
    """The risks the user may read, per mission (``mission_ids``) or per ISF, escalated ones first, then by
    score: escalated when the score reaches the threshold or the review is overdue (peaceops.mandates.risks).

    The database orders the rows (the same key as :func:`risks.reasons`: escalated, score with unrated as 0,
    review date, id), so Python only reads plain columns (docs/benchmarks.md: plan_rollup)."""
    today = today or clock.today()
    threshold = risk_threshold() if threshold is None else threshold
    rows = _readable(PlanRisk.objects.all(), user)
    if mission_ids is not None:
        rows = rows.filter(mission_id__in=mission_ids)
    if isf is not None:
        rows = rows.filter(output__objective__isf=isf)
    # risks.reasons: rated (both non-zero) and score >= threshold, or review overdue.
    rated = Q(likelihood__gt=0, impact__gt=0)
    score = Case(When(rated, then=F("likelihood") * F("impact")), default=Value(0), output_field=IntegerField())
    escalated = Case(When(rated & Q(_score__gte=threshold), then=Value(1)), When(review_on__lt=today, then=Value(1)),
                     default=Value(0), output_field=IntegerField())
    ordered = (rows.order_by().annotate(_score=score).annotate(_escalated=escalated)
               .order_by("-_escalated", "-_score", "review_on", "id"))
    reasons = risks.reasons
    return [RegisterRow(RegisterRisk(*values), values[3] * values[4] if values[3] and values[4] else None,
                        reasons(values[3], values[4], values[5], today, threshold))
            for values in ordered.values_list(*REGISTER_COLUMNS)]


def heat_map_svg(register: list[RegisterRow], title: str) -> str:
    return charts.heat_map(risks.heat_grid([row.risk for row in register]), title=title,
                           x_label=_("Impact (1-5)"), y_label=_("Likelihood (1-5)"),
                           cell_title=_("likelihood {likelihood}, impact {impact}: {count}"),
                           threshold=risk_threshold())


def resources(user, *, mission_ids=None, isf: Isf | None = None) -> list[dict]:
    """Budget per funding stream and currency, with the part not yet secured (a shortfall), summed by the
    database over the lines the user may read (a line is read only with its activity: PARENT_FIELD)."""
    lines = _readable(ActivityBudget.objects.all(), user)
    if mission_ids is not None:
        lines = lines.filter(mission_id__in=mission_ids)
    if isf is not None:
        lines = lines.filter(activity__output__objective__isf=isf)
    totals: dict[tuple[str, str], dict] = {}
    sums = lines.order_by().values("funding_stream", "currency", "secured").annotate(total=Sum("amount"))
    for row in sums:
        stream, currency = row["funding_stream"], row["currency"]
        entry = totals.setdefault((stream, currency), {"stream": str(FundingStream(stream).label),
                                                       "currency": currency, "planned": 0, "unsecured": 0})
        entry["planned"] += row["total"]
        if not row["secured"]:
            entry["unsecured"] += row["total"]
    return [totals[key] for key in sorted(totals)]


def library_changes(user, isf: Isf) -> list:
    """Plan items adopted from the library whose library text changed since (a later library version)."""
    changed = []
    for model in (PlanActivity, PlanPrecondition, PlanRisk):
        items = visible(model.objects.filter(output__objective__isf=isf, library_item__isnull=False), user)
        changed += [item for item in items.select_related("library_item") if item.library_changed]
    return changed


def lessons_for(user, query: str = "", subject: str = "", mission_id: int | None = None):
    """Lessons the user may read (their missions' and those shared with them), every word of ``query`` found
    in the title, context, what worked or did not, or evidence."""
    lessons = visible(Lesson.objects.select_related("mission"), user)
    for word in query.split():
        lessons = lessons.filter(Q(title__icontains=word) | Q(context__icontains=word)
                                 | Q(what_worked__icontains=word) | Q(what_did_not__icontains=word)
                                 | Q(evidence__icontains=word))
    if subject:
        lessons = lessons.filter(subject=subject)
    if mission_id:
        lessons = lessons.filter(mission_id=mission_id)
    return lessons


def output_period(output: IsfOutput) -> tuple[dt.date | None, dt.date | None]:
    """The period an output's activities must fall in: its objective's dates, else its framework's."""
    objective = output.objective
    isf = objective.isf
    return objective.start_date or isf.start_date, objective.end_date or isf.end_date


# --- the library's chapters 1-2 and the integration checklist ------------------------------------------


def guidance_sections():
    """Seed 004 ch. 1-2 as stored (public reference data), with their items."""
    return GuidanceSection.objects.prefetch_related("items").order_by("order")


def documents_for(user, mission):
    return visible(MissionDocument.objects.filter(mission=mission), user)


@dataclass
class MissionChecklist:
    mission: object
    results: list  # checklist.Result, in catalogue order
    counts: dict  # registry / answered / gap
    groups: list  # (group key, title, results)
    answers: dict  # item code -> ChecklistAnswer the user may read


def _checklist_facts(user, mission):
    """The registry facts of ``mission`` from the records ``user`` may read (as registry.selectors does for its
    rules: a finding never rests on a record the reader cannot see), and the mission's ISF."""
    components = list(visible(Component.objects.filter(mission=mission), user).select_related("organisation"))
    posts = list(visible(Post.objects.filter(mission=mission), user).prefetch_related(
        Prefetch("hats", queryset=visible(Hat.objects.all(), user), to_attr="visible_hats")))
    post_ids = {post.id for post in posts}
    lines = [line for line in visible(ReportingLine.objects.filter(from_post__in=post_ids), user)
             .select_related("to_organisation") if line.to_post_id is None or line.to_post_id in post_ids]
    structure = rules.MissionFacts(
        acronym=mission.acronym,
        components=tuple(rules.ComponentFacts(
            id=c.id, name=c.name, kind=c.kind, organisation_acronym=c.organisation.acronym if c.organisation else "",
            organisation_name=c.organisation.name if c.organisation else "") for c in components),
        posts=tuple(rules.PostFacts(id=p.id, title=p.title, function=p.function, hats=tuple(
            rules.HatFacts(role=h.role, terms_of_reference=h.terms_of_reference,
                           responsibilities=tuple(h.responsibilities or ()), label=str(h.get_role_display()))
            for h in p.visible_hats)) for p in posts),
        lines=tuple(rules.LineFacts(from_post_id=line.from_post_id, kind=line.kind, to_post_id=line.to_post_id,
                                    to_organisation_acronym=line.to_organisation.acronym if line.to_organisation
                                    else "") for line in lines))
    isf = isfs_for(user, [mission.id]).first()
    return checklist.Facts(structure=structure, has_isf=isf is not None, isf_title=isf.title if isf else "")


def _evidence_text(answer) -> str:
    record = answer.evidence
    if record is None:
        return ""
    kind = {"evidence_post": _("post"), "evidence_line": _("reporting line"), "evidence_document": _("document"),
            "evidence_meeting": _("meeting")}
    name = next(name for name in ChecklistAnswer.EVIDENCE_FIELDS if getattr(answer, name) is record)
    return f"{kind[name]}: {record}"


def mission_checklist(user, mission) -> MissionChecklist | None:
    """The integration checklist of ``mission`` as ``user`` may see it; None when the user holds no grant there.

    Answers the user may not read (classified above them, or resting on evidence they cannot read) count as
    unanswered: the reader sees a gap, never the evidence."""
    if access_for(user).level_for(mission.id) is None:
        return None
    facts = _checklist_facts(user, mission)
    answers = {answer.item_code: answer for answer in visible(
        ChecklistAnswer.objects.filter(mission=mission), user).select_related(
        "evidence_post", "evidence_line__from_post", "evidence_line__to_post", "evidence_document",
        "evidence_meeting", "answered_by")}
    answers = {code: answer for code, answer in answers.items()
               if answer.evidence is None or _can_read_evidence(user, answer.evidence)}
    results = []
    for item in checklist.ITEMS:
        stored = answers.get(item.code)
        answer = checklist.Answer(status=stored.status, evidence=_evidence_text(stored), note=stored.note,
                                  answered_on=stored.answered_on.isoformat()) if stored else None
        results.append(checklist.status_of(item, facts, answer))
    groups = [(key, title, [result for result in results if result.item.group == key])
              for key, title in checklist.GROUPS.items()]
    return MissionChecklist(mission=mission, results=results, counts=checklist.summary(results), groups=groups,
                            answers=answers)


def _can_read_evidence(user, record) -> bool:
    return can_read_record(user, record)
