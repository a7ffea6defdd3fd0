"""Pages of the incident log: list, detail with history, entry and correction, status, map, exports.

Thin views: reads from log.selectors (every one narrowed by ``visible``), writes through
log_services. A report the user may not read answers 404 everywhere, as in the API.
"""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from peaceops.accounts.access import access_for, can, permits
from peaceops.accounts.roles import Action
from peaceops.core import listing, query
from peaceops.core.background import job_start
from peaceops.core.errors import DomainError, PreconditionFailed
from peaceops.incidents import workflow
from peaceops.incidents.filters import IncidentFilter
from peaceops.incidents.log import export
from peaceops.incidents.log import selectors as log_selectors
from peaceops.incidents.log import services as log_services
from peaceops.incidents.log.forms import IncidentForm, initial_from
from peaceops.incidents.models import Incident
from peaceops.incidents.taxonomy import Category
from peaceops.registry.models import Mission
from peaceops.web import scope

PAGE_SIZE = 50
# The log's sortable columns: only what a row shows (see peaceops.core.listing).
LIST_SORTS = {
    "id": "id", "date": ("start_date", "start_time"), "category": "category", "place": ("location", "admin1"),
    "deaths": "deaths_best", "status": "status", "classification": "classification",
    "mission": "owning_mission__acronym",
}
# One colour per category, in taxonomy order (map markers, legend, list badges). Colour-blind safe-ish
# qualitative palette (Okabe-Ito and Tableau hues).
CATEGORY_COLOURS = ["#d62728", "#e377c2", "#1f77b4", "#8c564b", "#9467bd", "#ff7f0e", "#000000", "#bcbd22",
                    "#17becf", "#2ca02c", "#7f7f7f"]
# The detail page's status buttons: one whole phrase per target status, so each language words it its own way.
TRANSITION_LABELS = {workflow.DRAFT: gettext_lazy("Mark draft"), workflow.VERIFIED: gettext_lazy("Mark verified"),
                     workflow.PUBLISHED: gettext_lazy("Mark published")}


def _categories():
    return [{"key": c.value, "label": str(c.label), "colour": CATEGORY_COLOURS[i]} for i, c in enumerate(Category)]


def _loggable_missions(request):
    """Missions of the current scope for which the user may log incidents (entry form's owner)."""
    ids = scope.mission_ids_in_scope(request)
    access = access_for(request.user)
    allowed = [m for m in ids if access.can(Action.EDIT_INCIDENTS, m)]
    return list(Mission.objects.filter(id__in=allowed).order_by("acronym"))


def _detail_or_404(request, pk):
    incident = log_selectors.incident_detail(request.user, pk)
    if incident is None:
        raise Http404(_("No such incident."))
    return incident


@login_required
@require_GET
def incident_list(request):
    filterset = IncidentFilter(request.GET, queryset=log_selectors.incidents_for(request.user).select_related(
        "country", "owning_mission"))
    rows = listing.paginate(request.GET, filterset.qs, LIST_SORTS, "-date", PAGE_SIZE)
    _suggest(filterset.form.fields["actor"], "incidents:actor-suggestions", "actor-suggestions")
    mission_ids = scope.mission_ids_in_scope(request)
    access = access_for(request.user)
    return render(request, "incidents/list.html", {
        "filterset": filterset, "listing": rows, "page": rows.page, "query": rows.query,
        "categories": _categories(), "can_log": bool(_loggable_missions(request)),
        # The buttons only: each report is checked again, one by one, when the change is made.
        "can_verify": any(access.can(Action.EDIT_INCIDENTS, m) for m in mission_ids),
        "can_publish": any(access.can(Action.APPROVE, m) for m in mission_ids),
        "export_formats": BULK_EXPORTS,
    })


def _suggest(field, url_name, list_id):
    """A text box that offers names as one types: a <datalist> filled by static/incidents/pickers.js."""
    field.widget.attrs.update({"list": list_id, "autocomplete": "off", "data-suggest": reverse(url_name)})


# The bulk buttons: the action sent, the status it moves reports to.
BULK_STATUS = {"verify": workflow.VERIFIED, "publish": workflow.PUBLISHED}
BULK_EXPORTS = [(fmt, label) for fmt, label in (("csv", gettext_lazy("CSV")), ("geojson", gettext_lazy("GeoJSON")),
                                                 ("xlsx", gettext_lazy("XLSX"))) if fmt in export.FORMATS]
REFUSALS_SHOWN = 20


def _back_to_list(request):
    """The list as it was (filters, sort, page): a query string appended to the list's own path."""
    kept = request.POST.get("back", "").replace("\r", "").replace("\n", "")[:2000]
    return redirect(f"{reverse('incidents:list')}?{kept}" if kept else reverse("incidents:list"))


@login_required
@require_POST
def incident_bulk(request):
    """Verify, publish, assign or export the reports ticked on the list (same rights as one by one)."""
    action = request.POST.get("action", "")
    values = request.POST.getlist("ids")
    if not values:
        messages.error(request, _("Tick at least one report first."))
        return _back_to_list(request)
    if action.startswith("export-") and action[7:] in dict(BULK_EXPORTS):
        ids, _bad = query.selection_ids(values[:log_services.BULK_LIMIT])
        return export.streaming_export(log_selectors.incidents_by_ids(request.user, ids), request.user, action[7:])
    if action not in BULK_STATUS and action != "assign":
        messages.error(request, _("Choose verify, publish, assign or an export."))
        return _back_to_list(request)
    try:
        if action == "assign":
            assignee = request.POST.get("assignee", "")
            outcome = log_services.incidents_bulk_assign(request.user, values, assignee)
        else:
            outcome = log_services.incidents_bulk_transition(request.user, values, BULK_STATUS[action])
    except DomainError as error:
        messages.error(request, str(error))
        return _back_to_list(request)
    if action == "assign":
        _report_assigned(request, outcome, " ".join(assignee.split()))
    else:
        _report_status(request, outcome, BULK_STATUS[action])
    _report_refused(request, outcome)
    return _back_to_list(request)


def _report_assigned(request, outcome, assignee):
    if outcome.done:
        messages.success(request, ngettext("%(n)s report is now followed up by %(who)s.",
                                           "%(n)s reports are now followed up by %(who)s.", len(outcome.done))
                         % {"n": len(outcome.done), "who": assignee})
    if outcome.unchanged:
        messages.info(request, ngettext("%(n)s report was already followed up by %(who)s.",
                                        "%(n)s reports were already followed up by %(who)s.", len(outcome.unchanged))
                      % {"n": len(outcome.unchanged), "who": assignee})


def _report_status(request, outcome, status):
    label = dict(Incident.Status.choices)[status]
    if outcome.done:
        messages.success(request, ngettext("%(n)s report now has the status %(status)s.",
                                           "%(n)s reports now have the status %(status)s.", len(outcome.done))
                         % {"n": len(outcome.done), "status": label})
    if outcome.unchanged:
        messages.info(request, ngettext("%(n)s report already had the status %(status)s.", "%(n)s reports already "
                                        "had the status %(status)s.", len(outcome.unchanged))
                      % {"n": len(outcome.unchanged), "status": label})


def _report_refused(request, outcome):
    if outcome.refused:
        lines = [_("No. %(id)s: %(reason)s") % {"id": pk, "reason": reason}
                 for pk, reason in outcome.refused[:REFUSALS_SHOWN]]
        more = len(outcome.refused) - REFUSALS_SHOWN
        if more > 0:
            lines.append(ngettext("and %(n)s more.", "and %(n)s more.", more) % {"n": more})
        messages.error(request, ngettext("%(n)s report was refused: ", "%(n)s reports were refused: ",
                                         len(outcome.refused)) % {"n": len(outcome.refused)} + " ".join(lines))
    if outcome.missing:
        messages.warning(request, ngettext("%(n)s selected report was not found.", "%(n)s selected reports were "
                                           "not found.", outcome.missing) % {"n": outcome.missing})


@login_required
@require_GET
def actor_suggestions(request):
    """Names for the actor pickers: only actors the user may know of (JSON, for a <datalist>)."""
    return JsonResponse({"results": log_selectors.actor_suggestions(request.user, request.GET.get("q", ""))})


@login_required
@require_GET
def place_suggestions(request):
    """Admin areas by name or P-code for the entry form's place picker (reference data)."""
    return JsonResponse({"results": log_selectors.place_suggestions(request.user, request.GET.get("q", ""))})


@login_required
@require_GET
def incident_detail(request, pk):
    incident = _detail_or_404(request, pk)
    mission = incident.owning_mission_id
    transitions = [
        (status, TRANSITION_LABELS[status]) for status in workflow.next_statuses(incident.status)
        if can(request.user, workflow.required_action(incident.status, status), mission)
    ]
    return render(request, "incidents/detail.html", {
        "incident": incident,
        "master": log_selectors.readable_master(request.user, incident),
        "history": log_selectors.incident_history(request.user, incident),
        "can_edit": can(request.user, Action.EDIT_INCIDENTS, mission),
        "transitions": transitions,
    })


def _form_page(request, form, incident=None):
    return render(request, "incidents/form.html", {
        "form": form, "incident": incident,
        "tile_url": getattr(settings, "PEACEOPS_TILE_URL", ""),
    })


@login_required
def incident_new(request):
    missions = _loggable_missions(request)
    if not missions:
        raise PermissionDenied(_("You may not log incidents for the missions of this scope."))
    form = IncidentForm(request.POST or None, user=request.user, missions=missions)
    if request.method == "POST" and form.is_valid():
        source = form.new_source()
        try:
            incident = log_services.incident_create(
                user=request.user, owning_mission=form.chosen_mission(), fields=form.incident_fields(),
                actors=form.actor_parts(), sources=[source] if source else [])
        except (ValidationError, DomainError, PermissionDenied) as error:  # refused: what was typed stays
            form.add_model_errors(error)
        else:
            messages.success(request, _("Incident %(id)s logged as a draft.") % {"id": incident.pk})
            if "another" in request.POST:
                return redirect("incidents:new")
            return redirect("incidents:detail", pk=incident.pk)
    return _form_page(request, form)


@login_required
def incident_edit(request, pk):
    incident = _detail_or_404(request, pk)
    if not permits(request.user, Action.EDIT_INCIDENTS, incident.owning_mission_id, incident.classification):
        raise PermissionDenied(_("You may not correct reports of this mission."))
    initial = initial_from(incident)
    master = log_selectors.readable_master(request.user, incident)
    initial["duplicate_of"] = master.pk if master else None
    form = IncidentForm(request.POST or None, initial=initial, user=request.user, missions=[incident.owning_mission])
    if request.method == "POST" and form.is_valid():
        source = form.new_source()
        sources = None
        if source:
            kept = [{"name": s.name, "reference": s.reference, "reliability": s.reliability,
                     "credibility": s.credibility, "reported_on": s.reported_on} for s in incident.sources.all()]
            sources = [*kept, source]
        try:
            log_services.incident_update(user=request.user, incident=incident, fields=form.incident_fields(),
                                         actors=form.actor_parts(), sources=sources,
                                         expected_etag=form.cleaned_data.get("version") or None)
        except PreconditionFailed:
            form.add_error(None, _("Someone saved a correction of this report since you opened it. Open it again "
                                   "to see their change, then apply yours."))
        except (ValidationError, DomainError, PermissionDenied) as error:  # refused: what was typed stays
            form.add_model_errors(error)
        else:
            messages.success(request, _("Correction saved; the earlier version stays in the history."))
            return redirect("incidents:detail", pk=incident.pk)
    return _form_page(request, form, incident)


@login_required
@require_POST
def incident_transition(request, pk):
    incident = _detail_or_404(request, pk)
    try:
        log_services.incident_transition(user=request.user, incident=incident, status=request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Status now: %(status)s.") % {"status": incident.get_status_display()})
    return redirect("incidents:detail", pk=incident.pk)


@login_required
@require_GET
def place_lookup(request):
    """The entry form's P-code lookup: area, country and admin names (reference data, unclassified)."""
    place = log_selectors.place_for_pcode(request.GET.get("pcode", ""))
    if place is None:
        return JsonResponse({"error": _("No admin area has this P-code.")}, status=404)
    return JsonResponse(place)


@login_required
@require_GET
def incident_map(request):
    filterset = IncidentFilter(request.GET, queryset=log_selectors.incidents_for(request.user))
    return render(request, "incidents/map.html", {
        "filterset": filterset, "categories": _categories(), "query": request.GET.urlencode(),
        "missions": scope.missions_for(request.user), "tile_url": getattr(settings, "PEACEOPS_TILE_URL", ""),
    })


@login_required
@require_GET
def map_data(request):
    """Compact map data: parallel arrays ``id, lat, lon, cat, day`` of the readable, filtered incidents.

    ``cat`` indexes ``categories`` (key, label, colour); ``day`` counts days from ``epoch``.
    """
    filterset = IncidentFilter(request.GET, queryset=log_selectors.incidents_for(request.user))
    if not filterset.is_valid():
        return JsonResponse({"errors": filterset.errors}, status=400)
    body = {
        "epoch": log_selectors.MAP_EPOCH.isoformat(),
        "categories": _categories(),
        **log_selectors.map_columns(filterset.qs),
    }
    return HttpResponse(json.dumps(body, separators=(",", ":")), content_type="application/json")


def _export(request, fmt):
    filterset = IncidentFilter(request.GET, queryset=log_selectors.incidents_for(request.user))
    if not filterset.is_valid():
        return JsonResponse({"errors": filterset.errors}, status=400)
    return export.streaming_export(filterset.qs, request.user, fmt)


@login_required
@require_GET
def export_csv(request):
    return _export(request, "csv")


@login_required
@require_GET
def export_geojson(request):
    return _export(request, "geojson")


@login_required
@require_GET
def export_xlsx(request):
    """The log's XLSX download: the list's selection, as the CSV and GeoJSON downloads."""
    filterset = IncidentFilter(request.GET, queryset=log_selectors.incidents_for(request.user))
    if not filterset.is_valid():
        return JsonResponse({"errors": filterset.errors}, status=400)
    return export.streaming_export(filterset.qs, request.user, "xlsx")


@login_required
@require_POST
def export_job(request):
    """The "Prepare as a file" button: the list's selection exported by a background job, offered on its page."""
    fmt, query = request.POST.get("format", ""), request.POST.get("query", "")
    if fmt not in export.FORMATS:
        raise Http404(_("No such export format."))
    filterset = IncidentFilter(QueryDict(query), queryset=log_selectors.incidents_for(request.user))
    if not filterset.is_valid():
        return JsonResponse({"errors": filterset.errors}, status=400)
    job = job_start(request.user, kind="export-incidents", params={"format": fmt, "query": query},
                    title=f"incidents.{fmt}" + (f" ({query[:200]})" if query else ""))
    return redirect("jobs:job", job_id=job.pk)


urlpatterns = [
    path("", incident_list, name="list"),
    path("bulk/", incident_bulk, name="bulk"),
    path("actors.json", actor_suggestions, name="actor-suggestions"),
    path("places.json", place_suggestions, name="place-suggestions"),
    path("new/", incident_new, name="new"),
    path("<int:pk>/", incident_detail, name="detail"),
    path("<int:pk>/edit/", incident_edit, name="edit"),
    path("<int:pk>/status/", incident_transition, name="transition"),
    path("place/", place_lookup, name="place"),
    path("map/", incident_map, name="map"),
    path("map/data.json", map_data, name="map-data"),
    path("export.csv", export_csv, name="export-csv"),
    path("export.xlsx", export_xlsx, name="export-xlsx"),
    path("export.geojson", export_geojson, name="export-geojson"),
    path("export/job/", export_job, name="export-job"),
]
