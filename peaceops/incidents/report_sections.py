"""The JOC's part of drafted reports: the security situation in the period, from the incident log.

Both the threat assessment and the SG report open with the situation (seed 000 app. 2: the JOC
reports, the JMAC analyses); the counts come from the incidents the drafter may read, duplicates left
out, compared with the period of the same length before.
"""

import datetime as dt

from django.db.models import Count, Sum

from peaceops.incidents.sitrep import selectors as sitrep_selectors
from peaceops.incidents.sitrep.render import category_label
from peaceops.incidents.sitrep.rules import Scope
from peaceops.registry.models import Mission
from peaceops.reports.drafting import SG_REPORT, THREAT_ASSESSMENT, DraftRequest, DraftSection, Table
from peaceops.reports.levels import highest


def _incidents(request: DraftRequest, start: dt.date, end: dt.date):
    acronyms = tuple(Mission.objects.filter(id__in=request.mission_ids).order_by("acronym")
                     .values_list("acronym", flat=True))
    scope = Scope("region" if request.region_id else "mission", ", ".join(acronyms), request.mission_ids, acronyms)
    return sitrep_selectors.scoped_incidents(request.user, scope).filter(start_date__gte=start, start_date__lte=end)


def _totals(incidents) -> tuple[int, int]:
    figures = incidents.aggregate(n=Count("id"), deaths=Sum("deaths_best"))
    return figures["n"] or 0, figures["deaths"] or 0


def _change(now: int, before: int) -> str:
    if before == 0:
        return "none in the period before" if now == 0 else "none in the period before: new"
    return f"{(now - before) / before:+.0%} on the period before"


def sections(request: DraftRequest) -> list[DraftSection]:
    if request.kind not in (THREAT_ASSESSMENT, SG_REPORT):
        return []
    incidents = _incidents(request, request.start, request.end)
    days = (request.end - request.start).days + 1
    before = _incidents(request, request.start - dt.timedelta(days=days), request.start - dt.timedelta(days=1))
    count, deaths = _totals(incidents)
    count_before, deaths_before = _totals(before)
    by_category = list(incidents.values("category").annotate(n=Count("id"), deaths=Sum("deaths_best"))
                       .order_by("-n", "category"))
    by_area = list(incidents.exclude(admin1="").values("country__name", "admin1")
                   .annotate(n=Count("id"), deaths=Sum("deaths_best")).order_by("-n", "admin1")[:10])
    body = (f"The incident log holds {count} incidents that started between {request.start.isoformat()} and "
            f"{request.end.isoformat()} ({_change(count, count_before)}), with {deaths} deaths as best estimated "
            f"({_change(deaths, deaths_before)}).")
    if by_category:
        top = by_category[0]
        body += (f"\n\nThe most frequent kind was {category_label(top['category']).lower()} "
                 f"({top['n']} incidents, {top['deaths'] or 0} deaths).")
    tables = [Table(("Category", "Incidents", "Deaths"),
                    tuple((category_label(row["category"]), row["n"], row["deaths"] or 0) for row in by_category),
                    "Incidents by category")]
    if by_area:
        tables.append(Table(("Country", "Admin-1 area", "Incidents", "Deaths"),
                            tuple((row["country__name"] or "", row["admin1"], row["n"], row["deaths"] or 0)
                                  for row in by_area), "The ten admin-1 areas with most incidents"))
    title = "Security situation" if request.kind == THREAT_ASSESSMENT else "Political and security situation"
    # The comparison with the period before speaks of those incidents too.
    return [DraftSection(key="incidents.situation", title=title, body=body, order=10, tables=tuple(tables),
                         classification=highest(incidents, before),
                         source=f"incident log {request.start.isoformat()}..{request.end.isoformat()}")]
