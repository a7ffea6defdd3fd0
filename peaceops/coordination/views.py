"""Pages of the coordination module: who does what where, duplications, funding, integration.

Thin views: every read goes through ``peaceops.coordination.selectors`` (each narrowed by
``peaceops.accounts.access.visible``) and the rules of ``rules.py`` are never re-implemented
here; the pages only arrange what the selectors found.
"""


from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from peaceops.accounts.access import can, visible
from peaceops.accounts.roles import Action
from peaceops.coordination import selectors, services, vocabulary
from peaceops.coordination.filters import ActivityFilter
from peaceops.coordination.models import FundingStream, IntegrationAssessment, Programme, ProgrammeComponent, Sector
from peaceops.core import clock, listing
from peaceops.core.background import job_start
from peaceops.core.uploads import validate_upload_size, write_upload
from peaceops.core.widgets import IsoDateInput
from peaceops.registry.models import AdminArea, Country, Mission, Organisation
from peaceops.web import scope

PAGE_SIZE = 50
# Sortable columns of the 3W and needs lists (peaceops.core.listing): ?sort= key -> fields.
ACTIVITY_SORTS = {
    "where": ("country__iso3", "sector__code", "admin1_name"), "organisation": ("organisation__name",),
    "sector": ("sector__code",), "activity": ("title",), "place": ("admin1_name", "admin2_name"),
    "period": ("start_date", "end_date"), "status": ("status",), "targeted": ("beneficiaries_targeted",),
    "reached": ("beneficiaries_reached",), "classification": ("classification",),
}
NEED_SORTS = {
    "where": ("country__iso3", "admin1_pcode", "admin2_pcode", "sector__code", "-start_date"),
    "country": ("country__iso3",), "area": ("admin1_pcode", "admin2_pcode"), "sector": ("sector__code",),
    "people": ("people_in_need",), "severity": ("severity",), "period": ("start_date", "end_date"),
}
FINDINGS_PER_PAGE = 25  # a coordination meeting's agenda, not the whole country at once


class PeriodForm(forms.Form):
    """Country, sector and review period of the findings pages; bad dates show as form errors."""

    country = forms.CharField(label=_("Country (ISO3)"), required=False, max_length=3)
    sector = forms.CharField(label=_("Sector code"), required=False, max_length=16)
    start = forms.DateField(label=_("From"), required=False, widget=IsoDateInput())
    end = forms.DateField(label=_("To"), required=False, widget=IsoDateInput())


def _scope_country(request) -> str:
    """The first host country of the current scope's missions: the pages' default country."""
    countries = Country.objects.filter(missions__id__in=scope.mission_ids_in_scope(request)).order_by("name")
    first = countries.values_list("iso3", flat=True).first()
    return first or ""


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


# --- the rules' words in the reader's language (rules.py and vocabulary.py are pure and speak English) -------

# The English names of vocabulary.SECTORS, for makemessages; the templates translate the name they show.
SECTOR_NAMES = (
    gettext_noop("Camp Coordination and Camp Management"), gettext_noop("Education"), gettext_noop("Early Recovery"),
    gettext_noop("Food Security"), gettext_noop("Health"), gettext_noop("Logistics"),
    gettext_noop("Emergency Telecommunications"), gettext_noop("Nutrition"), gettext_noop("Protection"),
    gettext_noop("Child Protection"), gettext_noop("Gender-Based Violence"), gettext_noop("Housing, Land and Property"),
    gettext_noop("Mine Action"), gettext_noop("Mental Health and Psychosocial Support"),
    gettext_noop("Shelter and Non-Food Items"), gettext_noop("Water, Sanitation and Hygiene"),
    gettext_noop("Multi-purpose Cash"), gettext_noop("Refugee Response (multi-sector)"),
    gettext_noop("Coordination and Support Services"), gettext_noop("Environment"), gettext_noop("Other"),
    gettext_noop("Political"), gettext_noop("Security"), gettext_noop("Disarmament, Demobilisation and Reintegration"),
    gettext_noop("Security Sector Reform"), gettext_noop("Rule of Law"), gettext_noop("Human Rights"),
    gettext_noop("Humanitarian"), gettext_noop("Development"),
)
COMPONENT_NAMES = {"disarmament": _("disarmament"), "demobilisation": _("demobilisation"),
                   "reinsertion": _("reinsertion"), "reintegration": _("reintegration")}
REGIME_NAMES = {"assessed": pgettext_lazy("funding regime", "assessed"),
                "voluntary": pgettext_lazy("funding regime", "voluntary"),
                "mdtf": pgettext_lazy("funding regime", "mdtf"),
                "bilateral": pgettext_lazy("funding regime", "bilateral")}
LEVEL_NAMES = {"separate": pgettext_lazy("integration", "separate"), "partial": pgettext_lazy("integration", "partial"),
               "full": pgettext_lazy("integration", "full")}
ADVICE = {  # rules.integration_advice, by code (and severity where one code has two texts)
    "asymmetric_model": _("sectors are integrated to different degrees: asymmetric integration is legitimate"),
    "ddr_needs_integration": _("DDR spans budget regimes (assessed contributions for disarmament and demobilisation, "
                               "voluntary ones for reintegration): kept separate, reintegration risks stalling"),
    "ddr_funding_link": _("DDR spans budget regimes: check that reintegration has voluntary or trust-fund money "
                          "before disarmament and demobilisation end"),
    "parallel_structures": _("SSR kept separate: parallel and competing programmes are the pattern the seeds report"),
    ("humanitarian_space", "warning"): _("humanitarian sector fully integrated: keep it separate to protect "
                                         "humanitarian space"),
    ("humanitarian_space", "info"): _("humanitarian sector partly integrated: joint planning and information "
                                      "sharing, but not integrated implementation"),
}


def sector_name(code: str) -> str:
    """The name of a sector (vocabulary code or rules.py sector) in the reader's language."""
    code = {rule: mission for mission, rule in selectors.RULE_SECTORS.items()}.get(code, code)
    spec = next((s for s in vocabulary.SECTORS if s.code == code), None)
    return gettext(spec.name_en) if spec else code


def _funding_gap_text(gap) -> str:
    params = {"programme": gap.programme, "running": COMPONENT_NAMES.get(gap.running, gap.running),
              "unfunded": COMPONENT_NAMES.get(gap.unfunded, gap.unfunded),
              "regimes": ", ".join(str(REGIME_NAMES.get(r, r)) for r in gap.running_regimes)}
    if gap.running_regimes:
        text = _("%(programme)s: %(running)s runs (paid from %(regimes)s) while %(unfunded)s is not planned") \
            if gap.missing else _("%(programme)s: %(running)s runs (paid from %(regimes)s) while %(unfunded)s has "
                                  "no funding")
    else:
        text = _("%(programme)s: %(running)s runs while %(unfunded)s is not planned") if gap.missing \
            else _("%(programme)s: %(running)s runs while %(unfunded)s has no funding")
    return text % params


def _advice_text(advice, levels: dict[str, str]) -> str:
    """The advice in the reader's language; ``levels``: the rules' sector -> level of the matrix."""
    if advice.code == "form_follows_function":
        return _("%(level)s integration with no reason recorded; record the function it serves") % {
            "level": LEVEL_NAMES.get(levels.get(advice.sector, ""), levels.get(advice.sector, ""))}
    if advice.code == "uniform_model":
        level = next(iter(levels.values()), "")
        return _("every sector is %(level)s: fixed templates should be avoided; integrate only what needs to be "
                 "integrated") % {"level": LEVEL_NAMES.get(level, level)}
    return str(ADVICE.get((advice.code, advice.severity), ADVICE.get(advice.code, advice.message)))


# --- 1. Who does what where ------------------------------------------------------------------

@login_required
@require_GET
def activities(request):
    """The 3W: readable activities filtered by sector, country, admin-1, organisation and period."""
    readable = selectors.activities_for(request.user)
    filterset = ActivityFilter(request.GET, queryset=readable.select_related(
        "organisation", "sector", "country", "admin_area", "owning_mission"))
    rows = listing.paginate(request.GET, filterset.qs, ACTIVITY_SORTS, "where", PAGE_SIZE)
    page = rows.page
    data = filterset.form.cleaned_data if filterset.is_valid() else {}
    country = (data.get("country") or _scope_country(request) or "").upper()
    by_area = selectors.presence_by_area(request.user, country=country, level=1, sector=data.get("sector") or "",
                                         start=data.get("start"), end=data.get("end")) if country else []
    query = _query_without_page(request)
    return render(request, "coordination/activities.html", {
        "filterset": filterset, "listing": rows, "page": page, "query": query, "country": country, "by_area": by_area,
        "map_points": _map_points(by_area, country), "organisations": _readable_organisations(readable),
        "sectors": Sector.objects.order_by("code"),
        "country_shape": Country.objects.filter(iso3__iexact=country).values_list("geometry", flat=True).first()
        if country else None,
    })


def _readable_organisations(readable):
    return Organisation.objects.filter(pk__in=readable.values("organisation_id")).order_by("name")


def _map_points(by_area: list[dict], country: str) -> dict:
    """Activity counts per admin-1 area: points at the areas' centroids, the rest as a list of names."""
    totals: dict[str, dict] = {}
    for row in by_area:
        total = totals.setdefault(row["pcode"], {"pcode": row["pcode"], "name": row["name"], "activities": 0,
                                                 "sectors": 0})
        total["activities"] += row["activities"]
        total["sectors"] += 1
    centroids = {a.pcode: (a.centroid_lat, a.centroid_lon) for a in AdminArea.objects.filter(
        country__iso3__iexact=country, pcode__in=[p for p in totals if p], centroid_lat__isnull=False,
        centroid_lon__isnull=False)}
    points, unplaced = [], []
    for pcode, total in sorted(totals.items()):
        if pcode in centroids:
            points.append({**total, "lat": centroids[pcode][0], "lon": centroids[pcode][1]})
        else:
            unplaced.append(total)
    return {"points": points, "unplaced": unplaced}


# --- 2. Duplications -------------------------------------------------------------------------

def _review_period(request) -> tuple[PeriodForm, dict]:
    """The filters of a findings page; the review period defaults to the current year (a meeting's horizon)."""
    today = clock.today()
    data = request.GET.copy()
    if not data.get("start") and not data.get("end"):
        data["start"], data["end"] = today.replace(month=1, day=1).isoformat(), today.replace(month=12,
                                                                                              day=31).isoformat()
    form = PeriodForm(data)
    return form, (form.cleaned_data if form.is_valid() else {})


@login_required
@require_GET
def duplications(request):
    """Rule 1 of rules.py over the readable activities, for coordination meetings."""
    form, chosen = _review_period(request)
    found = selectors.duplications(request.user, country=chosen.get("country") or "",
                                   sector=chosen.get("sector") or "", start=chosen.get("start"),
                                   end=chosen.get("end")) if form.is_valid() else []
    page = Paginator(found, FINDINGS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "coordination/duplications.html", {
        "form": form, "page": page, "findings": _described(request.user, page.object_list), "total": len(found),
        "query": _query_without_page(request)})


def _described(user, found) -> list[dict]:
    """Findings of one page with their readable activities, organisation and area names (a meeting's agenda)."""
    ids = {pk for finding in found for pk in finding.activity_ids}
    records = selectors.activities_for(user).filter(pk__in=ids).select_related("organisation", "sector", "admin_area")
    by_id = {a.pk: a for a in records}
    names = dict(Organisation.objects.filter(
        pk__in={int(org) for finding in found for org in finding.organisations}).values_list("pk", "name"))
    area_names = dict(AdminArea.objects.filter(pcode__in={finding.area for finding in found})
                      .values_list("pcode", "name"))  # shared reference data: P-codes are not classified
    return [{
        "finding": finding, "area_name": area_names.get(finding.area, ""),
        "organisations": [names.get(int(org), org) for org in finding.organisations],
        "activities": [by_id[pk] for pk in finding.activity_ids if pk in by_id],
    } for finding in found]


# --- 3. Funding ------------------------------------------------------------------------------

@login_required
@require_GET
def funding(request):
    """The funding cell of a country (all readable streams by kind) and the DDR funding-gap warnings."""
    form = PeriodForm(request.GET or None)
    chosen = form.cleaned_data if form.is_bound and form.is_valid() else {}
    country = (chosen.get("country") or _scope_country(request)).upper()
    start, end = chosen.get("start"), chosen.get("end")
    cell = selectors.funding_cell(request.user, country, start, end) if country else None
    streams = visible(FundingStream.objects.filter(country__iso3__iexact=country), request.user).select_related(
        "source", "channel", "programme", "component").order_by("kind", "start_date", "id")
    if start:
        streams = streams.filter(end_date__gte=start)
    if end:
        streams = streams.filter(start_date__lte=end)
    by_kind = [{"kind": label, "code": code, "streams": [s for s in streams if s.kind == code],
                "totals": (cell or {}).get("by_kind", {}).get(code, {})} for code, label in FundingStream.Kind.choices]
    programmes = Programme.objects.filter(country__iso3__iexact=country) if country else Programme.objects.all()
    warnings, errors = selectors.funding_gaps(request.user, programmes)
    warnings = [{"programme": w.programme, "message": _funding_gap_text(w), "source": w.source} for w in warnings]
    readable_programmes = visible(programmes, request.user).select_related("sector", "lead_organisation") \
        .order_by("name")
    components = visible(ProgrammeComponent.objects.filter(programme__in=readable_programmes), request.user) \
        .order_by("programme_id", "start_date")
    return render(request, "coordination/funding.html", {
        "form": form, "country": country, "cell": cell, "by_kind": by_kind,
        "programmes": [{"programme": p, "components": [c for c in components if c.programme_id == p.pk],
                        "warnings": [w for w in warnings if w["programme"] == p.name]} for p in readable_programmes],
        "warnings": warnings, "errors": errors,
    })


# --- 4. Integration matrix -------------------------------------------------------------------

@login_required
@require_GET
def integration(request):
    """The integration matrix of each mission in the current scope, with the seeds' advice on it."""
    missions = Mission.objects.filter(id__in=scope.mission_ids_in_scope(request)).order_by("acronym")
    matrices = []
    for mission in missions:
        matrix = selectors.integration_matrix(request.user, mission)
        levels = {selectors.RULE_SECTORS[cell.sector_code]: cell.model for cell in matrix if cell.model}
        advice = [{"severity": a.severity, "sector": sector_name(a.sector) if a.sector else "",
                   "message": _advice_text(a, levels), "source": a.source}
                  for a in selectors.integration_advice(request.user, mission)]
        matrices.append({"mission": mission, "matrix": matrix, "advice": advice,
                         "assessed": sum(1 for cell in matrix if cell.model)})
    return render(request, "coordination/integration.html", {
        "matrices": matrices, "models": dict(IntegrationAssessment.Model.choices), "scope": scope.current(request)})


# --- 5. Gaps and the coordination map ---------------------------------------------------------

STATE_NAMES = {"gap": _("gap"), "duplication": _("duplication"), "both": _("gap and duplication")}


@login_required
@require_GET
def gaps(request):
    """Rule 3 (needs and mandated tasks with no one working there) and rule 1 drawn on one map."""
    form, chosen = _review_period(request)
    country = (chosen.get("country") or "").upper()  # none: every country the reader's records cover
    found = {"areas": [], "gaps": [], "duplications": []}
    if form.is_valid() and chosen.get("start"):
        found = selectors.coordination_map(request.user, country=country, sector=chosen.get("sector") or "",
                                           start=chosen["start"], end=chosen.get("end"))
    shapes = dict(AdminArea.objects.filter(pcode__in=[a["pcode"] for a in found["areas"]])
                  .exclude(geometry=None).values_list("pcode", "geometry"))
    areas = [{**a, "state_name": str(STATE_NAMES[a["state"]]), "shape": shapes.get(a["pcode"])}
             for a in found["areas"]]
    names = dict(AdminArea.objects.filter(pcode__in={g.need.admin2 or g.need.admin1 for g in found["gaps"]})
                 .values_list("pcode", "name"))
    return render(request, "coordination/gaps.html", {
        "form": form, "country": country, "areas": areas, "mapped": [a for a in areas if a["lat"] is not None],
        "gaps": [{"gap": g, "area": g.need.admin2 or g.need.admin1,
                  "area_name": names.get(g.need.admin2 or g.need.admin1, ""), "sector": sector_name(g.need.sector)}
                 for g in found["gaps"]],
        "duplication_count": len(found["duplications"]),
        "country_shape": Country.objects.filter(iso3__iexact=country).values_list("geometry", flat=True).first()
        if country else None,
    })


# --- 6. Humanitarian space -----------------------------------------------------------------

PRINCIPLES = (  # seed 003 §1.3, §2.4.3 (GA res. 46/182); seed 004 §6.2.5
    (_("Humanity"), _("Human suffering must be addressed wherever it is found.")),
    (_("Impartiality"), _("Assistance according to need alone, without discrimination.")),
    (_("Neutrality"), _("No side taken in hostilities or controversies.")),
    (_("Independence"), _("Humanitarian objectives kept apart from political, military or other ones.")),
)


class DecisionForm(forms.Form):
    record = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=[("proposal", "proposal"), ("asset", "asset")], widget=forms.HiddenInput)
    approve = forms.TypedChoiceField(label=_("Decision"), coerce=lambda v: v == "1",
                                     choices=[("1", _("Approve")), ("0", _("Refuse"))])
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


@login_required
def humanitarian(request):
    """QIP and hearts-and-minds proposals and military asset uses, decided by the DSRSG/HC with the principles."""
    from django.contrib import messages
    from django.core.exceptions import ValidationError
    from django.shortcuts import get_object_or_404, redirect

    if request.method == "POST":
        form = DecisionForm(request.POST)
        if not form.is_valid():
            messages.error(request, gettext("The decision could not be read."))
            return redirect("coordination:humanitarian")
        data = form.cleaned_data
        records = selectors.proposals_for(request.user) if data["kind"] == "proposal" \
            else selectors.asset_uses_for(request.user)
        record = get_object_or_404(records, pk=data["record"])
        try:
            if data["kind"] == "proposal":
                services.proposal_decide(user=request.user, proposal=record, approve=data["approve"],
                                         reason=data["reason"])
            else:
                services.asset_use_decide(user=request.user, use=record, approve=data["approve"],
                                          reason=data["reason"])
        except ValidationError as invalid:
            for problems in invalid.message_dict.values():
                for problem in problems:
                    messages.error(request, problem)
            return redirect("coordination:humanitarian")
        messages.success(request, gettext("Decision recorded."))
        return redirect("coordination:humanitarian")
    proposals = list(selectors.proposals_for(request.user).select_related(
        "owning_mission", "component", "submitted_by", "decided_by", "admin_area"))
    uses = list(selectors.asset_uses_for(request.user).select_related(
        "owning_mission", "requested_by", "submitted_by", "decided_by"))
    for record in [*proposals, *uses]:
        record.may_decide = record.status == record.Status.PROPOSED and can(request.user, Action.APPROVE,
                                                                             record.owning_mission_id)
    return render(request, "coordination/humanitarian.html", {
        "principles": PRINCIPLES, "proposals": proposals, "uses": uses,
        "military_side": selectors.is_military_side(request.user),
    })


# --- 7. Needs: list, entry and import ----------------------------------------------------------

class NeedForm(forms.Form):
    country = forms.CharField(label=_("Country (ISO3)"), max_length=3)
    admin1_pcode = forms.CharField(label=_("Admin 1 P-code"), max_length=32, required=False)
    admin2_pcode = forms.CharField(label=_("Admin 2 P-code"), max_length=32, required=False)
    sector = forms.CharField(label=_("Sector (code or name)"), max_length=200)
    people_in_need = forms.IntegerField(label=_("People in need"), min_value=0, required=False)
    severity = forms.IntegerField(label=_("Severity (1-5)"), min_value=1, max_value=5, required=False)
    start_date = forms.DateField(label=_("From"), widget=IsoDateInput())
    end_date = forms.DateField(label=_("To"), required=False, widget=IsoDateInput())
    shared_with_military = forms.BooleanField(label=_("Share with the military side"), required=False)
    source = forms.CharField(label=_("Source"), max_length=200, required=False)


class NeedsFileForm(forms.Form):
    needs_file = forms.FileField(label=_("Needs file (CSV with HXL tags)"), validators=[validate_upload_size])
    country = forms.CharField(label=_("Country (ISO3) where the file names none"), required=False, max_length=3)


@login_required
def needs(request):
    """Needs per area and sector: the readable list, one-by-one entry and HXL file import (system-wide
    edit_coordination: needs without an owning mission are shared humanitarian data)."""
    import tempfile
    from pathlib import Path

    from django.contrib import messages
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.shortcuts import redirect

    may_edit = can(request.user, Action.EDIT_COORDINATION, None)
    entry, upload_form, report = NeedForm(), NeedsFileForm(), None
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied(gettext("Recording needs needs edit_coordination for the whole system."))
        if "needs_file" in request.FILES:
            upload_form = NeedsFileForm(request.POST, request.FILES)
            if upload_form.is_valid():
                uploaded = upload_form.cleaned_data["needs_file"]
                with tempfile.TemporaryDirectory() as folder:
                    path = write_upload(uploaded, Path(folder) / "needs.csv")
                    report = services.needs_import(path, user=request.user,
                                                   country=upload_form.cleaned_data["country"].upper(),
                                                   display_name=uploaded.name)
        else:
            entry = NeedForm(request.POST)
            if entry.is_valid():
                try:
                    services.need_create(user=request.user, **entry.cleaned_data)
                except ValidationError as invalid:
                    for name, problems in invalid.message_dict.items():
                        entry.add_error(name if name in entry.fields else None, problems)
                else:
                    messages.success(request, gettext("Need recorded."))
                    return redirect("coordination:needs")
    records = selectors.needs_for(request.user).select_related("sector", "country")
    rows = listing.paginate(request.GET, records, NEED_SORTS, "where", PAGE_SIZE)
    return render(request, "coordination/needs.html", {
        "listing": rows, "page": rows.page, "entry": entry, "upload_form": upload_form, "report": report,
        "may_edit": may_edit, "query": _query_without_page(request)})


# --- 8. Upload a 3W file --------------------------------------------------------------------

class UploadForm(forms.Form):
    file = forms.FileField(label=_("3W file (.xlsx or .csv)"), validators=[validate_upload_size])
    format = forms.ChoiceField(label=_("Format"), required=False, choices=[
        ("", _("guess from the file")), ("ocha-xlsx", "OCHA 3W workbook"), ("hdx-presence", "HDX operational presence"),
        ("hxl", "HXL CSV")])
    country = forms.CharField(label=_("Country (ISO3) where the file names none"), required=False, max_length=3)
    skip_bad = forms.BooleanField(label=_("Skip bad lines (import the rest)"), required=False)
    dry_run = forms.BooleanField(label=_("Check only (write nothing)"), required=False)
    humanitarian = forms.BooleanField(label=_("Humanitarian data (hidden from the military side unless shared)"),
                                      required=False)


@login_required
def upload(request):
    """Upload a 3W file: it is imported by a background job (one transaction, a report by line with the
    closest matches, as ``peaceops import-3w``) whose page shows its progress.

    Imported rows are shared reference data (no owning mission), so the upload needs
    ``edit_coordination`` system-wide, like the CLI without ``--mission``; the job's import checks it
    again with the uploader as the acting user.
    """
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import redirect

    if not can(request.user, Action.EDIT_COORDINATION, None):
        raise PermissionDenied(gettext("Uploading 3W files needs edit_coordination for the whole system."))
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        job = job_start(request.user, kind="import-3w", upload=data["file"], params={
            "format": data["format"], "country": data["country"].upper(), "skip_bad": data["skip_bad"],
            "dry_run": data["dry_run"], "humanitarian": data["humanitarian"]})
        return redirect("jobs:job", job_id=job.pk)
    return render(request, "coordination/upload.html", {"form": form})


urlpatterns = [
    path("", activities, name="activities"),
    path("gaps/", gaps, name="gaps"),
    path("humanitarian/", humanitarian, name="humanitarian"),
    path("upload/", upload, name="upload"),
    path("needs/", needs, name="needs"),
    path("duplications/", duplications, name="duplications"),
    path("funding/", funding, name="funding"),
    path("integration/", integration, name="integration"),
]
