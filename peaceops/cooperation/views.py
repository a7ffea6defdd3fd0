"""Pages of inter-mission cooperation: meetings with their slips, one meeting, overdue actions, information
sharing, contractors and the cooperation benchmarks. Thin: every read goes through ``selectors``."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET, require_POST

from peaceops.accounts.access import access_for
from peaceops.accounts.roles import Action
from peaceops.cooperation import selectors, services
from peaceops.cooperation.models import Subject
from peaceops.core import clock, listing, query
from peaceops.core.classification import Classification
from peaceops.core.widgets import IsoDateInput
from peaceops.registry.models import Mission, Region
from peaceops.web import scope

# The benchmark titles of indicators.py (pure, English), for makemessages; the template translates them.
BENCHMARK_TITLES = (
    gettext_noop("Joint activities"), gettext_noop("Shared issues"), gettext_noop("Coherent approaches"),
    gettext_noop("Assets shared"), gettext_noop("Meetings held / due"), gettext_noop("Actions closed"),
    gettext_noop("Information-sharing agreements in force"), gettext_noop("Threat assessments exchanged"),
    gettext_noop("Contractor warnings shared"),
)


class PeriodForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none(), required=False)
    start = forms.DateField(label=_("From"), required=False, widget=IsoDateInput(),
                            validators=[query.sane_date])
    end = forms.DateField(label=_("To"), required=False, widget=IsoDateInput(),
                          validators=[query.sane_date])

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
        day = dt.date.fromisoformat(request.GET.get("today", ""))
    except ValueError:
        return clock.today()
    return day if query.in_range(day) else clock.today()  # past the window, a year back leaves Python's dates


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
        "apart": selectors.country_teams_apart(request.user, scope.mission_ids_in_scope(request) or None),
    })


@login_required
@require_GET
def meeting(request, pk: int):
    found = selectors.meeting_for(request.user, pk)
    if found is None:
        raise Http404("No such meeting")
    today = _today(request)
    access = access_for(request.user)
    closable = {a.id for a in found.actions.all() if a.closed_on is None and (
        access.can(Action.EDIT_COORDINATION, found.organiser_id)
        or access.can(Action.EDIT_COORDINATION, a.owner_mission_id))}
    return render(request, "cooperation/meeting.html", {"meeting": found, "today": today, "closable": closable})


@login_required
@require_GET
def actions(request):
    today = _today(request)
    rows = listing.paginate(request.GET, selectors.actions_for(request.user).filter(closed_on__isnull=True),
                            ACTION_SORTS, "due", 50)
    return render(request, "cooperation/actions.html", {
        "today": today, "overdue": selectors.overdue_actions(request.user, today), "listing": rows, "open": rows.page,
    })


# The open actions' sortable columns (peaceops.core.listing): ?sort= key -> fields.
ACTION_SORTS = {"meeting": ("meeting__title", "id"), "action": ("text", "id"),
                "owner": ("owner_mission__acronym", "owner_role", "id"), "due": ("due_on", "id")}


class AgreementForm(forms.Form):
    """Sign an agreement for a mission the user leads (APPROVE); up to their own clearance there."""

    sharer = forms.ModelChoiceField(label=_("Sharing mission"), queryset=Mission.objects.none())
    receiver = forms.ModelChoiceField(label=_("Receiving mission"), queryset=Mission.objects.all())
    subject = forms.ChoiceField(label=_("Subject"), choices=Subject.choices)
    categories = forms.CharField(label=_("Categories (codes, comma-separated; empty for all)"), required=False)
    up_to = forms.TypedChoiceField(label=_("Up to classification"), choices=Classification.choices, coerce=int)
    include_drafts = forms.BooleanField(
        label=_("Include drafts"), required=False,
        help_text=_("Share records not yet verified too; otherwise only verified or published ones."))
    starts_on = forms.DateField(label=_("In force from"), widget=IsoDateInput())
    ends_on = forms.DateField(label=_("In force until"), required=False, widget=IsoDateInput())
    source = forms.CharField(label=_("Source"), required=False, max_length=200)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sharer"].queryset = leads(user)

    def clean_categories(self):
        return [code.strip() for code in self.cleaned_data["categories"].split(",") if code.strip()]


def leads(user):
    """Missions whose agreements the user may sign and withdraw (APPROVE there)."""
    access = access_for(user)
    if Action.APPROVE in access.system_actions:
        return Mission.objects.order_by("acronym")
    ids = [m for m, actions in access.mission_actions.items() if Action.APPROVE in actions]
    return Mission.objects.filter(id__in=ids).order_by("acronym")


def _sharing_page(request, form=None, status=200):
    return render(request, "cooperation/sharing.html", {
        "given": selectors.agreements_given(request.user),
        "received": selectors.agreements_received(request.user),
        "focal_points": selectors.focal_points_for(request.user),
        "today": _today(request),
        "form": form or AgreementForm(user=request.user),
        "can_sign": leads(request.user).exists(),
        "leads": set(leads(request.user).values_list("id", flat=True)),
    }, status=status)


@login_required
@require_GET
def sharing(request):
    return _sharing_page(request)


@login_required
@require_POST
def sign(request):
    form = AgreementForm(request.POST, user=request.user)
    if not form.is_valid():
        return _sharing_page(request, form, status=400)
    try:
        services.agreement_sign(request.user, **form.cleaned_data)
    except PermissionDenied:
        form.add_error("sharer", _("Only the sharing mission's leadership may sign its agreements."))
        return _sharing_page(request, form, status=403)
    except ValidationError as error:
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
        return _sharing_page(request, form, status=400)
    messages.success(request, _("Agreement signed: the receiving mission reads the data from its next request."))
    return redirect("cooperation:sharing")


@login_required
@require_POST
def withdraw(request, pk: int):
    agreement = selectors.agreements_given(request.user).filter(pk=pk).first()
    if agreement is None:
        raise Http404("No such agreement")
    try:
        services.agreement_withdraw(request.user, agreement, request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(str(m) for problems in error.message_dict.values() for m in problems))
        return redirect("cooperation:sharing")
    messages.success(request, _("Agreement withdrawn: the receiving mission no longer reads the data."))
    return redirect("cooperation:sharing")


@login_required
@require_POST
def close_action(request, pk: int):
    action = selectors.actions_for(request.user).filter(pk=pk).first()
    if action is None:
        raise Http404("No such action")
    try:
        closed_on = dt.date.fromisoformat(request.POST.get("closed_on", ""))
        services.action_close(request.user, action, closed_on, request.POST.get("outcome", ""))
    except ValueError:
        messages.error(request, _("closed_on: give the date as YYYY-MM-DD."))
    except ValidationError as error:
        messages.error(request, " ".join(f"{f}: {' '.join(p)}" for f, p in error.message_dict.items()))
    else:
        messages.success(request, _("Action closed."))
    return redirect("cooperation:meeting", action.meeting_id)


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
    path("sharing/sign/", sign, name="sign"),
    path("sharing/<int:pk>/withdraw/", withdraw, name="withdraw"),
    path("actions/<int:pk>/close/", close_action, name="close-action"),
    path("contractors/", contractors, name="contractors"),
    path("benchmarks/", benchmarks, name="benchmarks"),
]
