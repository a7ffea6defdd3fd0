"""Registry pages: missions and their structure, organisations, places, people, record history.

Thin views: every read comes from ``selectors`` (which apply the access layer); a record the
user may not read answers 404, so its existence cannot be inferred.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from peaceops.accounts.access import can
from peaceops.accounts.roles import Action
from peaceops.core import listing
from peaceops.core.errors import DomainError
from peaceops.registry import selectors, services, terms

PAGE_SIZE = 100
# Each list's sortable columns (peaceops.core.listing): key in ?sort= -> the fields it orders by.
ORGANISATION_SORTS = {"acronym": "acronym", "name": "name", "kind": ("kind", "acronym"), "country": "country__name",
                      "parent": "parent__acronym"}
PEOPLE_SORTS = {"name": "name", "organisation": ("organisation__acronym", "name"), "classification": "classification"}
COUNTRY_SORTS = {"name": "name", "iso3": "iso3", "areas": ("area_count", "name")}
AREA_SORTS = {"pcode": "pcode", "name": "name", "level": ("level", "name"), "children": ("child_count", "name")}

# Titles of the rule warnings, translated here because rules.py is a pure module.
WARNING_TITLES = {
    "ocha_inside_mission": _("OCHA office inside the mission structure"),
    "human_rights_not_reporting_to_srsg": _("Human rights adviser not reporting to the SRSG"),
    "no_dsrsg_for_inter_mission_cooperation": _("No DSRSG responsible for inter-mission cooperation"),
    "multi_hatted_without_terms": _("Multi-hatted post without terms of reference for each hat"),
}


def _listing(request, items, sorts, default):
    rows = listing.paginate(request.GET, items, sorts, default, PAGE_SIZE)
    return {"listing": rows, "page": rows.page}


@login_required
def index(request):
    return redirect("registry:mission-list")


@login_required
def mission_list(request):
    return render(request, "registry/mission_list.html", {"missions": selectors.mission_list(request.user)})


@login_required
def mission_detail(request, pk: int):
    mission = selectors.mission_detail(request.user, pk)
    if mission is None:
        raise Http404
    structure = selectors.mission_structure(request.user, mission)
    warnings = [{"title": WARNING_TITLES.get(w.code, w.code), "warning": w} for w in structure.warnings]
    return render(request, "registry/mission_detail.html", {
        "mission": mission,
        "structure": structure,
        "warnings": warnings,
        "resolutions": selectors.mandating_resolutions(request.user, mission),
    })


@login_required
def organisation_list(request):
    query = request.GET.get("q", "").strip()
    organisations = selectors.organisation_list(request.user, query)
    return render(request, "registry/organisation_list.html", {
        **_listing(request, organisations, ORGANISATION_SORTS, "kind"), "q": query})


@login_required
def place_list(request):
    query = request.GET.get("q", "").strip()
    return render(request, "registry/place_list.html", {
        "q": query,
        "matches": selectors.places_search(request.user, query) if query else None,
        **_listing(request, selectors.country_list(request.user), COUNTRY_SORTS, "-areas"),
    })


@login_required
def country_detail(request, iso3: str):
    country = selectors.country_by_iso3(request.user, iso3)
    if country is None:
        raise Http404
    areas = selectors.admin_areas(request.user, country=country)
    return render(request, "registry/area_list.html", {"country": country, "area": None, "trail": [],
                                                       **_listing(request, areas, AREA_SORTS, "level")})


@login_required
def area_detail(request, pcode: str):
    area = selectors.admin_area_by_pcode(request.user, pcode)
    if area is None:
        raise Http404
    trail, up = [], area.parent
    while up is not None:
        trail.insert(0, up)
        up = up.parent
    children = selectors.admin_areas(request.user, parent=area)
    return render(request, "registry/area_list.html", {"country": area.country, "area": area, "trail": trail,
                                                       **_listing(request, children, AREA_SORTS, "name")})


@login_required
def people_list(request):
    query = request.GET.get("q", "").strip()
    people = selectors.person_list(request.user, query)
    return render(request, "registry/people_list.html", {**_listing(request, people, PEOPLE_SORTS, "name"),
                                                         "q": query})


@login_required
def history(request, model: str, pk: int):
    found = selectors.record_with_history(request.user, model, pk)
    if found is None:
        raise Http404
    record, entries = found
    return render(request, "registry/history.html", {"record": record, "entries": entries, "model": model,
                                                     "verbose_name": record._meta.verbose_name})


@login_required
def hat_terms(request, pk: int):
    """A hat's terms of reference: every version with its date, author and the duties marked in its text; a
    new version for those who may edit the registry (registry.services.terms_of_reference_write)."""
    import datetime as dt

    hat, versions = selectors.hat_with_terms(request.user, pk)
    if hat is None:
        raise Http404
    error, form = "", {"text": hat.terms_of_reference, "valid_from": "", "note": ""}
    if request.method == "POST":
        form = {key: request.POST.get(key, "") for key in form}
        try:
            valid_from = dt.date.fromisoformat(form["valid_from"])
        except ValueError:
            error = _("valid_from: a date is needed (YYYY-MM-DD)")
        else:
            try:
                services.terms_of_reference_write(request.user, hat, form["text"], valid_from=valid_from,
                                                  note=form["note"])
            except DomainError as refusal:
                if refusal.status == 403:
                    raise
                error = refusal.message
            else:
                return redirect("registry:hat-terms", pk=hat.pk)
    return render(request, "registry/hat_terms.html", {
        "hat": hat, "versions": versions, "error": error, "form": form, "duties": terms.DUTIES.items(),
        "may_edit": can(request.user, Action.EDIT_REGISTRY, hat.post.mission_id)}, status=400 if error else 200)
