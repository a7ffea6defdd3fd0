"""The regional fusion view (seed 000 §IV.C.1): one page per region for the readers who cover it.

Thin: the reads are selectors_fusion's, each narrowed to what the reader may read. A reader who covers
no region is refused (403: the page exists, it is not theirs); a region not among theirs is absent (404).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from peaceops.analysis import selectors_fusion
from peaceops.analysis.selectors_alerts import AnalysisInputError
from peaceops.analysis.views import KIND_LABELS, STATUS_LABELS
from peaceops.core import query
from peaceops.web import scope


def _region_asked(request):
    """The region in the query, else the region in scope, else the reader's first one."""
    asked = request.GET.get("region", "").strip()
    if asked:
        return asked
    current = scope.current(request)
    return current["id"] if current["kind"] == scope.REGION else None


@login_required
@require_GET
def fusion(request):
    if not selectors_fusion.may_fuse(request.user):
        raise PermissionDenied(_("The regional fusion view is for readers who cover a region."))
    try:
        region = selectors_fusion.region_for(request.user, _region_asked(request))
    except AnalysisInputError:
        raise Http404(_("No such region among yours.")) from None
    as_of, error = None, ""
    if request.GET.get("as_of"):
        try:
            as_of = query.query_date(request.GET, "as_of")  # within 1900-2100: the replay steps back a year
        except query.BadQuery as bad:
            error = bad.message
    found = selectors_fusion.fusion_for(request.user, region, as_of)
    missions = selectors_fusion.mission_names()
    day = found.as_of.isoformat()
    alerts = [{"alert": s.alert, "kind": KIND_LABELS.get(s.alert.kind, s.alert.kind),
               "status": STATUS_LABELS.get(s.status, s.status),
               "missions": [missions.get(m, str(m)) for m in s.alert.mission_ids],
               "notified": [missions.get(m, str(m)) for m in s.alert.notified_mission_ids]} for s in found.alerts]
    borders = [{"b": b, "first_missions": [missions.get(m, str(m)) for m in b.first.mission_ids],
                "second_missions": [missions.get(m, str(m)) for m in b.second.mission_ids],
                "first_link": _incidents_link(b.first.country, b.start, b.end),
                "second_link": _incidents_link(b.second.country, b.start, b.end)} for b in found.borders]
    divergences = [{"d": d, "first_mission": missions.get(d.first.mission_id, ""),
                    "second_mission": missions.get(d.second.mission_id, "")} for d in found.divergences]
    unreadable = [{"u": u, "side_mission": missions.get(u.side.mission_id, ""),
                   "other_mission": missions.get(u.other_mission_id, "")} for u in found.unreadable]
    return render(request, "analysis/fusion.html", {
        "found": found, "region": region, "regions": selectors_fusion.fusion_regions(request.user),
        "as_of": found.as_of, "error": error, "alerts": alerts, "borders": borders, "divergences": divergences,
        "unreadable": unreadable, "requests": found.requests, "late": found.late,
        "alerts_link": "?" + urlencode({"as_of": day}), "levels_link": "?" + urlencode({"on": day})})


def _incidents_link(country: str, start: dt.date, end: dt.date) -> str:
    return "?" + urlencode({"country": country, "start": start.isoformat(), "end": end.isoformat()})
