"""Pages of inter-mission cooperation: meetings with their slips, one meeting, overdue actions, information
sharing, contractors and the cooperation benchmarks. Thin: every read goes through ``selectors``."""

import datetime as dt

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from peaceops.cooperation import selectors
from peaceops.registry.models import Region
from peaceops.web import scope


class PeriodForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none(), required=False)
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions if regions is not None else Region.objects.none()

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The period ends before it starts."))
        return data


def _today(request) -> dt.date:
    """Today, or ``?today=YYYY-MM-DD`` to see the alerts as they stood on a past day (e.g. 2010-06-01)."""
    try:
        return dt.date.fromisoformat(request.GET.get("today", ""))
    except ValueError:
        return timezone.localdate()


def _regions(request):
    """Regions of the missions the user may see; the scope's region first when a region is chosen."""
    mission_ids = scope.mission_ids_in_scope(request) or list(scope.missions_for(request.user).values_list("id",
                                                                                                         flat=True))
    return Region.objects.filter(missions__id__in=mission_ids).distinct().order_by("name")


@login_required
@require_GET
def meetings(request):
    """The meetings calendar by month, with the cadences that slipped (seed 000 §III.B, §IV.C.2)."""
    today = _today(request)
    level = request.GET.get("level", "")
    found = selectors.meetings_for(request.user, mission_ids=scope.mission_ids_in_scope(request) or None)
    if level:
        found = found.filter(level=level)
    months: dict[str, list] = {}
    for meeting in found[:500]:
        months.setdefault(meeting.starts_on.strftime("%Y-%m"), []).append(meeting)
    return render(request, "cooperation/meetings.html", {
        "months": months, "today": today, "level": level,
        "cadences": [(c, s) for region in _regions(request)
                     for c, s in selectors.cadence_status(request.user, region, today)],
        "overdue": selectors.overdue_actions(request.user, today)[:10],
    })


@login_required
@require_GET
def meeting(request, pk: int):
    found = selectors.meeting_for(request.user, pk)
    if found is None:
        raise Http404("No such meeting")
    today = _today(request)
    return render(request, "cooperation/meeting.html", {"meeting": found, "today": today})


@login_required
@require_GET
def actions(request):
    today = _today(request)
    return render(request, "cooperation/actions.html", {
        "today": today,
        "overdue": selectors.overdue_actions(request.user, today),
        "open": selectors.actions_for(request.user).filter(closed_on__isnull=True).order_by("due_on")[:200],
    })


@login_required
@require_GET
def sharing(request):
    return render(request, "cooperation/sharing.html", {
        "given": selectors.agreements_given(request.user),
        "received": selectors.agreements_received(request.user),
        "focal_points": selectors.focal_points_for(request.user),
        "today": _today(request),
    })


@login_required
@require_GET
def contractors(request):
    return render(request, "cooperation/contractors.html", {
        "contracts": selectors.contracts_for(request.user)[:200],
        "evaluations": selectors.evaluations_for(request.user)[:200],
        "warnings": selectors.warnings_for(request.user)[:200],
    })


@login_required
@require_GET
def benchmarks(request):
    """Per region, the cooperation benchmarks of seed 000 §III.C.4 measured from the records above."""
    regions = _regions(request)
    form = PeriodForm(request.GET or None, regions=regions)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    end = data.get("end") or _today(request)
    start = data.get("start") or dt.date(end.year - 1, end.month, 1)
    chosen = [data["region"]] if data.get("region") else list(regions)
    return render(request, "cooperation/benchmarks.html", {
        "form": form, "start": start, "end": end,
        "tables": [(region, selectors.benchmarks(request.user, region, start, end)) for region in chosen],
    })


urlpatterns = [
    path("", meetings, name="meetings"),
    path("meetings/<int:pk>/", meeting, name="meeting"),
    path("actions/", actions, name="actions"),
    path("sharing/", sharing, name="sharing"),
    path("contractors/", contractors, name="contractors"),
    path("benchmarks/", benchmarks, name="benchmarks"),
]
