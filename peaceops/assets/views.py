"""Pages of the shared asset pool: pool, calendars, requests and consents, loans, costs, utilisation.

Thin views: reads through peaceops.assets.selectors (narrowed by access), writes through services;
a record the user may not read is a 404, as everywhere.
"""

import datetime as dt
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from peaceops.accounts.access import access_for
from peaceops.assets import selectors, services
from peaceops.assets.models import Asset, Consent
from peaceops.core import charts, clock, listing
from peaceops.core.errors import add_to_form
from peaceops.core.widgets import IsoDateInput
from peaceops.registry.models import Country, Mission
from peaceops.web import scope

CHART_WIDTH = 600  # px of a year in the utilisation bars and the calendar strip (peaceops.core.charts)


def _year(request) -> int:
    try:
        year = int(request.GET.get("year") or clock.today().year)
    except ValueError:
        return clock.today().year
    return min(max(year, 1945), 2100)


def _object_or_404(queryset, pk):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


# --- pool ---------------------------------------------------------------------------------------

@login_required
@require_GET
def pool(request):
    """Assets the user may see (own missions' and other missions' offered ones), and suggestions."""
    assets = selectors.assets_for(request.user).order_by("owning_mission__acronym", "kind", "name")
    kind = request.GET.get("kind") or ""
    if kind in Asset.Kind.values:
        assets = assets.filter(kind=kind)
    return render(request, "assets/pool.html", {
        "assets": assets, "kinds": Asset.Kind.choices, "kind": kind,
        "suggestions": [s for s in selectors.suggestions(request.user) if s["assets"]]})


@login_required
@require_GET
def asset_detail(request, pk):
    """One asset: its particulars, caveats and calendar for a year, with its utilisation."""
    asset = _object_or_404(selectors.assets_for(request.user), pk)
    year = _year(request)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    entries = selectors.calendar(request.user, asset, start, end)
    use = next(r["use"] for r in selectors.utilisation(request.user, start, end) if r["asset"].pk == asset.pk)
    return render(request, "assets/asset.html", {
        "asset": asset, "year": year, "entries": entries, "use": use,
        "strip": mark_safe(charts.year_strip(_calendar_spans(entries, start, end), title=gettext("Calendar"),
                                             first=start.isoformat(), last=end.isoformat(), width=CHART_WIDTH))})


def _calendar_spans(entries, start: dt.date, end: dt.date) -> list[tuple[float, float, str, str]]:
    """Entries as (x, width, colour, label) on a year strip of CHART_WIDTH px: loans orange, the rest grey."""
    span = (end - start).days + 1
    spans = []
    for entry in entries:
        first, last = max(entry["start"], start), min(entry["end"], end)
        spans.append(((first - start).days * CHART_WIDTH / span,
                      max(((last - first).days + 1) * CHART_WIDTH / span, 1.5),
                      "#c60" if entry["kind"] == "loan" else "#888", str(entry["label"])))
    return spans


@login_required
@require_GET
def mission_calendar(request):
    """Loans the scope's missions lend or borrow in a year: the asset calendar both missions see."""
    year = _year(request)
    ids = scope.mission_ids_in_scope(request)
    loans = selectors.missions_calendar(request.user, ids, dt.date(year, 1, 1), dt.date(year, 12, 31))
    return render(request, "assets/calendar.html", {
        "year": year, "loans": loans, "mission_ids": ids,
        "missions": Mission.objects.filter(id__in=ids).order_by("acronym")})


# --- requests and consents ----------------------------------------------------------------------

class RequestForm(forms.Form):
    mission = forms.ModelChoiceField(queryset=Mission.objects.none(), label=_("Requesting mission"))
    asset = forms.ModelChoiceField(queryset=Asset.objects.none(), required=False, label=_("Asset"),
                                   help_text=_("Leave empty to ask for any asset of the kind: idle ones are "
                                               "suggested."))
    kind = forms.ChoiceField(choices=[("", "—"), *Asset.Kind.choices], required=False, label=_("Kind"))
    start_date = forms.DateField(label=_("From"), widget=IsoDateInput())
    end_date = forms.DateField(label=_("To"), widget=IsoDateInput())
    purpose = forms.CharField(label=_("Purpose"), max_length=300)
    destination_country = forms.ModelChoiceField(queryset=Country.objects.order_by("name"), required=False,
                                                 label=_("Country of use"))
    seats = forms.IntegerField(label=_("Seats needed"), required=False, min_value=1)
    persons = forms.IntegerField(label=_("Persons"), required=False, min_value=1)
    tonnes = forms.DecimalField(label=_("Tonnes needed"), required=False, min_value=0)
    flight_hours = forms.DecimalField(label=_("Flight hours"), required=False, min_value=0)
    share_requester = forms.DecimalField(label=_("Share paid by the requesting mission (%)"), initial=100,
                                         min_value=0, max_value=100)
    share_owner = forms.DecimalField(label=_("Share paid by the owning mission (%)"), initial=0, min_value=0,
                                     max_value=100)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        access = access_for(user)
        requesting = Mission.objects.order_by("acronym")
        if access.mission_ids is not None:
            requesting = requesting.filter(id__in=[m for m in access.mission_ids if access.can(services.MANAGE, m)])
        self.fields["mission"].queryset = requesting
        self.fields["asset"].queryset = selectors.assets_for(user).order_by("owning_mission__acronym", "name")
        self.fields["asset"].label_from_instance = lambda a: f"{a.owning_mission.acronym}: {a.name}"


@login_required
@require_http_methods(["GET", "POST"])
def request_new(request):
    """A mission asks for an asset (or a kind of asset) for dates and a purpose, and names the cost split."""
    form = RequestForm(request.user, request.POST or None, initial={"asset": request.GET.get("asset")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.request_create(
                user=request.user, mission=data["mission"], asset=data["asset"], kind=data["kind"] or None,
                start_date=data["start_date"], end_date=data["end_date"], cost_shares=_shares(data),
                purpose=data["purpose"], destination_country=data["destination_country"], seats=data["seats"],
                persons=data["persons"], tonnes=data["tonnes"], flight_hours=data["flight_hours"])
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        except PermissionDenied as error:
            form.add_error("mission", str(error))
        else:
            messages.success(request, gettext("Request recorded."))
            return redirect("assets:request", pk=created.pk)
    return render(request, "assets/request_new.html", {"form": form})


def _shares(data) -> dict:
    requester = data["share_requester"] or Decimal(0)
    owner = data["share_owner"] or Decimal(0)
    shares = {data["mission"]: requester} if requester else {}
    if owner:
        if data["asset"] is None:
            raise ValidationError({"share_owner": [
                gettext("Choose the asset before naming the owning mission's share.")]})
        shares[data["asset"].owning_mission] = owner
    if data["asset"] is not None and data["asset"].owning_mission == data["mission"] and owner:
        raise ValidationError({"share_owner": [gettext("The asset belongs to the requesting mission.")]})
    return shares or {data["mission"]: Decimal(0)}


@login_required
@require_GET
def requests_list(request):
    """Requests the user may read: their missions' and those for their missions' assets."""
    rows = listing.paginate(request.GET, selectors.requests_for(request.user), REQUEST_SORTS, "-from", 50)
    return render(request, "assets/requests.html", {"listing": rows, "requests": rows.page})


# The requests list's sortable columns (peaceops.core.listing). The asset column sorts by the asset's kind,
# not its name: a request may name an asset the reader may not see, whose name must not even order rows.
REQUEST_SORTS = {"mission": "owning_mission__acronym", "asset": ("asset__owning_mission__acronym", "kind"),
                 "from": "start_date", "to": "end_date", "purpose": "purpose", "status": "status"}


class DecisionForm(forms.Form):
    consent = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=[("give", _("Give")), ("refuse", _("Refuse"))], label=_("Decision"))
    given_by_person = forms.CharField(label=_("Given or refused by (person)"), required=False, max_length=200)
    decided_on = forms.DateField(label=_("Date"), required=False, widget=IsoDateInput())
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


@login_required
@require_http_methods(["GET", "POST"])
def request_detail(request, pk):
    """The consent page: every consent the loan needs, with a decision form for those the user may decide."""
    asset_request = _object_or_404(selectors.requests_for(request.user), pk)
    error_for, bound = None, None
    if request.method == "POST":
        bound = DecisionForm(request.POST)
        if bound.is_valid():
            consent = asset_request.consents.filter(pk=bound.cleaned_data["consent"]).first()
            if consent is None:
                raise Http404
            try:
                services.consent_decide(
                    user=request.user,
                    consent=consent,
                    given=bound.cleaned_data["decision"] == "give",
                    person=bound.cleaned_data["given_by_person"],
                    on=bound.cleaned_data["decided_on"],
                    note=bound.cleaned_data["note"],
                )
            except (ValidationError, PermissionDenied) as error:
                error_for = consent.pk
                add_to_form(bound, error)
            else:
                messages.success(request, gettext("Decision recorded."))
                return redirect("assets:request", pk=asset_request.pk)
        else:
            error_for = bound.data.get("consent")
    consents = []
    for consent in asset_request.consents.select_related("mission", "country", "recorded_by"):
        form = None
        if (
            consent.decision == Consent.Decision.PENDING
            and asset_request.status == "pending"
            and services.may_decide(request.user, consent)
        ):
            form = bound if str(error_for) == str(consent.pk) else DecisionForm(initial={"consent": consent.pk})
        consents.append({"consent": consent, "form": form})
    loan = getattr(asset_request, "loan", None) if asset_request.status == "approved" else None
    return render(
        request,
        "assets/request.html",
        {
            "req": asset_request,
            "consents": consents,
            "shares": asset_request.cost_shares.select_related("mission"),
            "loan": loan,
            "suggested": selectors.feasible_assets(
                request.user, selectors.need_of(asset_request), exclude_mission=asset_request.owning_mission_id, limit=5
            )
            if asset_request.status == "open"
            else [],
        },
    )


@login_required
@require_http_methods(["POST"])
def request_assign(request, pk):
    asset_request = _object_or_404(selectors.requests_for(request.user), pk)
    asset = _object_or_404(selectors.assets_for(request.user), request.POST.get("asset") or 0)
    try:
        services.asset_assign(user=request.user, request=asset_request, asset=asset)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect("assets:request", pk=asset_request.pk)


@login_required
@require_GET
def loan_detail(request, pk):
    loan = _object_or_404(selectors.loans_for(request.user), pk)
    return render(
        request, "assets/loan.html", {"loan": loan, "shares": loan.request.cost_shares.select_related("mission")}
    )


# --- costs and utilisation ---------------------------------------------------------------------


@login_required
@require_GET
def cost_report(request):
    """Per mission, its share of the loans of a year in the current scope (docs/assets.md, "Cost sharing")."""
    year = _year(request)
    ids = scope.mission_ids_in_scope(request)
    report = selectors.cost_report(request.user, ids, year)
    return render(request, "assets/costs.html", {"year": year, "report": report})


@login_required
@require_GET
def utilisation(request):
    """Per asset of the scope's missions: days lent, kept and idle in a year, charted (SVG)."""
    year = _year(request)
    ids = scope.mission_ids_in_scope(request)
    rows = selectors.utilisation(request.user, dt.date(year, 1, 1), dt.date(year, 12, 31), mission_ids=ids)
    bars = [
        (
            f"{row['asset'].owning_mission.acronym} {row['asset'].name}",
            (row["use"].lent_days, row["use"].blocked_days, row["use"].idle_days),
            gettext("%(percent)s%% idle") % {"percent": charts.number(row["use"].idle_share * 100, get_language(), 0)},
        )
        for row in rows
    ]
    chart = (
        mark_safe(
            charts.stacked_bars(
                bars,
                segments=[(gettext("lent"), "#c60"), (gettext("kept"), "#888"), (gettext("idle"), "#dde")],
                title=gettext("Days per asset in %(year)s") % {"year": year},
                x_label=gettext("Days of the year"),
                total=rows[0]["use"].period_days,
                plot_width=CHART_WIDTH,
            )
        )
        if rows
        else ""
    )
    return render(request, "assets/utilisation.html", {"year": year, "chart": chart, "rows": rows})


urlpatterns = [
    path("", pool, name="pool"),
    path("asset/<int:pk>/", asset_detail, name="asset"),
    path("calendar/", mission_calendar, name="calendar"),
    path("requests/", requests_list, name="requests"),
    path("requests/new/", request_new, name="request-new"),
    path("requests/<int:pk>/", request_detail, name="request"),
    path("requests/<int:pk>/assign/", request_assign, name="request-assign"),
    path("loans/<int:pk>/", loan_detail, name="loan"),
    path("costs/", cost_report, name="costs"),
    path("utilisation/", utilisation, name="utilisation"),
]
