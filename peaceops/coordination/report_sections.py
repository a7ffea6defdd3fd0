"""Coordination's part of the SG report: duplications, gaps and programme funding gaps in the period.

Seeds 002 and 003 §2.4 put coordination at the centre of integration; the SG report is where the
Council hears of parallel programmes and of reintegration left unfunded while disarmament and
demobilisation are paid (seed 003 §2.4.2). Everything comes from the rules over what the drafter may
read (peaceops/coordination/selectors.py).
"""

import re

from peaceops.accounts.access import visible
from peaceops.coordination import selectors
from peaceops.coordination.models import FundingStream, Programme, ProgrammeComponent
from peaceops.registry.models import AdminArea, Country, Organisation
from peaceops.reports.drafting import SG_REPORT, DraftRequest, DraftSection, Table
from peaceops.reports.levels import highest


def _host_countries(request: DraftRequest) -> list[tuple[str, str]]:
    countries = Country.objects.filter(missions__id__in=request.mission_ids).distinct().order_by("name")
    return list(countries.values_list("iso3", "name"))


def _duplication_text(duplication, areas: dict, organisations: dict) -> str:
    """The rule's finding in the Council's words: area and organisation names, not codes and ids."""
    names = ", ".join(organisations.get(int(o), o) for o in duplication.organisations)
    area = areas.get(duplication.area, duplication.area)
    return f"{names} run {duplication.sector} activities in {area} over overlapping periods."


def _named(message: str, areas: dict) -> str:
    return re.sub(r"\b[A-Z]{2}\d{3,}\b", lambda code: f"{areas.get(code.group(), code.group())}", message)


def _area_names(user, codes: set) -> dict:
    """Gazetteer names, else the names the readable records themselves give the P-code."""
    names = dict(AdminArea.objects.filter(pcode__in=codes).values_list("pcode", "name"))
    for records in (selectors.activities_for(user), selectors.needs_for(user)):
        for level in ("admin2", "admin1"):
            missing = codes - set(names)
            rows = records.filter(**{f"{level}_pcode__in": missing}).exclude(**{f"{level}_name": ""})
            names.update(rows.order_by().values_list(f"{level}_pcode", f"{level}_name").distinct())
    return names


def _names(user, found_duplications, found_gaps) -> tuple[dict, dict]:
    codes = {d.area for d in found_duplications} | {g.need.admin2 or g.need.admin1 for g in found_gaps}
    areas = _area_names(user, codes)
    ids = {int(o) for d in found_duplications for o in d.organisations if str(o).isdigit()}
    organisations = {pk: acronym or name for pk, acronym, name in
                     Organisation.objects.filter(pk__in=ids).values_list("pk", "acronym", "name")}
    return areas, organisations


def _read_level(request: DraftRequest, countries: list[str]) -> int:
    """The highest level among what the rules read: the host countries' activities, needs and mandated tasks
    (area names come from them too) and every readable programme with its components and funding streams."""
    user = request.user
    return highest(*(records.filter(country__iso3__in=countries) for records in (
        selectors.activities_for(user), selectors.needs_for(user), selectors.mandated_tasks_for(user))),
        visible(Programme.objects.all(), user), visible(ProgrammeComponent.objects.all(), user),
        visible(FundingStream.objects.all(), user))


def sections(request: DraftRequest) -> list[DraftSection]:
    if request.kind != SG_REPORT:
        return []
    rows, findings = [], []
    for iso3, name in _host_countries(request):
        found_duplications = selectors.duplications(request.user, country=iso3, start=request.start, end=request.end)
        found_gaps = selectors.gaps(request.user, country=iso3, start=request.start, end=request.end)
        rows.append((name, len(found_duplications), len(found_gaps)))
        areas, organisations = _names(request.user, found_duplications[:3], found_gaps[:3])
        findings += [_duplication_text(d, areas, organisations) for d in found_duplications[:3]]
        findings += [_named(g.message, areas) for g in found_gaps[:3]]
    warnings, _errors = selectors.funding_gaps(request.user)
    if not any(count for row in rows for count in row[1:]) and not warnings:
        return []
    body = ("Coordination with the humanitarian and development partners, from the who-does-what-where records: "
            f"{sum(r[1] for r in rows)} duplications (two or more actors running the same kind of activity in "
            f"the same area over overlapping periods) and {sum(r[2] for r in rows)} gaps (needs or mandated "
            "tasks with no one working there) in the period.")
    if findings:
        body += "\n\n" + "\n\n".join(findings)
    if warnings:
        body += "\n\nProgramme funding: " + "; ".join(w.message for w in warnings) + "."
    return [DraftSection(
        key="coordination.findings", title="Coordination and integration", body=body, order=60,
        classification=_read_level(request, [iso3 for iso3, _name in _host_countries(request)]),
        tables=(Table(("Country", "Duplications", "Gaps"), tuple(rows), "Coordination findings by host country"),),
        source=f"3W, needs and funding streams {request.start.isoformat()}..{request.end.isoformat()}")]
