"""Pages of the mandates module: the mandate (tasks, health, sequencing), the library, the ISF builder,
measurement entry and upload, assessment, dashboard, transition.

Thin views: reads through selectors (narrowed by ``visible``), writes through services (which check
``edit_plans`` again); a record the user may not read is a 404, a write they may not make a 403.
"""

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from peaceops.accounts.access import can, visible
from peaceops.accounts.roles import Action
from peaceops.core import charts, clock, query
from peaceops.core.background import job_start
from peaceops.core.uploads import validate_upload_size
from peaceops.core.widgets import IsoDateInput
from peaceops.mandates import health_messages, rollup, selectors, services
from peaceops.mandates.models import (
    FrameworkItem,
    FrameworkObjective,
    FrameworkOutput,
    HandoverPlan,
    Horizon,
    Indicator,
    IndicatorTarget,
    Isf,
    IsfBenchmark,
    IsfObjective,
    IsfOutput,
    ItemKind,
    Priority,
)
from peaceops.registry.models import AdminArea, Component, Country, Organisation
from peaceops.web import scope

DATE = IsoDateInput()
PRIORITIES = [("", "—"), *Priority.choices]


def _mission_ids(request):
    return scope.mission_ids_in_scope(request)


def _may_plan(request, mission_id) -> bool:
    return can(request.user, Action.EDIT_PLANS, mission_id)


def _require_plan(request, mission_id) -> None:
    if not _may_plan(request, mission_id):
        raise PermissionDenied(_("You may not change the plans of this mission."))


def _isf(request, pk) -> Isf:
    return get_object_or_404(selectors.isfs_for(request.user), pk=pk)


def _window(request, isf: Isf) -> tuple[dt.date, dt.date]:
    """The assessment window: ?start=&end=, else the ISF's dates, else the last twelve months."""
    today = clock.today()
    start = query.query_date(request.GET, "start")
    end = query.query_date(request.GET, "end")
    end = end or isf.end_date or today
    start = start or isf.start_date or end.replace(year=end.year - 1)
    query.check_period(start, end)  # a reversed window has no months to roll up
    return start, end


def _fail(request, error) -> None:
    if isinstance(error, ValidationError):
        text = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items()) \
            if hasattr(error, "message_dict") else " ".join(error.messages)
    else:
        text = str(error)
    messages.error(request, text)


# --- the mandate ------------------------------------------------------------------------------------------


class PriorityForm(forms.Form):
    task = forms.IntegerField(widget=forms.HiddenInput)
    priority = forms.ChoiceField(label=gettext_lazy("Priority"), choices=PRIORITIES, required=False)


class TaskForm(forms.Form):
    paragraph = forms.CharField(label=gettext_lazy("Operative paragraph"), max_length=40, required=False)
    text = forms.CharField(label=gettext_lazy("Task"), widget=forms.Textarea(attrs={"rows": 2}))
    priority = forms.ChoiceField(label=gettext_lazy("Priority"), choices=PRIORITIES, required=False)
    waits_for = forms.IntegerField(label=gettext_lazy("Waits for task (id)"), required=False)


@login_required
@require_http_methods(["GET", "POST"])
def mandate(request):
    """Mandated tasks of the missions in scope, their health checks, sequencing and shortfalls."""
    mission_ids = list(_mission_ids(request))
    if request.method == "POST":
        return _mandate_post(request, mission_ids)
    tasks = list(selectors.tasks_for(request.user, mission_ids).prefetch_related("waits_for", "benchmarks"))
    missions = {}
    for task in tasks:
        missions.setdefault(task.mission, []).append(
            {"task": task, "shortfall": selectors.shortfall(task), "waits_for": list(task.waits_for.all()),
             "may_plan": _may_plan(request, task.mission_id)})
    health = {mission: health_messages.translated_all(selectors.mandate_health(request.user, mission.id))
              for mission in missions}
    scope_now = scope.current(request)
    return render(request, "mandates/mandate.html", {
        "missions": [(mission, rows, health[mission]) for mission, rows in missions.items()],
        "form": TaskForm(), "priorities": Priority.choices,
        "may_add": scope_now["kind"] == "mission" and _may_plan(request, scope_now["id"])})


def _mandate_post(request, mission_ids):
    if "task" in request.POST:  # a priority change
        form = PriorityForm(request.POST)
        if form.is_valid():
            task = get_object_or_404(selectors.tasks_for(request.user, mission_ids), pk=form.cleaned_data["task"])
            _require_plan(request, task.mission_id)
            services.task_set_priority(request.user, task, form.cleaned_data["priority"])
            messages.success(request, _("Priority changed."))
        return redirect("mandates:mandate")
    scope_now = scope.current(request)
    if scope_now["kind"] != "mission":
        raise PermissionDenied(_("Choose one mission to add a task to."))
    _require_plan(request, scope_now["id"])
    form = TaskForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        waits = []
        if data["waits_for"]:
            waits = [get_object_or_404(selectors.tasks_for(request.user, [scope_now["id"]]), pk=data["waits_for"])]
        try:
            services.task_create(request.user, mission=scope_now["object"], text=data["text"],
                                 paragraph=data["paragraph"], priority=data["priority"], waits_for=waits)
            messages.success(request, _("Task added."))
        except (services.MandateError, ValidationError) as error:
            _fail(request, error)
    return redirect("mandates:mandate")


# --- the library ------------------------------------------------------------------------------------------


@login_required
def library(request):
    """Seed 004 ch. 3-6, searchable; from an ISF builder (?output=ID) each benchmark can be added to it."""
    query, kind, horizon = request.GET.get("q", ""), request.GET.get("kind", ""), request.GET.get("horizon", "")
    items = selectors.library_search(query, kind if kind in ItemKind.values else "",
                                     horizon if horizon in Horizon.values else "")
    output = None
    if request.GET.get("output", "").isdigit():
        output = visible(IsfOutput.objects.filter(pk=request.GET["output"]), request.user).first()
    return render(request, "mandates/library.html", {
        "items": items[:200], "total": items.count(), "query": query, "kind": kind, "horizon": horizon,
        "kinds": ItemKind.choices, "horizons": Horizon.choices, "output": output,
        "objectives": FrameworkObjective.objects.prefetch_related("outputs")})


# --- the ISF builder --------------------------------------------------------------------------------------


class IsfForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    country = forms.CharField(label=gettext_lazy("Country (ISO3)"), max_length=3)
    start_date = forms.DateField(label=gettext_lazy("Start"), required=False, widget=DATE)
    end_date = forms.DateField(label=gettext_lazy("End"), required=False, widget=DATE)


@login_required
@require_http_methods(["GET", "POST"])
def isf_list(request):
    mission_ids = list(_mission_ids(request))
    scope_now = scope.current(request)
    may_add = scope_now["kind"] == "mission" and _may_plan(request, scope_now["id"])
    form = IsfForm(request.POST or None)
    if request.method == "POST":
        if not may_add:
            raise PermissionDenied(_("You may not change the plans of this mission."))
        if form.is_valid():
            country = Country.objects.filter(iso3__iexact=form.cleaned_data["country"]).first()
            if country is None:
                form.add_error("country", _("No such country."))
            else:
                isf = services.isf_create(request.user, mission=scope_now["object"], country=country,
                                          title=form.cleaned_data["title"], start_date=form.cleaned_data["start_date"],
                                          end_date=form.cleaned_data["end_date"])
                return redirect("mandates:isf", pk=isf.pk)
    return render(request, "mandates/isf_list.html", {
        "isfs": selectors.isfs_for(request.user, mission_ids), "form": form, "may_add": may_add})


class IndicatorForm(forms.Form):
    benchmark = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label=gettext_lazy("Indicator"), max_length=300)
    kind = forms.ChoiceField(label=gettext_lazy("Type"), choices=Indicator.Kind.choices)
    unit = forms.CharField(label=gettext_lazy("Unit"), max_length=40, required=False)
    baseline = forms.FloatField(label=gettext_lazy("Baseline"), required=False)
    target = forms.FloatField(label=gettext_lazy("Target"), required=False)
    target_period = forms.DateField(label=gettext_lazy("Target date"), required=False,
                                    widget=DATE)
    area_rule = forms.ChoiceField(label=gettext_lazy("Across areas"), choices=Indicator.AreaRule.choices)
    period_rule = forms.ChoiceField(label=gettext_lazy("Across periods"), choices=Indicator.PeriodRule.choices)
    data_source = forms.CharField(label=gettext_lazy("Data source"), max_length=300, required=False)
    by_sex = forms.BooleanField(label=gettext_lazy("by sex"), required=False)
    by_age = forms.BooleanField(label=gettext_lazy("by age"), required=False)
    by_area = forms.BooleanField(label=gettext_lazy("by area"), required=False)


@login_required
@require_http_methods(["GET", "POST"])
def isf(request, pk):
    """The ISF builder: objectives (from the library or new), outputs, benchmarks picked from the library,
    indicators. Every change is a POST with an ``op``."""
    framework = _isf(request, pk)
    if request.method == "POST":
        _require_plan(request, framework.mission_id)
        try:
            _builder_post(request, framework)
        except (services.MandateError, ValidationError) as error:
            _fail(request, error)
        return redirect("mandates:isf", pk=framework.pk)
    objectives = visible(framework.objectives.all(), request.user).prefetch_related(*_readable_tree(request.user))
    return render(request, "mandates/isf.html", {
        "isf": framework, "objectives": objectives, "may_plan": _may_plan(request, framework.mission_id),
        "library_objectives": FrameworkObjective.objects.prefetch_related("outputs"),
        "organisations": Organisation.objects.order_by("name"),
        "components": visible(Component.objects.filter(mission_id=framework.mission_id), request.user),
        "indicator_form": IndicatorForm(), "handover": visible(framework.handover_plans.all(), request.user)})


def _readable_tree(user) -> list[Prefetch]:
    """The ISF's outputs, benchmarks, indicators and targets the user may read (each level can be classified
    above its parent), prefetched level by level."""
    return [
        Prefetch("outputs", queryset=visible(IsfOutput.objects.all(), user)),
        Prefetch("outputs__benchmarks", queryset=visible(IsfBenchmark.objects.select_related("library_item"), user)),
        Prefetch("outputs__benchmarks__indicators", queryset=visible(Indicator.objects.all(), user)),
        Prefetch("outputs__benchmarks__indicators__targets", queryset=visible(IndicatorTarget.objects.all(), user)),
    ]


def _visible_child(request, model, key):
    value = request.POST.get(key, "")
    if not value.isdigit():
        raise Http404
    return get_object_or_404(visible(model.objects.all(), request.user), pk=value)


def _builder_post(request, framework):
    op = request.POST.get("op")
    user = request.user
    if op == "objective":
        library_objective = FrameworkObjective.objects.filter(pk=request.POST.get("library_objective") or 0).first()
        organisation = Organisation.objects.filter(pk=request.POST.get("responsible_organisation") or 0).first()
        services.objective_add(user, framework, title=request.POST.get("title", "").strip(),
                               library_objective=library_objective, responsible_organisation=organisation)
    elif op == "output":
        objective = _visible_child(request, IsfObjective, "objective")
        library_output = FrameworkOutput.objects.filter(pk=request.POST.get("library_output") or 0).first()
        services.output_add(user, objective, title=request.POST.get("title", "").strip(),
                            library_output=library_output)
    elif op == "adopt":
        objective = _visible_child(request, IsfObjective, "objective")
        library_output = FrameworkOutput.objects.filter(pk=request.POST.get("library_output") or 0).first()
        if library_output is None:
            raise services.MandateError("library_output", _("choose a library output"))
        try:
            review_on = dt.date.fromisoformat(request.POST.get("risk_review_on", ""))
        except ValueError:
            raise services.MandateError("risk_review_on", _("give the first review date as YYYY-MM-DD")) from None
        output = services.library_output_adopt(user, objective, library_output,
                                               risk_owner=request.POST.get("risk_owner", "").strip(),
                                               risk_review_on=review_on)
        messages.success(request, _("Adopted with %(activities)s activities and %(risks)s risks.")
                         % {"activities": output.activities.count(), "risks": output.risks.count()})
        return
    elif op == "benchmark":
        output = _visible_child(request, IsfOutput, "output")
        item = FrameworkItem.objects.filter(pk=request.POST.get("library_item") or 0).first()
        services.benchmark_add(user, output, text=request.POST.get("text", "").strip(), library_item=item,
                               transition=bool(request.POST.get("transition")),
                               function=request.POST.get("function", "").strip(),
                               measures_mission_activity=bool(request.POST.get("measures_mission_activity")))
    elif op == "indicator":
        form = IndicatorForm(request.POST)
        if not form.is_valid():
            raise ValidationError(form.errors)
        data = form.cleaned_data
        benchmark = get_object_or_404(visible(IsfBenchmark.objects.all(), user), pk=data["benchmark"])
        targets = {data["target_period"] or framework.end_date or clock.today(): data["target"]} \
            if data["target"] is not None else None
        services.indicator_add(user, benchmark, name=data["name"], kind=data["kind"], unit=data["unit"],
                               baseline=data["baseline"], area_rule=data["area_rule"],
                               period_rule=data["period_rule"], data_source=data["data_source"],
                               disaggregation=[k for k in ("sex", "age", "area") if data[f"by_{k}"]], targets=targets)
    elif op == "handover":
        organisation = Organisation.objects.filter(pk=request.POST.get("responsible_organisation") or 0).first()
        services.handover_plan_set(user, framework, function=request.POST.get("function", "").strip(),
                                   responsible_organisation=organisation,
                                   status=request.POST.get("status") or HandoverPlan.Status.PLANNED)
    elif op == "lock":
        services.period_lock(user, framework, dt.date.fromisoformat(request.POST.get("period", "") + "-01"))
    else:
        raise services.MandateError("op", "unknown change")
    messages.success(request, _("Saved."))


# --- measurements -------------------------------------------------------------------------------------------


class MeasurementForm(forms.Form):
    period = forms.CharField(label=gettext_lazy("Period (YYYY-MM)"), max_length=10)
    area = forms.CharField(label=gettext_lazy("Area P-code"), max_length=32, required=False)
    sex = forms.ChoiceField(label=gettext_lazy("Sex"), required=False,
                            choices=[("", "—"), ("f", gettext_lazy("female")), ("m", gettext_lazy("male"))])
    age = forms.CharField(label=gettext_lazy("Age group"), max_length=16, required=False)
    value = forms.FloatField(label=gettext_lazy("Value"), required=False)
    numerator = forms.FloatField(label=gettext_lazy("Numerator"), required=False)
    denominator = forms.FloatField(label=gettext_lazy("Denominator"), required=False)
    unit = forms.CharField(label=gettext_lazy("Unit"), max_length=40, required=False)


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV, XLSX or HXL file"), validators=[validate_upload_size])


@login_required
@require_http_methods(["GET", "POST"])
def measurements(request, pk):
    indicator = get_object_or_404(visible(Indicator.objects.select_related("benchmark"), request.user), pk=pk)
    form, upload = MeasurementForm(request.POST or None), UploadForm()
    if request.method == "POST":
        _require_plan(request, indicator.mission_id)
        if request.FILES.get("file"):
            upload = UploadForm(request.POST, request.FILES)
            if upload.is_valid():  # a file over the upload limit is refused in the form, by name
                # The import runs as a background job (its owner's rights checked again by the import service).
                job = job_start(request.user, kind="import-measurements", upload=upload.cleaned_data["file"],
                                params={"indicator_id": indicator.pk})
                return redirect("jobs:job", job_id=job.pk)
        elif form.is_valid():
            data = form.cleaned_data
            try:
                area = None
                if data["area"]:
                    area = AdminArea.objects.filter(pcode=data["area"]).first()
                    if area is None:
                        raise services.MandateError("area", f"unknown P-code {data['area']!r}")
                period = dt.date.fromisoformat(data["period"][:7] + "-01")
                services.measurements_record(request.user, indicator, [services.MeasurementRow(
                    period=period, value=data["value"], area_id=area.id if area else None, sex=data["sex"],
                    age=data["age"], numerator=data["numerator"], denominator=data["denominator"],
                    unit=data["unit"])])
                messages.success(request, _("Measurement saved."))
                return redirect("mandates:measurements", pk=indicator.pk)
            except ValueError as error:  # MandateError included, and a bad period
                _fail(request, error)
    rows = visible(indicator.measurements.select_related("area", "entered_by"), request.user).order_by(
        "-period", "area__pcode", "sex", "age")[:200]
    return render(request, "mandates/measurements.html", {
        "indicator": indicator, "form": form, "upload": upload, "rows": rows,
        "may_plan": _may_plan(request, indicator.mission_id), "isf_id": indicator.benchmark.output.objective.isf_id})


# --- assessment ---------------------------------------------------------------------------------------------


class AssessmentForm(forms.Form):
    period_start = forms.DateField(label=gettext_lazy("From"), widget=DATE)
    period_end = forms.DateField(label=gettext_lazy("To"), widget=DATE)
    narrative = forms.CharField(label=gettext_lazy("Narrative"), widget=forms.Textarea(attrs={"rows": 3}),
                                required=False)
    evidence = forms.CharField(label=gettext_lazy("Evidence"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    recommendations = forms.CharField(label=gettext_lazy("Recommendations"), widget=forms.Textarea(attrs={"rows": 2}),
                                      required=False)
    lock = forms.BooleanField(label=gettext_lazy("Lock the periods assessed"), required=False)


@login_required
@require_http_methods(["GET", "POST"])
def assessment(request, pk):
    """A periodic assessment beside the roll-up; a new priority per task is a decision that re-plans."""
    framework = _isf(request, pk)
    start, end = _window(request, framework)
    tasks = list(selectors.tasks_for(request.user, [framework.mission_id]))
    form = AssessmentForm(request.POST or None, initial={"period_start": start, "period_end": end})
    if request.method == "POST":
        _require_plan(request, framework.mission_id)
        if form.is_valid():
            data = form.cleaned_data
            decisions = []
            for task in tasks:
                chosen = request.POST.get(f"priority_{task.id}")
                if chosen is not None and chosen != task.priority and chosen in ("", *Priority.values):
                    decisions.append((task, chosen, request.POST.get(f"reason_{task.id}", "")))
            try:
                services.assessment_record(request.user, framework, period_start=data["period_start"],
                                           period_end=data["period_end"], narrative=data["narrative"],
                                           evidence=data["evidence"], recommendations=data["recommendations"],
                                           decisions=decisions, lock_periods=data["lock"])
                messages.success(request, _("Assessment recorded; %(count)s priorities changed.")
                                 % {"count": len(decisions)})
                return redirect("mandates:assessment", pk=framework.pk)
            except (services.MandateError, ValidationError) as error:
                _fail(request, error)
    rolled = selectors.isf_rollup(request.user, framework, start, end)
    past = visible(framework.assessments.all(), request.user).prefetch_related("decisions__task")
    return render(request, "mandates/assessment.html", {
        "isf": framework, "form": form, "tasks": tasks, "priorities": Priority.choices,
        "summary": _objective_rows(rolled), "past": past, "may_plan": _may_plan(request, framework.mission_id),
        "rule": rollup.RAG_RULE})


# --- dashboard and transition -------------------------------------------------------------------------------


RAG_WORDS = {"green": gettext_lazy("green: on track"), "amber": gettext_lazy("amber: at risk"),
             "red": gettext_lazy("red: off track"), "grey": gettext_lazy("grey: not measured")}


def _dot(rag: str) -> str:
    return mark_safe(charts.rag_dot(rag, str(RAG_WORDS.get(rag, rag))))


def _nan_none(value):
    return None if value is None or value != value else float(value)


def _objective_rows(rolled) -> list[dict]:
    result = rolled.result
    rows = []
    for n, objective in enumerate(rolled.objectives):
        progress = _nan_none(result.objective_progress[n]) if result else None
        rag = rollup.rag(progress if progress is not None else float("nan"))
        rows.append({"objective": objective, "progress": progress, "rag": rag,
                     "dot": _dot(rag)})
    return rows


@login_required
def dashboard(request, pk):
    """One screen: objectives with red/amber/green and the rule, every indicator with its series, trend and
    disaggregated charts (sex, age, area) of the latest period."""
    framework = _isf(request, pk)
    start, end = _window(request, framework)
    rolled = selectors.isf_rollup(request.user, framework, start, end)
    indicators = []
    titles = {"sex": _("By sex"), "age": _("By age"), "area": _("By area")}
    if rolled.result is not None:
        result = rolled.result
        for n, indicator in enumerate(rolled.indicators):
            progress = _nan_none(result.progress[n])
            rag = rollup.rag(progress if progress is not None else float("nan"))
            breakdown = selectors.breakdown(request.user, indicator)
            indicators.append({
                "indicator": indicator, "value": _nan_none(result.value[n]), "progress": progress, "rag": rag,
                "dot": _dot(rag), "trend": rollup.trend_word(result.trend[n]),
                "spark": mark_safe(charts.sparkline(list(result.series[n]), title=indicator.name,
                                                    baseline=indicator.baseline,
                                                    baseline_name=_("baseline"), target_name=_("target"),
                                                    locale=get_language())),
                "charts": [mark_safe(charts.bars(pairs, title=titles[key], locale=get_language(),
                                                 x_label=indicator.unit or _("value")))
                           for key, pairs in breakdown.items()]})
    escalated = [row for row in selectors.risk_register(request.user, isf=framework) if row.escalated]
    return render(request, "mandates/dashboard.html", {
        "isf": framework, "start": start, "end": end, "objectives": _objective_rows(rolled),
        "indicators": indicators, "rule": rollup.RAG_RULE, "escalated": escalated,
        "threshold": selectors.risk_threshold()})


@login_required
def transition(request, pk):
    framework = _isf(request, pk)
    start, end = _window(request, framework)
    rows = selectors.transition_readiness(request.user, framework, start, end)
    for row in rows:
        row["dot"] = _dot(row["rag"])
    return render(request, "mandates/transition.html", {"isf": framework, "rows": rows, "start": start, "end": end,
                                                        "may_plan": _may_plan(request, framework.mission_id),
                                                        "statuses": HandoverPlan.Status.choices,
                                                        "organisations": Organisation.objects.order_by("name")})


urlpatterns = [
    path("", mandate, name="mandate"),
    path("library/", library, name="library"),
    path("isf/", isf_list, name="isf-list"),
    path("isf/<int:pk>/", isf, name="isf"),
    path("isf/<int:pk>/assessment/", assessment, name="assessment"),
    path("isf/<int:pk>/dashboard/", dashboard, name="dashboard"),
    path("isf/<int:pk>/transition/", transition, name="transition"),
    path("indicator/<int:pk>/measurements/", measurements, name="measurements"),
]
