"""The daily situation report page (/incidents/sitrep/) and its downloads.

The report covers the shell's current scope (the mission or region in the switcher); a link may
name another with ``?mission=ACRONYM`` or ``?region=NAME``, which is checked against the
reader's grants like the switcher's choice (404 when they hold none: the page neither shows
nor confirms another mission's incidents). ``?format=json|md|html|pdf`` downloads the report.
"""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from peaceops.core import clock, page_marking, query
from peaceops.incidents.sitrep import render as sitrep_render
from peaceops.incidents.sitrep import selectors as sitrep_selectors
from peaceops.web import scope as shell_scope


def parse_report_date(value: str | None) -> dt.date:
    """The report date from a query string: ISO ``YYYY-MM-DD`` in the sane window, today when absent.

    Raises ``BadQuery`` (the shell's 400 page, naming the parameter) for anything else.
    """
    return query.parse_date(value, "date", clock.today())


def requested_scope(request):
    """The scope a request asks for: ``mission``/``region`` parameters first, else the shell's."""
    if request.GET.get("mission"):
        return sitrep_selectors.mission_scope(request.user, request.GET["mission"])
    if request.GET.get("region"):
        return sitrep_selectors.region_scope(request.user, request.GET["region"])
    current = shell_scope.current(request)
    return sitrep_selectors.scope_from_ids(request.user, current["kind"], current["id"])


def download_response(report: dict, fmt: str, outlines: list[dict]) -> HttpResponse:
    response = HttpResponse(sitrep_render.render(report, fmt, outlines), content_type=sitrep_render.CONTENT_TYPES[fmt])
    filename = f"sitrep-{slugify(report['scope']['name'])}-{report['date']}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _download_links(request, day: dt.date) -> list[tuple[str, str]]:
    links = []
    for fmt in sitrep_render.FORMATS:
        query = request.GET.copy()
        query["date"], query["format"] = day.isoformat(), fmt
        links.append((fmt, f"?{query.urlencode()}"))
    return links


@login_required
@require_GET
def sitrep_page(request):
    day = parse_report_date(request.GET.get("date"))
    fmt = request.GET.get("format", "")
    if fmt and fmt not in sitrep_render.FORMATS:
        raise query.BadQuery("format", _("Unknown format; choose json, md, html or pdf."))
    try:
        scope = requested_scope(request)
    except sitrep_selectors.ScopeNotFound as error:
        if request.GET.get("mission") or request.GET.get("region"):
            raise Http404(_("No such mission or region among those you may read.")) from error
        return render(request, "incidents/sitrep.html", {"date": day.isoformat(), "downloads": [],
                                                         "error": _("Choose a mission or region first.")})
    report = sitrep_selectors.sitrep_get(request.user, scope, day)
    outlines = sitrep_selectors.map_outlines(scope) if fmt in ("", "html", "pdf") else []
    if fmt:
        return download_response(report, fmt, outlines)
    context = {**sitrep_render.html_context(report, outlines), "date": day.isoformat(),
               "downloads": _download_links(request, day)}
    page_marking.notice(report["classification"])  # the report reads columns, not records: the page learns its level
    return render(request, "incidents/sitrep.html", context)


urlpatterns = [path("sitrep/", sitrep_page, name="sitrep")]
