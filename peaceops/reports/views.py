"""Pages of the reports app: the list with a new-draft form (a background job drafts), a report with its sections,
section editing.

Thin views: reads through ``selectors``, writes through ``services`` (which check the roles); a report or
section the reader may not see answers 404, like one that does not exist.
"""

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from peaceops.accounts.access import can
from peaceops.accounts.roles import Action
from peaceops.core import clock, listing
from peaceops.core.background import job_start
from peaceops.core.widgets import IsoDateInput
from peaceops.registry.models import Mission, Region
from peaceops.reports import render as renderers
from peaceops.reports import selectors, services
from peaceops.reports.api import export_response
from peaceops.reports.jobs import draft_params
from peaceops.reports.models import Report
from peaceops.web import scope


def _quarter_before(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last full quarter: the threat assessment is quarterly (seed 000 §IV.C.3)."""
    first_of_quarter = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = first_of_quarter - dt.timedelta(days=1)
    return dt.date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end


class DraftForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Report.Kind.choices)
    period_start = forms.DateField(label=_("From"), widget=IsoDateInput())
    period_end = forms.DateField(label=_("To"), widget=IsoDateInput())
    title = forms.CharField(label=_("Title (optional)"), max_length=300, required=False)


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 16}), required=False,
                           help_text=_("Paragraphs are separated by a blank line."))


def _scope_parts(request) -> tuple[Mission | None, Region | None]:
    """The drafting mission and, in a region scope, the region (drafted by the first mission one may author for)."""
    current = scope.current(request)
    if current["kind"] == scope.MISSION:
        return current["object"], None
    if current["kind"] == scope.REGION:
        missions = Mission.objects.filter(id__in=scope.mission_ids_in_scope(request)).order_by("acronym")
        authoring = [m for m in missions if any(can(request.user, action, m.id)
                                                for action in services.AUTHOR_ACTION.values())]
        return (authoring or list(missions) or [None])[0], current["object"]
    return None, None


# The list's sortable columns (peaceops.core.listing): ?sort= key -> fields.
REPORT_SORTS = {"title": "title", "kind": ("kind", "-period_end"), "period": ("period_end", "period_start"),
                "mission": "owning_mission__acronym", "status": "status", "classification": "classification"}


@login_required
@require_http_methods(["GET", "POST"])
def report_list(request):
    mission, region = _scope_parts(request)
    may_draft = mission is not None and any(can(request.user, a, mission.id) for a in services.AUTHOR_ACTION.values())
    start, end = _quarter_before(clock.today())
    form = DraftForm(request.POST or None, initial={"period_start": start, "period_end": end})
    if request.method == "POST" and may_draft and form.is_valid():
        data = form.cleaned_data
        if can(request.user, services.AUTHOR_ACTION[data["kind"]], mission.id):
            # Drafting reads every app's data for the period: a background job, whose page links the draft.
            job = job_start(request.user, kind="draft-report", title=data["title"] or services.default_title(
                data["kind"], region.name if region else mission.acronym, data["period_start"], data["period_end"]),
                params=draft_params(kind=data["kind"], mission=mission, region=region, start=data["period_start"],
                                    end=data["period_end"], title=data["title"]))
            return redirect("jobs:job", job_id=job.pk)
        form.add_error("kind", _t("You may not draft this kind of report for %(mission)s.")
                       % {"mission": mission.acronym})
    rows = listing.paginate(request.GET, selectors.reports_for(request.user), REPORT_SORTS, "-period", 50)
    return render(request, "reports/list.html", {
        "listing": rows, "reports": rows.page, "form": form, "may_draft": may_draft, "mission": mission,
        "region": region, "late": selectors.late_reports(request.user)})


def _report_or_404(request, report_id: int) -> Report:
    report = selectors.report_for(request.user, report_id)
    if report is None:
        raise Http404("No such report.")
    return report


@login_required
@require_GET
def report_detail(request, report_id: int):
    report = _report_or_404(request, report_id)
    sections = [(section, services.may_edit_section(request.user, section), selectors.read_from(section))
                for section in selectors.sections_for(request.user, report)]
    parts = [{**part, "may_approve": not part["approved"]
              and services.may_approve_part(request.user, report, part["mission"])}
             for part in selectors.part_approvals(report)]
    return render(request, "reports/detail.html", {
        "report": report, "sections": sections, "formats": list(renderers.FORMATS), "parts": parts,
        "joint": len(parts) > 1,
        "may_redraft": not report.locked and can(request.user, services.AUTHOR_ACTION[report.kind],
                                                 report.owning_mission_id),
        "may_approve": not report.locked and can(request.user, Action.APPROVE, report.owning_mission_id)})


@login_required
@require_POST
def report_change(request, report_id: int, change: str):
    report = _report_or_404(request, report_id)
    try:
        {"redraft": services.report_redraft, "approve": services.report_approve}[change](report, request.user)
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _t("Report approved and locked.") if change == "approve"
                         else _t("Sections nobody edited were redrafted from the data."))
    return redirect("reports:detail", report.pk)


@login_required
@require_POST
def part_approve(request, report_id: int, mission_id: int):
    report = _report_or_404(request, report_id)
    mission = Mission.objects.filter(pk=mission_id).first()
    if mission is None:
        raise Http404("No such mission.")
    try:
        services.report_approve_part(report, mission, request.user)
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _t("The part of %(mission)s is approved.") % {"mission": mission.acronym})
    return redirect("reports:detail", report.pk)


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request, report_id: int, section_id: int):
    report = _report_or_404(request, report_id)
    section = selectors.sections_for(request.user, report).filter(pk=section_id).first()
    if section is None:
        raise Http404("No such section.")
    if not services.may_edit_section(request.user, section):
        raise PermissionDenied("This section is written by another mission's staff, or the report is locked.")
    form = SectionForm(request.POST or None, initial={"title": section.title, "body": section.body})
    if request.method == "POST" and form.is_valid():
        services.section_edit(section, request.user, title=form.cleaned_data["title"], body=form.cleaned_data["body"])
        return redirect("reports:detail", report.pk)
    return render(request, "reports/section_form.html", {"report": report, "section": section, "form": form})


@login_required
@require_GET
def report_export(request, report_id: int, fmt: str):
    report = _report_or_404(request, report_id)
    if fmt not in renderers.FORMATS:
        raise Http404("Unknown format.")
    return export_response(renderers.render(selectors.document(request.user, report), fmt), fmt, report)


urlpatterns = [
    path("", report_list, name="list"),
    path("<int:report_id>/", report_detail, name="detail"),
    path("<int:report_id>/redraft/", report_change, {"change": "redraft"}, name="redraft"),
    path("<int:report_id>/approve/", report_change, {"change": "approve"}, name="approve"),
    path("<int:report_id>/parts/<int:mission_id>/approve/", part_approve, name="approve-part"),
    path("<int:report_id>/sections/<int:section_id>/", section_edit, name="section-edit"),
    path("<int:report_id>/export.<str:fmt>", report_export, name="export"),
]
