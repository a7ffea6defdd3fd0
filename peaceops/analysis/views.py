"""The JMAC pages: trends, hotspots, alerts with their workflow, the replay, armed groups, security levels.

Thin views: reads through selectors / selectors_alerts (narrowed by peaceops.accounts.access),
writes through services (rights checked there). Plots are server-rendered SVG (peaceops.core.charts).
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from peaceops.accounts.access import access_for, visible
from peaceops.accounts.roles import Action
from peaceops.analysis import selectors, selectors_alerts, services
from peaceops.analysis.models import SecurityLevel
from peaceops.core import charts, clock, query
from peaceops.core.background import job_start
from peaceops.core.widgets import IsoDateInput
from peaceops.incidents.models import Incident
from peaceops.registry.models import AdminArea, Country, Mission
from peaceops.web import scope

KIND_LABELS = {"surge": gettext_lazy("Surge against the area's baseline"),
               "new_actor": gettext_lazy("New armed actor in the area"),
               "toward_border": gettext_lazy("Violence moving toward a border"),
               "displacement": gettext_lazy("Displacement toward a border")}
STATUS_LABELS = {"open": gettext_lazy("Open"), "acknowledged": gettext_lazy("Acknowledged"),
                 "dismissed": gettext_lazy("Dismissed"), "escalated": gettext_lazy("Escalated")}


class AsOfForm(forms.Form):
    as_of = forms.DateField(label=gettext_lazy("As of"), required=False, validators=[query.sane_date],
                            widget=IsoDateInput())
    country = forms.CharField(label=gettext_lazy("Country (ISO3)"), required=False, max_length=3)


def _scope_mission(request) -> str | None:
    """The mission in scope, whose area the pages keep to, unless a country is asked for explicitly
    (then the whole country, e.g. a CAR replay of 2013, after MINURCAT's time)."""
    if request.GET.get("country"):
        return None
    current = scope.current(request)
    return current["label"] if current["kind"] == scope.MISSION else None


def _latest_known_day(request) -> dt.date:
    """Default date: the latest incident the user may read in scope (demo data end in 2010), else today."""
    incidents = visible(Incident.objects.all(), request.user)
    ids = scope.mission_ids_in_scope(request)
    if ids:
        incidents = incidents.filter(owning_mission_id__in=ids)
    latest = incidents.order_by("-start_date").values_list("start_date", flat=True).first()
    return latest or clock.today()


def _as_of(request) -> tuple[AsOfForm, dt.date, str | None]:
    form = AsOfForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["as_of"] or _latest_known_day(request), form.cleaned_data["country"] or None
    return form, _latest_known_day(request), None


def _alert_rows(shown_alerts, missions: dict[int, str]) -> list[dict]:
    return [{"shown": s, "alert": s.alert, "kind": KIND_LABELS.get(s.alert.kind, s.alert.kind),
             "status": STATUS_LABELS.get(s.status, s.status),
             "missions": [missions.get(m, str(m)) for m in s.alert.mission_ids],
             "notified": [missions.get(m, str(m)) for m in s.alert.notified_mission_ids],
             "evidence": list(s.alert.evidence_ids)[:20]} for s in shown_alerts]


def _alerts_context(request, as_of, country):
    try:
        found = services.alerts_seen(request.user, as_of, country=country, mission=_scope_mission(request))
        error = ""
    except selectors_alerts.AnalysisInputError as exc:
        found, error = [], str(exc)
    missions = dict(Mission.objects.values_list("id", "acronym"))
    return {"alerts": _alert_rows(found, missions), "error": error}


@login_required
@require_GET
def alerts(request):
    form, as_of, country = _as_of(request)
    context = _alerts_context(request, as_of, country)
    access = access_for(request.user)
    can_review = Action.EDIT_ANALYSIS in access.system_actions or any(
        Action.EDIT_ANALYSIS in a for a in access.mission_actions.values())
    return render(request, "analysis/alerts.html", {**context, "form": form, "as_of": as_of, "country": country or "",
                                                    "can_review": can_review,
                                                    "actions": services.REVIEW_ACTIONS})


@login_required
@require_POST
def review(request):
    """Record a decision; an htmx request gets its table row back (with the new status or the reason it failed)."""
    as_of_text = request.POST.get("as_of", "")
    key = request.POST.get("key", "")
    error = ""
    try:
        as_of = dt.date.fromisoformat(as_of_text)
    except ValueError:
        as_of, error = None, _("Give a date as YYYY-MM-DD.")
    if as_of is not None:
        try:
            services.alert_review_by_key(
                request.user,
                key=key,
                as_of=as_of,
                action=request.POST.get("action", ""),
                note=request.POST.get("note", ""),
            )
        except selectors_alerts.AnalysisInputError as exc:
            error = str(exc)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        except PermissionDenied as exc:
            error = str(exc)
    if request.headers.get("HX-Request") and as_of is not None:
        return _review_row(request, as_of, key, error)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Review recorded."))
    return redirect(reverse("analysis:alerts") + "?" + urlencode({"as_of": as_of_text}))


def _review_row(request, as_of: dt.date, key: str, error: str):
    shown = [s for s in selectors_alerts.alerts_as_of(request.user, as_of) if s.alert.key == key]
    if not shown:
        return HttpResponse(f'<tr><td colspan="8" class="error">{escape(error)}</td></tr>')
    missions = dict(Mission.objects.values_list("id", "acronym"))
    row = _alert_rows(shown, missions)[0]
    return render(
        request, "analysis/_alert_row.html", {"row": row, "as_of": as_of, "can_review": True, "row_error": error}
    )


STEPS = {"week": dt.timedelta(days=7)}


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


@login_required
@require_GET
def replay(request):
    """Steps through dates: the alerts and hotspots as computed from what was known on each date."""
    form, as_of, country = _as_of(request)
    context = _alerts_context(request, as_of, country)
    try:
        spots = [
            h
            for h in selectors_alerts.hotspots_as_of(
                request.user, as_of, country=country, mission=_scope_mission(request)
            )
            if h.is_hotspot
        ]
    except selectors_alerts.AnalysisInputError:
        spots = []
    base = {"country": country} if country else {}
    steps = {
        "prev_month": _add_months(as_of, -1),
        "prev_week": as_of - dt.timedelta(days=7),
        "next_week": as_of + dt.timedelta(days=7),
        "next_month": _add_months(as_of, 1),
    }
    links = {name: "?" + urlencode({**base, "as_of": day.isoformat()}) for name, day in steps.items()}
    return render(
        request,
        "analysis/replay.html",
        {**context, "form": form, "as_of": as_of, "links": links, "hotspots": spots[:15]},
    )


TREND_UNITS = ("country", "admin1", "admin2", "grid", "mission", "region")
HOTSPOT_UNITS = ("admin1", "admin2", "country", "grid", "mission")
UNIT_LABELS = {
    "country": gettext_lazy("country"),
    "admin1": gettext_lazy("admin 1 area"),
    "admin2": gettext_lazy("admin 2 area"),
    "grid": gettext_lazy("PRIO-GRID cell"),
    "mission": gettext_lazy("mission"),
    "region": gettext_lazy("region"),
}


def _unit_choices(units) -> list[tuple[str, str]]:
    """(value, label in the reader's language) for the unit select; the value stays the machine word."""
    return [(unit, UNIT_LABELS[unit]) for unit in units]


@login_required
@require_GET
def trends_page(request):
    form, as_of, country = _as_of(request)
    unit = request.GET.get("unit", "country")
    by = request.GET.get("by") or None
    try:
        table = selectors_alerts.trends_as_of(
            request.user,
            as_of,
            unit=unit,
            grouping=by,
            country=country,
            mission=_scope_mission(request),
            first=_add_months(as_of, -24),
        )
        error = ""
    except selectors_alerts.AnalysisInputError as exc:
        table, error = None, str(exc)
    plots, rows = [], []
    if table and table.rows:
        labels = [p.strftime("%Y-%m") for p in table.periods]
        top = sorted(table.rows, key=lambda r: -sum(r.counts))[:8]
        names = [f"{r.unit}{' · ' + r.group if r.group else ''}" for r in top]
        axes = {"x_label": _("Month (YYYY-MM)"), "locale": get_language()}
        plots = [
            mark_safe(
                charts.line_chart(
                    labels,
                    [(n, list(r.counts)) for n, r in zip(names, top, strict=True)],
                    title=_("Incidents per month"),
                    y_label=_("Incidents (count)"),
                    **axes,
                )
            ),
            mark_safe(
                charts.line_chart(
                    labels,
                    [(n, list(r.deaths)) for n, r in zip(names, top, strict=True)],
                    title=_("Fatalities per month"),
                    y_label=_("Deaths (count)"),
                    **axes,
                )
            ),
        ]
        rows = [
            {"name": n, "count": sum(r.counts), "deaths": sum(r.deaths), "last": r.counts[-1]}
            for n, r in zip(names, top, strict=True)
        ]
    return render(
        request,
        "analysis/trends.html",
        {
            "form": form,
            "as_of": as_of,
            "charts": plots,
            "rows": rows,
            "unit": unit,
            "by": by or "",
            "error": error,
            "groupings": True,
            "units": _unit_choices(TREND_UNITS),
        },
    )


@login_required
@require_GET
def hotspots_page(request):
    form, as_of, country = _as_of(request)
    unit = request.GET.get("unit", "admin1")
    try:
        found = selectors_alerts.hotspots_as_of(
            request.user, as_of, unit=unit, country=country, mission=_scope_mission(request)
        )
        error = ""
    except selectors_alerts.AnalysisInputError as exc:
        found, error = [], str(exc)
    return render(
        request,
        "analysis/hotspots.html",
        {
            "form": form,
            "as_of": as_of,
            "hotspots": found[:50],
            "flagged": sum(h.is_hotspot for h in found),
            "unit": unit,
            "error": error,
            "units": _unit_choices(HOTSPOT_UNITS),
        },
    )


@login_required
@require_GET
def groups(request):
    groups_found = list(selectors.armed_groups_for(request.user))
    rows = [{"group": g, "footprint": selectors.group_footprint(request.user, g)} for g in groups_found]
    # the cross-border map of every group: points coloured by group (seed 000 §IV.A.1)
    points = [
        {**point, "group": g.acronym or g.name}
        for g in groups_found
        for point in selectors.group_points(request.user, g, limit=2000)
    ]
    return render(
        request,
        "analysis/groups.html",
        {"rows": rows, "points": points, "tile_url": getattr(settings, "PEACEOPS_TILE_URL", "")},
    )


@login_required
@require_GET
def group_detail(request, pk: int):
    group = get_object_or_404(selectors.armed_groups_for(request.user), pk=pk)
    footprint = selectors.group_footprint(request.user, group)
    incidents = selectors.group_incidents(request.user, group)[:100]
    return render(
        request,
        "analysis/group.html",
        {
            "group": group,
            "footprint": footprint,
            "incidents": incidents,
            "points": selectors.group_points(request.user, group),
            "tile_url": getattr(settings, "PEACEOPS_TILE_URL", ""),
        },
    )


class SecurityLevelForm(forms.ModelForm):
    class Meta:
        model = SecurityLevel
        fields = [
            "owning_mission",
            "system",
            "level",
            "country",
            "admin_area",
            "valid_from",
            "valid_to",
            "note",
            "classification",
            "source",
        ]
        labels = {"country": gettext_lazy("Country")}  # the model's field has no verbose name to translate
        widgets = {"valid_from": IsoDateInput(), "valid_to": IsoDateInput()}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        access = access_for(user)
        missions = Mission.objects.order_by("acronym")
        if Action.EDIT_ANALYSIS not in access.system_actions:
            missions = missions.filter(
                id__in=[m for m, acts in access.mission_actions.items() if Action.EDIT_ANALYSIS in acts]
            )
        self.fields["owning_mission"].queryset = missions
        self.fields["owning_mission"].required = True
        self.fields["country"].queryset = Country.objects.filter(missions__isnull=False).distinct().order_by("name")
        self.fields["admin_area"].queryset = AdminArea.objects.filter(level__lte=2).order_by("country", "name")


@login_required
def levels(request):
    on = None
    if request.GET.get("on"):
        try:
            on = dt.date.fromisoformat(request.GET["on"])
        except ValueError:
            messages.error(request, _("Give a date as YYYY-MM-DD."))
    form = SecurityLevelForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.security_level_set(user=request.user, level=form.save(commit=False))
                messages.success(request, _("Security level recorded."))
                return redirect("analysis:levels")
            except (PermissionDenied, ValidationError) as exc:
                messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        else:
            messages.error(request, _("The level was not recorded: see the form."))
    missions = dict(Mission.objects.values_list("id", "acronym"))
    divergences = [
        {
            "d": d,
            "first_mission": missions.get(d.first.mission_id, ""),
            "second_mission": missions.get(d.second.mission_id, ""),
        }
        for d in selectors.security_divergences(request.user, on=on)
    ]
    unreadable = [
        {
            "u": u,
            "side_mission": missions.get(u.side.mission_id, ""),
            "other_mission": missions.get(u.other_mission_id, ""),
        }
        for u in selectors.unreadable_neighbour_levels(request.user, on=on)
    ]
    access = access_for(request.user)
    can_edit = Action.EDIT_ANALYSIS in access.system_actions or any(
        Action.EDIT_ANALYSIS in a for a in access.mission_actions.values()
    )
    return render(
        request,
        "analysis/levels.html",
        {
            "levels": selectors.security_levels_for(request.user, on),
            "divergences": divergences,
            "unreadable": unreadable,
            "on": on,
            "form": form if can_edit else None,
        },
    )


def _may_refresh(user) -> bool:
    """The refresh writes records every mission shares: edit_analysis system-wide (services_refresh checks it)."""
    return access_for(user).can(Action.EDIT_ANALYSIS, None)


@login_required
@require_GET
def forecasts(request):
    by_country = selectors.host_country_forecasts(request.user, scope.mission_ids_in_scope(request))
    return render(request, "analysis/forecasts.html", {"panels": forecast_panels(by_country),
                                                       "may_refresh": _may_refresh(request.user)})


@login_required
@require_POST
def refresh(request):
    """Queue the refresh of links, alerts and forecasts as a background job; its page counts the steps."""
    if not _may_refresh(request.user):
        raise PermissionDenied(_("Refreshing the analysis needs edit_analysis for the whole system."))
    job = job_start(request.user, kind="analysis-refresh", title=_("links, alerts and forecasts"))
    return redirect("jobs:job", job_id=job.pk)


def forecast_panels(by_country) -> list[dict]:
    panels = []
    for country, rows in sorted(by_country.items(), key=lambda item: item[0].name):
        labels = [f.month.strftime("%Y-%m") for f in rows]
        panels.append(
            {
                "country": country,
                "rows": rows,
                "chart": mark_safe(
                    charts.band_chart(
                        labels,
                        [f.mean for f in rows],
                        [f.p10 for f in rows],
                        [f.p90 for f in rows],
                        title=_("%(country)s: forecast deaths per month (mean, p10-p90)")
                        % {"country": country.local_name},
                        x_label=_("Month (YYYY-MM)"),
                        y_label=_("Deaths"),
                        mean_name=_("mean"),
                        band_name=_("p10-p90 band"),
                        locale=get_language(),
                    )
                ),
            }
        )
    return panels


urlpatterns = [
    path("", alerts, name="alerts"),
    path("review/", review, name="review"),
    path("replay/", replay, name="replay"),
    path("trends/", trends_page, name="trends"),
    path("hotspots/", hotspots_page, name="hotspots"),
    path("armed-groups/", groups, name="groups"),
    path("armed-groups/<int:pk>/", group_detail, name="group"),
    path("security-levels/", levels, name="levels"),
    path("forecasts/", forecasts, name="forecasts"),
    path("forecasts/refresh/", refresh, name="refresh"),
]
