"""Pages of the plan under each ISF output (activities, resources, preconditions, risks with their heat map), the
risk register per mission and per ISF, and the lessons missions share (seed 000 §IV.A.2, §IV.A.4).

Thin views: reads through selectors (narrowed by ``visible``), writes through services (which check
``edit_plans`` once); a record the user may not read is a 404, a write they may not make a 403, bad input a
message naming the field.
"""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from peaceops.accounts.access import visible
from peaceops.core import clock, listing
from peaceops.mandates import selectors, services
from peaceops.mandates.models import (
    FrameworkItem,
    FundingStream,
    IsfOutput,
    ItemKind,
    Lesson,
    PlanActivity,
    PlanPrecondition,
    PlanRisk,
)
from peaceops.mandates.views import _fail, _may_plan, _mission_ids, _require_plan
from peaceops.registry.models import Component, Organisation
from peaceops.web import scope


def _date(request, name: str) -> dt.date | None:
    value = request.POST.get(name, "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise services.MandateError(name, f"{value!r} is not a date (YYYY-MM-DD)") from None


def _rating(request, name: str) -> int | None:
    value = request.POST.get(name, "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise services.MandateError(name, f"rate the {name} from 1 to 5, not {value!r}")
    return int(value)


def _ids(request, name: str) -> list[int]:
    values = request.POST.getlist(name)
    bad = [v for v in values if not v.isdigit()]
    if bad:
        raise services.MandateError(name, f"{bad[0]!r} is not an id")
    return [int(v) for v in values if v]


def _readable(request, model, name: str):
    """The record named by the POST field ``name``, among those the user may read; a bad id names the field."""
    value = request.POST.get(name, "").strip()
    if not value:
        return None
    record = visible(model.objects.filter(pk=value), request.user).first() if value.isdigit() else None
    if record is None:
        raise services.MandateError(name, f"no {model._meta.verbose_name} {value} that you may read")
    return record


@login_required
@require_http_methods(["GET", "POST"])
def output_plan(request, pk):
    """The plan of one ISF output: activities with responsible entity, partners, staff, budget per funding stream
    and sequencing; preconditions with their status; risks with their heat map. Every change is a POST with an
    ``op``."""
    output = get_object_or_404(visible(IsfOutput.objects.select_related("objective__isf", "library_output"),
                                       request.user), pk=pk)
    isf = output.objective.isf
    if request.method == "POST":
        _require_plan(request, output.mission_id)
        try:
            _plan_post(request, output)
            messages.success(request, _("Saved."))
        except (services.MandateError, ValidationError) as error:
            _fail(request, error)
        return redirect("mandates:output-plan", pk=output.pk)
    output = selectors.outputs_with_plans(request.user, isf).get(pk=output.pk)
    # a component is named only to readers cleared for it (its level may be above the activity's)
    readable_components = set(visible(Component.objects.filter(mission_id=output.mission_id), request.user)
                              .values_list("pk", flat=True))
    for activity in output.activities.all():
        activity.shown_responsible = activity.responsible_organisation or (
            activity.responsible_component if activity.responsible_component_id in readable_components else None)
    risks = [selectors.risk_assessment(risk) for risk in output.risks.all()]
    start, end = selectors.output_period(output)
    library_items, considerations = [], []
    if output.library_output_id:
        library_items = list(output.library_output.items.filter(kind__in=[ItemKind.ACTIVITY, ItemKind.RISK]))
        # the library's considerations and dilemmas for this output, and those of its objective as a whole
        considerations = list(FrameworkItem.objects.filter(kind=ItemKind.CONSIDERATION).filter(
            Q(output=output.library_output) | Q(objective=output.library_output.objective_id, output=None)))
    return render(request, "mandates/output_plan.html", {
        "isf": isf, "output": output, "risks": risks, "period_start": start, "period_end": end,
        "heat_map": mark_safe(selectors.heat_map_svg(risks, _("Risks by likelihood and impact"))),
        "threshold": selectors.risk_threshold(), "may_plan": _may_plan(request, output.mission_id),
        "organisations": Organisation.objects.order_by("name"),
        "components": visible(Component.objects.filter(mission_id=output.mission_id), request.user),
        "streams": FundingStream.choices, "statuses": PlanPrecondition.Status.choices,
        "lessons": selectors.lessons_for(request.user)[:200], "library_items": library_items,
        "considerations": considerations,
        "resources": selectors.resources(request.user, isf=isf)})


def _plan_post(request, output: IsfOutput) -> None:
    op, user = request.POST.get("op"), request.user
    if op == "activity":
        budget = []
        if request.POST.get("amount", "").strip():
            budget.append(services.BudgetLine(request.POST.get("funding_stream", ""), request.POST["amount"].strip(),
                                              request.POST.get("currency", ""), bool(request.POST.get("secured"))))
        staff = request.POST.get("staff", "").strip()
        if staff and not staff.isdigit():
            raise services.MandateError("staff", f"{staff!r} is not a number of staff")
        others = visible(PlanActivity.objects.filter(pk__in=_ids(request, "depends_on")), user)
        services.activity_add(
            user, output, text=request.POST.get("text", "").strip(),
            library_item=_library_item(request, ItemKind.ACTIVITY),
            responsible_component=_readable(request, Component, "responsible_component"),
            responsible_organisation=Organisation.objects.filter(
                pk=request.POST.get("responsible_organisation") or 0).first(),
            partners=Organisation.objects.filter(pk__in=_ids(request, "partners")), staff=int(staff) if staff else None,
            start_date=_date(request, "start_date"), end_date=_date(request, "end_date"), depends_on=others,
            lessons=Lesson.objects.filter(pk__in=_ids(request, "lessons")), budget=budget)
    elif op == "budget":
        activity = _readable(request, PlanActivity, "activity")
        if activity is None or activity.output_id != output.id:
            raise services.MandateError("activity", _("choose an activity of this output"))
        services.budget_line_add(user, activity, funding_stream=request.POST.get("funding_stream", ""),
                                 amount=request.POST.get("amount", "").strip() or "?",
                                 currency=request.POST.get("currency", ""), secured=bool(request.POST.get("secured")))
    elif op == "precondition":
        services.precondition_add(user, output, text=request.POST.get("text", "").strip(),
                                  status=request.POST.get("status") or PlanPrecondition.Status.UNKNOWN)
    elif op == "precondition-status":
        precondition = _readable(request, PlanPrecondition, "precondition")
        if precondition is None or precondition.output_id != output.id:
            raise services.MandateError("precondition", _("choose a precondition of this output"))
        services.precondition_set_status(user, precondition, request.POST.get("status", ""))
    elif op == "risk":
        services.risk_add(user, output, text=request.POST.get("text", "").strip(),
                          library_item=_library_item(request, ItemKind.RISK),
                          owner=request.POST.get("owner", "").strip(), review_on=_date(request, "review_on"),
                          likelihood=_rating(request, "likelihood"), impact=_rating(request, "impact"),
                          mitigation=request.POST.get("mitigation", "").strip())
    elif op == "rate":
        risk = _readable(request, PlanRisk, "risk")
        if risk is None or risk.output_id != output.id:
            raise services.MandateError("risk", _("choose a risk of this output"))
        changes = {"likelihood": _rating(request, "likelihood"), "impact": _rating(request, "impact")}
        for name in ("owner", "mitigation"):
            if name in request.POST:
                changes[name] = request.POST[name].strip()
        if request.POST.get("review_on", "").strip():
            changes["review_on"] = _date(request, "review_on")
        services.risk_update(user, risk, changes)
    else:
        raise services.MandateError("op", "unknown change")


def _library_item(request, kind: str):
    value = request.POST.get("library_item", "").strip()
    if not value:
        return None
    item = FrameworkItem.objects.filter(pk=value, kind=kind).first() if value.isdigit() else None
    if item is None:
        raise services.MandateError("library_item", f"no library item {value} of kind {kind}")
    return item


@login_required
def risk_register(request):
    """The risks of the missions in scope (or of one ISF, ``?isf=``) with their score and escalation to the
    leadership: score at or above the threshold, or review overdue (peaceops.mandates.risks)."""
    mission_ids = list(_mission_ids(request))
    isf = None
    if request.GET.get("isf", "").isdigit():
        isf = get_object_or_404(selectors.isfs_for(request.user, mission_ids), pk=request.GET["isf"])
    register = selectors.risk_register(request.user, mission_ids=mission_ids, isf=isf)
    rows = listing.paginate(request.GET, register, _register_sorts(register), "urgency", 50)
    return render(request, "mandates/risk_register.html", {
        "isf": isf, "listing": rows, "register": rows.page, "escalated": [row for row in register if row.escalated],
        "heat_map": mark_safe(selectors.heat_map_svg(register, _("Risks by likelihood and impact"))),
        "threshold": selectors.risk_threshold(), "today": clock.today(),
        "resources": selectors.resources(request.user, mission_ids=mission_ids, isf=isf)})


def _register_sorts(register):
    """The register's sortable columns (peaceops.core.listing); "urgency" is the register's own order."""
    urgency = {id(row): position for position, row in enumerate(register)}
    return {
        "urgency": lambda row: urgency[id(row)], "mission": lambda row: row.risk.mission_acronym,
        "framework": lambda row: row.risk.isf_title, "output": lambda row: row.risk.output_title,
        "risk": lambda row: row.risk.text.lower(), "score": lambda row: row.score,
        "owner": lambda row: row.risk.owner.lower(), "review": lambda row: row.risk.review_on,
    }


# The lessons' orders, offered in the search form (cards have no column headers).
LESSON_SORTS = {"recorded": ("recorded_on", "id"), "title": "title", "mission": "mission__acronym",
                "subject": "subject"}
LESSON_ORDERS = [("-recorded", gettext_lazy("Newest first")), ("recorded", gettext_lazy("Oldest first")),
                 ("title", gettext_lazy("Title")), ("mission", gettext_lazy("Mission")),
                 ("subject", gettext_lazy("Subject"))]


@login_required
@require_http_methods(["GET", "POST"])
def lessons(request):
    """Lessons of the missions in scope and those shared with them under an agreement on lessons; planners of
    the current mission record new ones."""
    scope_now = scope.current(request)
    may_add = scope_now["kind"] == "mission" and _may_plan(request, scope_now["id"])
    if request.method == "POST":
        if not may_add:
            raise PermissionDenied(_("You may not record lessons for this mission."))
        try:
            services.lesson_record(
                request.user, mission=scope_now["object"], title=request.POST.get("title", ""),
                subject=request.POST.get("subject", ""), context=request.POST.get("context", "").strip(),
                what_worked=request.POST.get("what_worked", "").strip(),
                what_did_not=request.POST.get("what_did_not", "").strip(),
                evidence=request.POST.get("evidence", "").strip(), recorded_on=clock.today())
            messages.success(request, _("Lesson recorded."))
        except (services.MandateError, ValidationError) as error:
            _fail(request, error)
        return redirect("mandates:lessons")
    query, subject = request.GET.get("q", ""), request.GET.get("subject", "")
    found = selectors.lessons_for(request.user, query, subject if subject in Lesson.Subject.values else "")
    rows = listing.paginate(request.GET, found, LESSON_SORTS, "-recorded", 25)
    return render(request, "mandates/lessons.html", {
        "listing": rows, "lessons": rows.page, "query": query, "subject": subject,
        "lesson_orders": LESSON_ORDERS, "lesson_order": f"{'-' if rows.descending else ''}{rows.sort_key}",
        "subjects": Lesson.Subject.choices, "may_add": may_add})


urlpatterns = [
    path("output/<int:pk>/plan/", output_plan, name="output-plan"),
    path("risks/", risk_register, name="risk-register"),
    path("lessons/", lessons, name="lessons"),
]
