"""Writes of peaceops.mandates: the library import, mandated tasks and their sequencing, the ISF, indicators,
measurements (entered or imported), locked periods, assessments and handover plans.

Every write checks the actor's role for the record's mission (``EDIT_PLANS``: planners) through
accounts.access.require; loaders and commands run by an operator act as ``accounts.access.SYSTEM``. Bad input raises
``MandateError`` naming the field (and line, for imports); nothing is stored half-way (transaction.atomic).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Count, Max, Min, Sum
from django.utils.translation import gettext as _

from peaceops.accounts.access import can_read_record, history_user, permits, require, visible
from peaceops.accounts.records import record_update
from peaceops.accounts.roles import Action
from peaceops.core import clock
from peaceops.core.errors import Denied
from peaceops.core.importing import ImportFileError, ImportReport, LineError
from peaceops.mandates import checklist, importers, mandate_checks, risks, selectors
from peaceops.mandates.models import (
    ActivityBudget,
    Assessment,
    AssessmentDecision,
    ChecklistAnswer,
    FrameworkItem,
    FrameworkObjective,
    FrameworkOutput,
    FundingStream,
    GuidanceItem,
    GuidanceSection,
    HandoverPlan,
    Indicator,
    IndicatorTarget,
    Isf,
    IsfBenchmark,
    IsfObjective,
    IsfOutput,
    ItemKind,
    Lesson,
    LockedPeriod,
    MandateTask,
    Measurement,
    MissionDocument,
    PeriodTotal,
    PlanActivity,
    PlanPrecondition,
    PlanRisk,
    Priority,
)
from peaceops.notifications.services import mission_notify
from peaceops.registry.models import AdminArea


class MandateError(ValueError):
    """Bad input: ``field`` names what is wrong, ``line`` the line of an imported file (0 otherwise)."""

    def __init__(self, field: str, message: str, line: int = 0):
        super().__init__(message)
        self.field, self.message, self.line = field, message, line

    def __str__(self):
        where = f"line {self.line}, " if self.line else ""
        return f"{where}field {self.field}: {self.message}"


def _require_plans(user, mission_id: int) -> None:
    """Planners (EDIT_PLANS) of the mission change its plan."""
    require(user, Action.EDIT_PLANS, mission_id=mission_id, what="change the plans of this mission")


@transaction.atomic
def task_update(user, task: MandateTask, changes: dict, waits_for=None,
                expected_etag: str | None = None) -> MandateTask:
    task = record_update(user, Action.EDIT_PLANS, task, changes, expected_etag=expected_etag)
    if waits_for is not None:
        task_set_waits_for(user, task, waits_for)
    return task


def month_start(value: dt.date) -> dt.date:
    return value.replace(day=1)


# --- the library ----------------------------------------------------------------------------------------


def _source(item) -> str:
    lines = f"lines {item.first_line}-{item.last_line}" if item.last_line != item.first_line \
        else f"line {item.first_line}"
    return f"seed 004 §{item.section or item.number}, {lines}"


@transaction.atomic
def framework_import(library, *, actor) -> dict[str, int]:
    """Store a ``framework_library.Library`` (seed 004 ch. 3-6): created or updated by ``ref``, so a second run
    changes nothing; items no longer in the library are removed. Returns counts per model. The library is
    every mission's reference: only a system-wide planner (or SYSTEM) replaces it."""
    require(actor, Action.EDIT_PLANS, mission_id=None, what="replace the framework library")
    seen_items: set[str] = set()
    counts = {"objectives": 0, "outputs": 0, "items": 0}
    order = 0
    for objective in library.objectives:
        stored_objective, _ = FrameworkObjective.objects.update_or_create(ref=objective.ref, defaults={
            "number": objective.chapter, "title": objective.title, "text": objective.intro,
            "source": f"seed 004 ch. {objective.chapter}, lines {objective.first_line}-{objective.last_line}"})
        counts["objectives"] += 1
        for item in objective.items():
            order += 1
            _store_item(item, stored_objective, None, order)
            seen_items.add(item.ref)
        for output in objective.outputs:
            order += 1
            stored_output, _ = FrameworkOutput.objects.update_or_create(ref=output.ref, defaults={
                "objective": stored_objective, "number": output.number, "title": output.title,
                "text": output.intro, "order": order,
                "source": f"seed 004 §{output.number}, lines {output.first_line}-{output.last_line}"})
            counts["outputs"] += 1
            for item in output.items():
                order += 1
                _store_item(item, stored_objective, stored_output, order)
                seen_items.add(item.ref)
    counts["items"] = len(seen_items)
    FrameworkItem.objects.exclude(ref__in=seen_items).delete()
    counts.update(_import_guidance(library))
    return counts


def _import_guidance(library) -> dict[str, int]:
    """Seed 004 ch. 1-2 (sections, the considerations of §1.4, bullet points, guidance sentences), by ``ref``."""
    sections: dict[str, GuidanceSection] = {}
    seen_sections, seen_items = set(), set()
    for order, section in enumerate(library.sections(), start=1):
        lines = f"lines {section.first_line}-{section.last_line}"
        stored, _created = GuidanceSection.objects.update_or_create(ref=section.ref, defaults={
            "number": section.number, "title": section.title, "chapter": section.chapter, "kind": section.kind,
            "parent": sections.get(section.parent), "text": section.text, "order": order,
            "source": f"seed 004 §{section.number}, {lines}"})
        sections[section.number] = stored
        seen_sections.add(section.ref)
        for item in section.items:
            GuidanceItem.objects.update_or_create(ref=item.ref, defaults={
                "section": stored, "kind": item.kind, "text": item.text, "order": item.order,
                "source": _source(item)})
            seen_items.add(item.ref)
    GuidanceItem.objects.exclude(ref__in=seen_items).delete()
    GuidanceSection.objects.exclude(ref__in=seen_sections).delete()
    return {"guidance_sections": len(seen_sections), "guidance_items": len(seen_items)}


def _store_item(item, objective, output, order: int) -> None:
    values = {"objective": objective, "output": output, "kind": item.kind, "horizon": item.horizon or "",
              "title": getattr(item, "title", "") or "", "text": item.text, "section": item.section,
              "source": _source(item), "order": order}
    stored = FrameworkItem.objects.filter(ref=item.ref).first()
    if stored is None:
        FrameworkItem.objects.create(ref=item.ref, **values)
    elif any(getattr(stored, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(stored, name, value)
        stored.save()


# --- mandated tasks -------------------------------------------------------------------------------------


def _save(instance):
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def task_create(user, *, mission, text: str, waits_for: Iterable[MandateTask] = (), **fields) -> MandateTask:
    _require_plans(user, mission.id)
    task = _save(MandateTask(mission=mission, text=text, **fields))
    task_set_waits_for(user, task, waits_for)
    return task


def sequencing_edges(mission_id: int) -> list[tuple[int, int]]:
    """(task, task it waits for) for every sequencing link of the mission."""
    links = MandateTask.waits_for.through.objects.filter(from_mandatetask__mission_id=mission_id)
    return list(links.values_list("from_mandatetask_id", "to_mandatetask_id"))


@transaction.atomic
def task_set_waits_for(user, task: MandateTask, prerequisites: Iterable[MandateTask]) -> None:
    """Sequencing blocks (seed 004 §1.4.8): a task waits for others; a cycle would block them all forever, so
    mandate_checks.check_sequencing runs on the mission's waits as they would be before anything is saved."""
    _require_plans(user, task.mission_id)
    prerequisites = list(prerequisites)
    for prerequisite in prerequisites:
        if prerequisite.mission_id != task.mission_id:
            raise MandateError("waits_for", f"task {prerequisite.id} belongs to another mission")
    waits: dict[int, list[int]] = {}
    for waiting, awaited in sequencing_edges(task.mission_id):
        if waiting != task.id:
            waits.setdefault(waiting, []).append(awaited)
    waits[task.id] = [prerequisite.id for prerequisite in prerequisites]
    labels = dict(MandateTask.objects.filter(mission_id=task.mission_id).values_list("id", "paragraph"))
    labels[task.id] = task.paragraph

    def key(task_id):
        return f"{labels.get(task_id)} (#{task_id})" if labels.get(task_id) else f"#{task_id}"

    facts = [mandate_checks.TaskFacts(key=key(task_id), waits_for=tuple(key(a) for a in waits.get(task_id, ())))
             for task_id in labels]
    try:
        mandate_checks.check_sequencing(facts)
    except mandate_checks.SequencingError as error:
        raise MandateError("waits_for", str(error)) from None
    task.waits_for.set(prerequisites)


@transaction.atomic
def task_set_priority(user, task: MandateTask, priority: str) -> MandateTask:
    _require_plans(user, task.mission_id)
    if priority not in Priority.values and priority != "":
        raise MandateError("priority", f"unknown priority {priority!r}")
    task.priority = priority
    return _save(task)


# --- the ISF --------------------------------------------------------------------------------------------


@transaction.atomic
def isf_create(user, *, mission, country, title: str, **fields) -> Isf:
    _require_plans(user, mission.id)
    return _save(Isf(mission=mission, country=country, title=title, **fields))


def _child(user, parent, model, **fields):
    _require_plans(user, parent.mission_id)
    fields.setdefault("classification", parent.classification)
    return _save(model(mission_id=parent.mission_id, **fields))


@transaction.atomic
def objective_add(user, isf: Isf, *, title: str, library_objective=None, **fields) -> IsfObjective:
    if library_objective is not None and not title:
        title = library_objective.title
    return _child(user, isf, IsfObjective, isf=isf, title=title, library_objective=library_objective, **fields)


@transaction.atomic
def output_add(user, objective: IsfObjective, *, title: str = "", library_output=None, **fields) -> IsfOutput:
    title = title or (library_output.title if library_output else "")
    if not title:
        raise MandateError("title", "an output needs a title or a library output")
    return _child(user, objective, IsfOutput, objective=objective, title=title, library_output=library_output,
                  **fields)


@transaction.atomic
def benchmark_add(user, output: IsfOutput, *, text: str = "", library_item=None, **fields) -> IsfBenchmark:
    """A benchmark chosen from the library (its text and horizon are copied, the link kept) or written anew."""
    if library_item is not None:
        if library_item.kind not in (ItemKind.BENCHMARK, ItemKind.END_STATE):
            raise MandateError("library_item", f"library item {library_item.ref} is not a benchmark")
        text = text or library_item.text
        fields.setdefault("horizon", library_item.horizon)
        fields.setdefault("source", library_item.source)  # the passage of seed 004 it came from
    if not text:
        raise MandateError("text", "a benchmark needs a text or a library benchmark")
    tasks = fields.pop("tasks", ())
    benchmark = _child(user, output, IsfBenchmark, output=output, text=text, library_item=library_item, **fields)
    if tasks:
        benchmark.tasks.set(tasks)
    return benchmark


@transaction.atomic
def indicator_add(user, benchmark: IsfBenchmark, *, name: str, targets: dict | None = None,
                  **fields) -> Indicator:
    indicator = _child(user, benchmark, Indicator, benchmark=benchmark, name=name, **fields)
    if targets:
        indicator_set_targets(user, indicator, targets)
    return indicator


@transaction.atomic
def indicator_set_targets(user, indicator: Indicator, targets: dict[dt.date, float]) -> None:
    """Targets per period. A target without a baseline cannot be measured against: refused."""
    _require_plans(user, indicator.mission_id)
    if targets and indicator.baseline is None:
        raise MandateError("baseline", f"indicator {indicator.name!r} has targets but no baseline: "
                                       "set the baseline first")
    for period, value in targets.items():
        IndicatorTarget.objects.update_or_create(
            indicator=indicator, period=month_start(period),
            defaults={"value": float(value), "mission_id": indicator.mission_id,
                      "classification": indicator.classification})


# --- measurements ---------------------------------------------------------------------------------------


@dataclass
class MeasurementRow:
    """One measurement as entered or read from a file (``line`` 0 when entered on a page)."""

    period: dt.date
    value: float | None = None
    area_id: int | None = None
    sex: str = ""
    age: str = ""
    numerator: float | None = None
    denominator: float | None = None
    unit: str = ""
    line: int = 0


def locked_periods(indicator: Indicator) -> set[dt.date]:
    isf_id = Isf.objects.filter(objectives__outputs__benchmarks__indicators=indicator).values("id")
    return set(LockedPeriod.objects.filter(isf_id__in=isf_id).values_list("period", flat=True))


def measurement_check(indicator: Indicator, row: MeasurementRow, locked: set[dt.date]) -> MeasurementRow:
    """The checks a measurement passes before it is stored (the same for entry and upload); returns the row
    with its value computed for ratios."""
    row.period = month_start(row.period)
    if row.period in locked:
        raise MandateError("period", f"period {row.period:%Y-%m} is locked: its measurements are final", row.line)
    if row.unit and indicator.unit and row.unit.strip().lower() != indicator.unit.strip().lower():
        raise MandateError("unit", f"unit {row.unit!r} does not match the indicator's unit {indicator.unit!r}",
                           row.line)
    if indicator.kind == Indicator.Kind.RATIO:
        if row.numerator is None or row.denominator is None:
            raise MandateError("denominator", "a ratio needs a numerator and a denominator", row.line)
        if row.denominator == 0:
            raise MandateError("denominator", "the denominator is zero: a ratio cannot be computed", row.line)
        row.value = row.numerator / row.denominator
    elif row.value is None:
        raise MandateError("value", "no value", row.line)
    if indicator.kind == Indicator.Kind.PERCENTAGE and not 0 <= row.value <= 100:
        raise MandateError("value", f"{row.value} is not a percentage (0-100)", row.line)
    if row.sex and "sex" not in indicator.disaggregation:
        raise MandateError("sex", "this indicator is not disaggregated by sex", row.line)
    if row.age and "age" not in indicator.disaggregation:
        raise MandateError("age", "this indicator is not disaggregated by age", row.line)
    return row


@transaction.atomic
def measurements_record(user, indicator: Indicator, rows: Iterable[MeasurementRow]) -> dict[str, int]:
    """Create or replace measurements (one per period, area, sex and age), then refresh the period totals."""
    _require_plans(user, indicator.mission_id)
    locked = locked_periods(indicator)
    created = updated = 0
    periods = set()
    entered_by = history_user(user)
    for row in rows:
        row = measurement_check(indicator, row, locked)
        key = {"indicator": indicator, "period": row.period, "area_id": row.area_id, "sex": row.sex, "age": row.age}
        values = {"value": row.value, "numerator": row.numerator, "denominator": row.denominator,
                  "unit": row.unit or indicator.unit, "entered_by": entered_by, "mission_id": indicator.mission_id,
                  "classification": indicator.classification}
        existing = Measurement.objects.filter(**key).first()
        if existing is None:
            Measurement.objects.create(**key, **values)
            created += 1
        else:
            for name, value in values.items():
                setattr(existing, name, value)
            existing.save()
            updated += 1
        periods.add(row.period)
    period_totals_refresh(indicator.id, periods)
    return {"created": created, "updated": updated}


def period_totals_refresh(indicator_id: int, periods: Iterable[dt.date]) -> None:
    """Fold the area rows (sex and age empty) of the given periods into PeriodTotal rows."""
    periods = list(periods)
    rows = (Measurement.objects.filter(indicator_id=indicator_id, period__in=periods, sex="", age="")
            .values("period").annotate(areas=Count("id"), value_sum=Sum("value"), value_min=Min("value"),
                                       value_max=Max("value"), numerator_sum=Sum("numerator"),
                                       denominator_sum=Sum("denominator")))
    PeriodTotal.objects.filter(indicator_id=indicator_id, period__in=periods).delete()
    PeriodTotal.objects.bulk_create([PeriodTotal(indicator_id=indicator_id, **row) for row in rows])


@transaction.atomic
def period_lock(user, isf: Isf, period: dt.date) -> LockedPeriod:
    _require_plans(user, isf.mission_id)
    locked, _ = LockedPeriod.objects.get_or_create(
        isf=isf, period=month_start(period),
        defaults={"mission_id": isf.mission_id, "classification": isf.classification,
                  "locked_by": history_user(user)})
    return locked


# --- assessment and transition --------------------------------------------------------------------------


@transaction.atomic
def assessment_record(user, isf: Isf, *, period_start: dt.date, period_end: dt.date, narrative: str = "",
                      evidence: str = "", recommendations: str = "",
                      decisions: Iterable[tuple[MandateTask, str, str]] = (),
                      lock_periods: bool = False) -> Assessment:
    """An assessment whose decisions (task, new priority, reason) re-prioritise tasks: assessment feeds planning
    (seed 003 §2). Each change is kept as a decision and in the task's history. ``lock_periods``: the months
    assessed become final (no more measurements). The web page and the API both come here."""
    _require_plans(user, isf.mission_id)
    assessment = _save(Assessment(
        isf=isf, mission_id=isf.mission_id, classification=isf.classification, period_start=period_start,
        period_end=period_end, narrative=narrative, evidence=evidence, recommendations=recommendations,
        assessed_by=history_user(user)))
    for task, new_priority, reason in decisions:
        if task.mission_id != isf.mission_id:
            raise MandateError("task", f"task {task.id} belongs to another mission")
        old = task.priority
        task_set_priority(user, task, new_priority)
        _save(AssessmentDecision(assessment=assessment, task=task, old_priority=old, new_priority=new_priority,
                                   reason=reason, mission_id=isf.mission_id, classification=isf.classification))
    if lock_periods:
        period = period_start.replace(day=1)
        while period <= period_end:
            period_lock(user, isf, period)
            period = (period + dt.timedelta(days=32)).replace(day=1)
    return assessment


@transaction.atomic
def handover_plan_set(user, isf: Isf, *, function: str, **fields) -> HandoverPlan:
    _require_plans(user, isf.mission_id)
    plan = HandoverPlan.objects.filter(isf=isf, function=function).first() or HandoverPlan(
        isf=isf, function=function, mission_id=isf.mission_id, classification=isf.classification)
    for name, value in fields.items():
        setattr(plan, name, value)
    return _save(plan)


# --- imports of measurements ----------------------------------------------------------------------------


def measurements_import(path, *, indicator=None, user, dry_run: bool = False, skip_bad: bool = False,
                        display_name: str = "", progress=None):
    """Read a CSV, XLSX or HXL file of measurements (peaceops.mandates.importers) and store it atomically.

    Every line is checked by the same rules as entry (locked periods, units, zero denominators, unknown areas,
    indicators the user may not plan for); with any bad line nothing is written unless ``skip_bad``.
    Returns an ImportReport (peaceops.core.importing) whose errors name line and field.
    ``progress(rows_read, rows_total, errors)``, if given, is called once the whole file is read and checked.
    """
    from pathlib import Path

    name = display_name or Path(path).name
    report = ImportReport(file=name, format="", dry_run=dry_run)
    try:
        raw, bad, report.format = importers.parse(path, indicator_id=indicator.id if indicator else None)
    except ImportFileError as error:
        report.errors.append(LineError(error.line, error.field or "file", error.message))
        report.rolled_back = True
        return report
    report.read = len(raw) + len(bad)
    report.errors.extend(bad)
    if user is None:
        raise Denied("An import needs an acting user (or SYSTEM).")
    readable = visible(Indicator.objects.all(), user)
    indicators = {i.id: i for i in readable.filter(id__in={row.indicator for row in raw})}
    areas = dict(AdminArea.objects.filter(pcode__in={row.area for row in raw if row.area})
                 .values_list("pcode", "id"))
    locked = {i: locked_periods(indicator) for i, indicator in indicators.items()}
    grouped: dict[int, list[MeasurementRow]] = {}
    for row in raw:
        try:
            target = indicators.get(row.indicator)
            if target is None:
                raise MandateError("indicator", f"no indicator {row.indicator} that you may read", row.line)
            if not permits(user, Action.EDIT_PLANS, target.mission_id):
                raise MandateError("indicator", f"you may not enter measurements for indicator {target.id}", row.line)
            if row.area and row.area not in areas:
                raise MandateError("area", f"unknown P-code {row.area!r}", row.line)
            checked = measurement_check(target, MeasurementRow(
                period=row.period, value=row.value, area_id=areas.get(row.area), sex=row.sex, age=row.age,
                numerator=row.numerator, denominator=row.denominator, unit=row.unit, line=row.line),
                locked[target.id])
            grouped.setdefault(target.id, []).append(checked)
        except MandateError as error:
            report.errors.append(LineError(error.line, error.field, error.message))
    report.errors.sort(key=lambda error: error.line)
    if progress:
        progress(report.read, report.read, len(report.errors))
    if report.errors and not skip_bad:
        report.rolled_back = True
        return report
    report.skipped = len(report.errors)
    with transaction.atomic():
        for indicator_id, rows in grouped.items():
            counts = measurements_record(user, indicators[indicator_id], rows)
            report.created += counts["created"]
            report.updated += counts["updated"]
        if dry_run:
            transaction.set_rollback(True)
    return report


# --- the plan under each ISF output: activities, resources, preconditions, risks (seed 004 ch. 3-6) --------


def _new_plan_record(user, model, parent, **fields):
    """A record under ``parent`` (same mission, its level unless asked otherwise), checked once on the record
    itself: the planner's right and clearance for the mission, and a readable parent."""
    fields.setdefault("classification", parent.classification)
    many = {name: fields.pop(name) for name in [f.name for f in model._meta.many_to_many] if name in fields}
    instance = model(mission_id=parent.mission_id, **fields)
    require(user, Action.EDIT_PLANS, instance, what="change the plans of this mission")
    if not can_read_record(user, parent):
        raise Denied("You may not change records under a parent you cannot read.")
    instance._history_user = history_user(user)
    _save(instance)
    for name, values in many.items():
        getattr(instance, name).set(values)
    return instance


def _check_period(output: IsfOutput, start: dt.date | None, end: dt.date | None) -> None:
    first, last = selectors.output_period(output)
    span = f"{first or '…'}..{last or '…'}"
    if start and end and end < start:
        raise MandateError("end_date", f"the end {end} is before the start {start}")
    for name, day in (("start_date", start), ("end_date", end)):
        if day is None:
            continue
        if (first and day < first) or (last and day > last):
            raise MandateError(name, f"{day} is outside the output's period {span}")


def _check_responsible(activity: PlanActivity) -> None:
    component = activity.responsible_component
    if component is not None and component.mission_id != activity.mission_id:
        raise MandateError("responsible_component", f"component {component} belongs to another mission")


def _check_depends_on(activity: PlanActivity, others) -> list[PlanActivity]:
    """An activity waits for others of the same mission; a cycle would block them all forever (seed 004
    §1.4.8), so the mission's links are checked as they would be, before anything is saved."""
    others = list(others)
    for other in others:
        if other.mission_id != activity.mission_id:
            raise MandateError("depends_on", f"activity {other.id} belongs to another mission")
        if other.id == activity.id:
            raise MandateError("depends_on", f"activity {activity.id} cannot depend on itself")
    links = PlanActivity.depends_on.through.objects.filter(from_planactivity__mission_id=activity.mission_id)
    waits: dict[int, list[int]] = {}
    for waiting, awaited in links.values_list("from_planactivity_id", "to_planactivity_id"):
        if waiting != activity.id:
            waits.setdefault(waiting, []).append(awaited)
    waits[activity.id] = [other.id for other in others]
    cycle = mandate_checks.find_cycle({f"#{k}": [f"#{v}" for v in vs] for k, vs in waits.items()})
    if cycle:
        path = " -> ".join((*cycle, cycle[0]))
        raise MandateError("depends_on", f"sequencing cycle: activity {path} (each waits for the next; none can "
                                         "start)")
    return others


def _check_budget_line(funding_stream: str, amount, currency: str) -> tuple[str, Decimal, str]:
    """A funding stream of seed 003 §2.4, a non-negative amount and an ISO 4217 currency."""
    import pycountry

    if funding_stream not in FundingStream.values:
        raise MandateError("funding_stream", f"unknown funding stream {funding_stream!r}: use one of "
                                             f"{', '.join(FundingStream.values)}")
    try:
        amount = Decimal(str(amount))
    except (InvalidOperation, ValueError):
        raise MandateError("amount", f"{amount!r} is not an amount") from None
    if not amount.is_finite() or amount < 0:
        raise MandateError("amount", f"the amount {amount} is negative or not a number")
    currency = (currency or "").strip().upper()
    if len(currency) != 3 or pycountry.currencies.get(alpha_3=currency) is None:
        raise MandateError("currency", f"{currency or '(empty)'!r} is not an ISO 4217 currency code")
    return funding_stream, amount, currency


def _check_lessons(user, lessons) -> list[Lesson]:
    """A plan cites only lessons its planner may read (their own mission's, or shared with it)."""
    lessons = list(lessons)
    readable = set(visible(Lesson.objects.filter(pk__in=[lesson.pk for lesson in lessons]), user)
                   .values_list("pk", flat=True))
    for lesson in lessons:
        if lesson.pk not in readable:
            raise MandateError("lessons", f"no lesson {lesson.pk} that you may read")
    return lessons


@dataclass
class BudgetLine:
    funding_stream: str
    amount: object
    currency: str = "USD"
    secured: bool = False


@transaction.atomic
def activity_add(user, output: IsfOutput, *, text: str = "", library_item: FrameworkItem | None = None,
                 depends_on=(), partners=(), lessons=(), budget: Iterable[BudgetLine] = (),
                 **fields) -> PlanActivity:
    """An activity adopted from the library (its text copied, the link and source kept) or written anew,
    with its dates inside the output's period, what it waits for and its budget lines."""
    if library_item is not None:
        if library_item.kind != ItemKind.ACTIVITY:
            raise MandateError("library_item", f"library item {library_item.ref} is not an activity")
        text = text or library_item.text
        fields.setdefault("source", library_item.source)
        fields["library_text"] = library_item.text
    if not (text or "").strip():
        raise MandateError("text", "an activity needs a text or a library activity")
    _check_period(output, fields.get("start_date"), fields.get("end_date"))
    activity = _new_plan_record(user, PlanActivity, output, output=output, text=text.strip(),
                                library_item=library_item, partners=list(partners), **fields)
    _check_responsible(activity)
    activity.depends_on.set(_check_depends_on(activity, depends_on))
    activity.lessons.set(_check_lessons(user, lessons))
    for line in budget:
        budget_line_add(user, activity, funding_stream=line.funding_stream, amount=line.amount,
                        currency=line.currency, secured=line.secured)
    return activity


@transaction.atomic
def activity_update(user, activity: PlanActivity, changes: dict, *,
                    expected_etag: str | None = None) -> PlanActivity:
    """Change an activity's fields; dates stay inside the output's period, links without a cycle."""
    changes = dict(changes)
    depends_on, lessons = changes.pop("depends_on", None), changes.pop("lessons", None)
    partners = changes.pop("partners", None)
    if "output" in changes and changes["output"].pk != activity.output_id:
        raise MandateError("output", "an activity stays under its output: add a new one under the other")
    changes.pop("output", None)
    changes.pop("mission", None)  # follows the output
    if changes.get("library_item") is not None and changes["library_item"].pk != activity.library_item_id:
        raise MandateError("library_item", "adopt a library activity by adding it")
    changes.pop("library_item", None)
    activity = record_update(user, Action.EDIT_PLANS, activity, changes, expected_etag=expected_etag)
    _check_period(activity.output, activity.start_date, activity.end_date)
    _check_responsible(activity)
    if depends_on is not None:
        activity.depends_on.set(_check_depends_on(activity, depends_on))
    if lessons is not None:
        activity.lessons.set(_check_lessons(user, lessons))
    if partners is not None:
        activity.partners.set(partners)
    return activity


@transaction.atomic
def activity_set_depends_on(user, activity: PlanActivity, others) -> None:
    require(user, Action.EDIT_PLANS, activity, what="change the plans of this mission")
    activity.depends_on.set(_check_depends_on(activity, others))


@transaction.atomic
def activity_cite_lessons(user, activity: PlanActivity, lessons) -> None:
    require(user, Action.EDIT_PLANS, activity, what="change the plans of this mission")
    activity.lessons.set(_check_lessons(user, lessons))


@transaction.atomic
def budget_line_add(user, activity: PlanActivity, *, funding_stream: str, amount, currency: str = "USD",
                    secured: bool = False) -> ActivityBudget:
    funding_stream, amount, currency = _check_budget_line(funding_stream, amount, currency)
    return _new_plan_record(user, ActivityBudget, activity, activity=activity, funding_stream=funding_stream,
                            amount=amount, currency=currency, secured=secured)


@transaction.atomic
def budget_line_update(user, line: ActivityBudget, changes: dict, *,
                       expected_etag: str | None = None) -> ActivityBudget:
    changes = {k: v for k, v in changes.items() if k not in ("activity", "mission")}  # a line stays with its activity
    funding_stream, amount, currency = _check_budget_line(changes.get("funding_stream", line.funding_stream),
                                                         changes.get("amount", line.amount),
                                                         changes.get("currency", line.currency))
    changes.update({"funding_stream": funding_stream, "amount": amount, "currency": currency})
    return record_update(user, Action.EDIT_PLANS, line, changes, expected_etag=expected_etag)


@transaction.atomic
def precondition_add(user, output: IsfOutput, *, text: str = "", library_item: FrameworkItem | None = None,
                     status: str = PlanPrecondition.Status.UNKNOWN, **fields) -> PlanPrecondition:
    if library_item is not None:
        text = text or library_item.text
        fields.setdefault("source", library_item.source)
        fields["library_text"] = library_item.text
    if not (text or "").strip():
        raise MandateError("text", "a precondition needs a text or a library precondition")
    if status not in PlanPrecondition.Status.values:
        raise MandateError("status", f"unknown status {status!r}")
    return _new_plan_record(user, PlanPrecondition, output, output=output, text=text.strip(),
                            library_item=library_item, status=status, **fields)


def _check_risk(owner, review_on, likelihood, impact) -> None:
    if not (owner or "").strip():
        raise MandateError("owner", "a risk needs an owner: who watches it and acts on it")
    if review_on is None:
        raise MandateError("review_on", "a risk needs a review date")
    for name, value in (("likelihood", likelihood), ("impact", impact)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5):
            raise MandateError(name, f"rate the {name} from 1 to 5, not {value!r}")


@transaction.atomic
def risk_add(user, output: IsfOutput, *, text: str = "", owner: str = "", review_on: dt.date | None = None,
             likelihood: int | None = None, impact: int | None = None, library_item: FrameworkItem | None = None,
             **fields) -> PlanRisk:
    """A risk to the output with its owner and review date (both required), rated 1-5 when known."""
    if library_item is not None:
        if library_item.kind != ItemKind.RISK:
            raise MandateError("library_item", f"library item {library_item.ref} is not a risk")
        text = text or library_item.text
        fields.setdefault("source", library_item.source)
        fields["library_text"] = library_item.text
    if not (text or "").strip():
        raise MandateError("text", "a risk needs a text or a library risk")
    _check_risk(owner, review_on, likelihood, impact)
    risk = _new_plan_record(user, PlanRisk, output, output=output, text=text.strip(), owner=owner.strip(),
                            review_on=review_on, likelihood=likelihood, impact=impact, library_item=library_item,
                            **fields)
    _tell_leadership(user, risk)
    return risk


@transaction.atomic
def risk_update(user, risk: PlanRisk, changes: dict, *, expected_etag: str | None = None) -> PlanRisk:
    """Rate, re-own or review a risk; the register escalates it when the score reaches the threshold."""
    if "output" in changes and changes["output"].pk != risk.output_id:
        raise MandateError("output", "a risk stays under its output: add a new one under the other")
    changes = {k: v for k, v in changes.items() if k not in ("output", "library_item", "mission")}
    _check_risk(changes.get("owner", risk.owner), changes.get("review_on", risk.review_on),
                changes.get("likelihood", risk.likelihood), changes.get("impact", risk.impact))
    risk = record_update(user, Action.EDIT_PLANS, risk, changes, expected_etag=expected_etag)
    _tell_leadership(user, risk)
    return risk


def _tell_leadership(user, risk: PlanRisk) -> None:
    """A risk that reaches the register's threshold, or whose review is overdue, is notified to its mission
    (the leadership reads it in the inbox and on the register); once per risk, reason and score."""
    reasons = risks.reasons(risk.likelihood, risk.impact, risk.review_on, clock.today(), selectors.risk_threshold())
    if not reasons:
        return
    score = risks.score(risk.likelihood, risk.impact)
    label = f"{score}/25" if score else _("unrated")
    mission_notify(user, recipient=risk.mission, key=f"risk:{risk.pk}:{'+'.join(reasons)}:{score or 0}",
                   kind="risk_escalated", classification=risk.classification, as_of=clock.today(),
                   title=_("Risk escalated to leadership (%(score)s): %(text)s") % {"score": label,
                                                                                   "text": risk.text[:200]})


@transaction.atomic
def library_output_adopt(user, objective: IsfObjective, library_output: FrameworkOutput, *,
                         risk_owner: str, risk_review_on: dt.date, title: str = "",
                         start_date: dt.date | None = None, end_date: dt.date | None = None) -> IsfOutput:
    """Take a library output into the plan with its activities, preconditions and risks: their text and source
    copied, the link to each library item kept (a later library version shows the differences). The copied
    risks get the owner and review date given here (a risk needs both) and stay unrated until rated."""
    _check_risk(risk_owner, risk_review_on, None, None)
    output = output_add(user, objective, title=title, library_output=library_output)
    items = list(library_output.items.all())
    for item in items:
        if item.kind == ItemKind.ACTIVITY:
            activity_add(user, output, library_item=item, start_date=start_date, end_date=end_date)
        elif item.kind == ItemKind.PRECONDITION:
            precondition_add(user, output, library_item=item)
        elif item.kind == ItemKind.RISK:
            risk_add(user, output, library_item=item, owner=risk_owner, review_on=risk_review_on)
    return output


# --- lessons shared between missions (seed 000 §IV.A.2, §IV.A.4) ---------------------------------------------


@transaction.atomic
def lesson_record(user, *, mission, title: str, subject: str, **fields) -> Lesson:
    """A mission's lesson; its neighbours read it through a sharing agreement on lessons."""
    if not (title or "").strip():
        raise MandateError("title", "a lesson needs a title")
    if subject not in Lesson.Subject.values:
        raise MandateError("subject", f"unknown subject {subject!r}: use one of {', '.join(Lesson.Subject.values)}")
    lesson = Lesson(mission=mission, title=title.strip(), subject=subject, **fields)
    require(user, Action.EDIT_PLANS, lesson, what="record a lesson of this mission")
    lesson._history_user = history_user(user)
    return _save(lesson)


@transaction.atomic
def lesson_update(user, lesson: Lesson, changes: dict, *, expected_etag: str | None = None) -> Lesson:
    if "subject" in changes and changes["subject"] not in Lesson.Subject.values:
        raise MandateError("subject", f"unknown subject {changes['subject']!r}")
    if "mission" in changes and changes["mission"].pk != lesson.mission_id:
        raise MandateError("mission", "a lesson stays with the mission that learned it")
    return record_update(user, Action.EDIT_PLANS, lesson, changes, expected_etag=expected_etag)


@transaction.atomic
def precondition_set_status(user, precondition: PlanPrecondition, status: str) -> PlanPrecondition:
    if status not in PlanPrecondition.Status.values:
        raise MandateError("status", f"unknown status {status!r}")
    return record_update(user, Action.EDIT_PLANS, precondition, {"status": status})


# --- integration checklists (seed 004 ch. 1-2; seed 003 §2.5, rec. 3.4.4, 3.5.4-3.5.6) -----------------


@transaction.atomic
def document_add(user, *, mission, title: str, reference: str = "", issued_on=None, summary: str = "",
                 classification: int = 0, source: str = "") -> MissionDocument:
    """A document of the mission (a strategy, a plan, a protocol) that a checklist answer can cite."""
    if not (title or "").strip():
        raise MandateError("title", _("a document needs a title"))
    document = MissionDocument(mission=mission, title=title.strip(), reference=reference, issued_on=issued_on,
                                 summary=summary, classification=classification, source=source)
    require(user, Action.APPROVE, document, what="record a document of the mission's leadership")
    document._history_user = history_user(user)
    return _save(document)


def _evidence_mission_ids(name: str, record) -> set[int]:
    if name == "evidence_post":
        return {record.mission_id}
    if name == "evidence_line":
        return {record.from_post.mission_id}
    if name == "evidence_document":
        return {record.mission_id}
    return {record.organiser_id, *record.attending_missions.values_list("id", flat=True)} - {None}


EVIDENCE_KIND = {"evidence_post": "post", "evidence_line": "line", "evidence_document": "document",
                 "evidence_meeting": "meeting"}


@transaction.atomic
def checklist_item_answer(user, *, mission, item_code: str, status: str, note: str = "", evidence=None,
                          answered_on: dt.date | None = None, classification: int = 0) -> ChecklistAnswer:
    """Leadership's answer to one checklist item (seed 004 ch. 1-2; seed 003 §2.5, rec. 3.4.4, 3.5).

    ``evidence`` maps one of ``ChecklistAnswer.EVIDENCE_FIELDS`` to a record: a post or a reporting line of the
    mission, a document of the mission, or a meeting the mission organised or attended. An item "in place" or
    "partly in place" needs one; the record must be one the user may read (refused naming the field), of a kind
    the item accepts. The answer takes the higher classification of the two, so that no reader of the
    checklist learns what the evidence would not show them. A second answer replaces the first (history kept).
    """
    item = checklist.BY_CODE.get(item_code)
    if item is None:
        raise MandateError("item_code", _("unknown checklist item %(code)s") % {"code": item_code})
    if status not in ChecklistAnswer.Status.values:
        raise MandateError("status", _("status must be one of %(values)s") % {
            "values": ", ".join(ChecklistAnswer.Status.values)})
    given = {name: record for name, record in (evidence or {}).items() if record is not None}
    unknown = set(given) - set(ChecklistAnswer.EVIDENCE_FIELDS)
    if unknown:
        raise MandateError(sorted(unknown)[0], _("not a kind of evidence"))
    if len(given) > 1:
        raise MandateError(sorted(given)[1], _("give one record as evidence, not several"))
    if status != ChecklistAnswer.Status.NOT_MET and not given:
        raise MandateError("evidence", _("an item in place needs a record as evidence: a post, a reporting "
                                         "line, a document or a meeting"))
    if status == ChecklistAnswer.Status.NOT_MET and not given and not note.strip():
        raise MandateError("note", _("say why the item is not in place"))
    answer = ChecklistAnswer.objects.filter(mission=mission, item_code=item_code).first()
    if answer is not None and not can_read_record(user, answer):
        # replacing it would erase, unseen, an answer resting on evidence above the user's clearance
        raise Denied(_("this item has an answer above your clearance: a leader cleared for it may change it"),
                     field="item_code")
    answer = answer or ChecklistAnswer(mission=mission, item_code=item_code)
    answer.status, answer.note = status, note
    answer.answered_on = answered_on or clock.today()
    answer.answered_by = history_user(user)
    for name in ChecklistAnswer.EVIDENCE_FIELDS:
        setattr(answer, name, given.get(name))
    answer.classification = max([classification, *(record.classification for record in given.values())])
    # The evidence is checked first, so that a record above the user's clearance is refused by its own field
    # name rather than as the answer's classification it would have raised.
    for name, record in given.items():
        if not can_read_record(user, record):
            raise Denied(_("%(field)s: you cannot read this record, so it cannot be your evidence") % {
                "field": name}, field=name)
        if mission.id not in _evidence_mission_ids(name, record):
            raise MandateError(name, _("the record belongs to another mission"))
        if EVIDENCE_KIND[name] not in item.evidence:
            raise MandateError(name, _("item %(code)s is shown by a %(kinds)s, not a %(kind)s") % {
                "code": item.code, "kinds": " or ".join(item.evidence), "kind": EVIDENCE_KIND[name]})
    require(user, Action.APPROVE, answer, what="answer the integration checklist of this mission")
    answer._history_user = history_user(user)
    return _save(answer)
