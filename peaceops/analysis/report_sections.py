"""The JMAC's part of drafted reports (peaceops.reports.drafting).

Threat assessment (seed 000 §IV.C.3: no joint quarterly threat assessment existed between the
neighbouring missions): per mission, the threats (alerts at the end of the period) and scenarios
with likelihood and impact as an editable table, contributed by that mission's analysts
(``mission_id`` set); for the region, armed groups, trends, forecasts, divergent security levels
(seed 000 §III.C.2) and recommendations. SG report: a short political and security outlook.
Everything is read through the selectors with ``request.user``.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from peaceops.accounts.access import visible
from peaceops.analysis import selectors, selectors_alerts
from peaceops.analysis.forecasting import skill
from peaceops.analysis.incident_frame import DEFAULT_RULES
from peaceops.analysis.models import SecurityLevel
from peaceops.incidents.models import Incident
from peaceops.registry.models import Mission
from peaceops.reports.drafting import SG_REPORT, THREAT_ASSESSMENT, DraftRequest, DraftSection, Table
from peaceops.reports.levels import highest

KIND_NAMES = {"surge": "surge against the area's baseline", "new_actor": "new armed actor in the area",
              "toward_border": "violence moving toward a border", "displacement": "displacement toward a border"}


def _period(request: DraftRequest) -> str:
    return f"{request.start.isoformat()}..{request.end.isoformat()}"


def _classification(request: DraftRequest) -> int:
    """The highest classification among the incidents the alerts and trends were computed from.

    Those read every incident the drafter may see (not only the covered missions'), reported over the
    alert rules' look-back before the end of the period or during the period, so all of them count.
    """
    since = min(request.start, request.end - dt.timedelta(days=DEFAULT_RULES.horizon_days() - 1))
    recent = Q(start_date__gte=since) | Q(end_date__gte=since) | Q(reported_on__gte=since)
    incidents = visible(Incident.objects.filter(recent, start_date__lte=request.end), request.user)
    return highest(incidents)


def _alerts(request: DraftRequest, mission: Mission):
    try:
        return selectors_alerts.alerts_as_of(request.user, request.end, mission=mission.acronym)
    except selectors_alerts.AnalysisInputError:
        return []  # the drafter holds no grant for this mission: nothing of it to say


def _likelihood(score: float) -> str:
    return "high" if score >= 6 else "medium" if score >= 3 else "low"


def _impact(alert) -> str:
    if alert.kind in ("toward_border", "displacement"):
        return "high"
    return "high" if len(alert.evidence_ids) >= 10 else "medium"


def _mission_sections(request: DraftRequest, mission: Mission, classification: int) -> list[DraftSection]:
    shown = _alerts(request, mission)
    classification = highest(classification, [s.reviews for s in shown])  # the review status is shown too
    rows = tuple((s.alert.kind.replace("_", " "), s.alert.country, s.alert.admin1 or "", f"{s.alert.score:.1f}",
                  s.alert.since.isoformat() if s.alert.since else "", len(s.alert.evidence_ids), s.status)
                 for s in shown[:20])
    if shown:
        top = shown[0].alert
        body = (f"{len(shown)} early-warning alerts stood for {mission.acronym} on {request.end.isoformat()}, "
                f"computed from the incidents known by then. The strongest: {KIND_NAMES.get(top.kind, top.kind)} in "
                f"{top.admin1 or top.country} (score {top.score:.1f}, since {top.since}).")
    else:
        body = f"No early-warning alert stood for {mission.acronym} on {request.end.isoformat()}."
    threats = DraftSection(
        key=f"analysis.threats.{mission.acronym.lower()}", title=f"Threats: {mission.acronym}", body=body, order=20,
        tables=(Table(("Kind", "Country", "Area", "Score", "Since", "Incidents", "Review"), rows,
                      "Alerts at the end of the period"),) if rows else (),
        mission_id=mission.pk, classification=classification, source=f"alerts as of {request.end.isoformat()}")
    scenario_rows = tuple(
        (f"The {KIND_NAMES.get(s.alert.kind, s.alert.kind)} in {s.alert.admin1 or s.alert.country} continues",
         _likelihood(s.alert.score), _impact(s.alert), "incidents per week in the area against its baseline")
        for s in shown[:5]) or (("The situation stays as in the period", "medium", "medium",
                                 "incidents per month against the period"),)
    scenarios = DraftSection(
        key=f"analysis.scenarios.{mission.acronym.lower()}", title=f"Scenarios: {mission.acronym}",
        body=("Scenarios for the next quarter with their likelihood and impact (low, medium, high). Drafted from "
              "the alerts; the mission's analysts edit, add and remove rows."),
        order=70, tables=(Table(("Scenario", "Likelihood", "Impact", "Indicator to watch"), scenario_rows,
                                "Scenarios"),),
        mission_id=mission.pk, classification=classification, source="alerts, edited by analysts")
    return [threats, scenarios]


def _groups_section(request: DraftRequest, classification: int) -> tuple[DraftSection, list[str]]:
    rows, crossing, named = [], [], []
    for group in selectors.armed_groups_for(request.user):
        incidents = selectors.group_incidents(request.user, group, request.start, request.end)
        count = incidents.count()
        if not count:
            continue
        named.append(group)
        countries = sorted(set(incidents.exclude(country=None).values_list("country__iso3", flat=True)))
        rows.append((group.name, ", ".join(group.aliases[:3]), count, ", ".join(countries)))
        if len(countries) > 1:
            crossing.append(group.name)
    body = (f"{len(rows)} armed groups appear in the incidents of the period; {len(crossing)} of them across more "
            f"than one country ({', '.join(crossing) or 'none'}).")
    classification = highest(classification, named)
    return DraftSection(key="analysis.armed_groups", title="Armed groups", body=body, order=30,
                        tables=(Table(("Group", "Also known as", "Incidents", "Countries"), tuple(rows),
                                      "Armed groups active in the period"),) if rows else (),
                        classification=classification, source=f"incidents {_period(request)}"), crossing


def _trends_section(request: DraftRequest, classification: int) -> DraftSection:
    table = selectors_alerts.trends_as_of(request.user, request.end, unit="country", first=request.start)
    rows = tuple((row.unit, *row.counts) for row in table.rows)
    header = ("Country", *(p.strftime("%Y-%m") for p in table.periods))
    body = "Incidents per month and country in the period, from the incidents the drafter may read."
    return DraftSection(key="analysis.trends", title="Trends", body=body, order=40,
                        tables=(Table(header, rows, "Incidents per month"),) if rows else (),
                        classification=classification, source=f"incidents {_period(request)}")


def _forecast_section(request: DraftRequest) -> DraftSection:
    by_country = selectors.host_country_forecasts(request.user, request.mission_ids)
    rows = tuple((country.name, f.month.strftime("%Y-%m"), f"{f.mean:.1f}", f"{f.p10:.0f}-{f.p90:.0f}")
                 for country, forecasts in sorted(by_country.items(), key=lambda i: i[0].name) for f in forecasts[:3])
    body = ("Forecast deaths in state-based conflict per country-month (UCDP definition) for the host countries, "
            "with the range holding 80% of the forecast (p10-p90)." if rows
            else "No forecast is stored for the host countries.")
    measured = skill.statement()  # what the forecasts are worth, as the rolling evaluation measured it
    if rows and measured:
        body += " " + measured
    return DraftSection(key="analysis.forecasts", title="Forecasts", body=body, order=50,
                        tables=(Table(("Country", "Month", "Mean", "p10-p90"), rows, "Forecasts"),) if rows else (),
                        source="stored country-month forecasts")


def _levels_section(request: DraftRequest) -> tuple[DraftSection, list]:
    found = selectors.security_divergences(request.user, on=request.end)
    missions = dict(Mission.objects.values_list("id", "acronym"))
    rows = tuple((d.first.area.name, missions.get(d.first.mission_id, ""), d.first.level, d.second.area.name,
                  missions.get(d.second.mission_id, ""), d.second.level, d.start.isoformat()) for d in found)
    hidden = selectors.unreadable_neighbour_levels(request.user, on=request.end)
    body = _levels_body(found, hidden, selectors.border_pairs(request.user, on=request.end), request.end, missions)
    # The levels compared, and the incidents cited as evidence for them.
    record_ids = {d.first.record_id for d in found} | {d.second.record_id for d in found}
    evidence_ids = {i for d in found for i in (*d.evidence_first, *d.evidence_second)}
    classification = highest(SecurityLevel.objects.filter(pk__in=record_ids),
                             Incident.objects.filter(pk__in=evidence_ids))
    return DraftSection(key="analysis.security_levels", title="Divergent security levels", body=body, order=60,
                        tables=(Table(("Area", "Mission", "Level", "Neighbouring area", "Mission", "Level", "Since"),
                                      rows, "Divergences"),) if rows else (),
                        classification=classification, source="security levels (seed 000 §III.C.2)"), found


def _levels_body(found: list, hidden: list, pairs: int, end: dt.date, missions: dict) -> str:
    """What the check found. "Agree" is said only when levels were compared across a border and none is
    hidden from the drafter: a level that cannot be read is no agreement."""
    parts = []
    if found:
        parts.append(f"{len(found)} pairs of adjacent areas across a border carry security levels one or more apart "
                     f"on {end.isoformat()}.")
    for u in hidden:
        parts.append(f"{u.side.area.name} ({missions.get(u.side.mission_id, '')}) faces {u.other_area.name} "
                     f"({missions.get(u.other_mission_id, '')}): the level on the other side is not readable.")
    if not parts:
        parts.append(f"The security levels of adjacent areas across borders agree on {end.isoformat()}." if pairs else
                     f"No security levels across a border could be compared on {end.isoformat()}.")
    return " ".join(parts)


def _recommendations(crossing: list[str], divergences: list, classification: int) -> DraftSection:
    lines = []
    for divergence in divergences:
        lines.append(f"Harmonise the security levels of {divergence.first.area.name} and "
                     f"{divergence.second.area.name} in a joint threat analysis, or record why they differ.")
    for name in crossing:
        lines.append(f"Map {name} jointly with the neighbouring missions and share its incidents.")
    lines.append("Hold the joint threat assessment every quarter with the analysts of each mission.")
    return DraftSection(key="analysis.recommendations", title="Recommendations", body="\n\n".join(lines), order=80,
                        classification=classification, source="seed 000 §IV.C.3")


def sections(request: DraftRequest) -> list[DraftSection]:
    if request.kind == THREAT_ASSESSMENT:
        classification = _classification(request)
        result = []
        for mission in Mission.objects.filter(id__in=request.mission_ids).order_by("acronym"):
            result += _mission_sections(request, mission, classification)
        groups, crossing = _groups_section(request, classification)
        levels, found = _levels_section(request)
        # The recommendations name the crossing groups and the divergent areas.
        advice = _recommendations(crossing, found, max(groups.classification, levels.classification))
        return [*result, groups, _trends_section(request, classification), _forecast_section(request), levels,
                advice]
    if request.kind == SG_REPORT:
        return [_sg_outlook(request)]
    return []


def _sg_outlook(request: DraftRequest) -> DraftSection:
    alerts = []
    for mission in Mission.objects.filter(id__in=request.mission_ids).order_by("acronym"):
        alerts += [(mission.acronym, s) for s in _alerts(request, mission)]
    divergences = selectors.security_divergences(request.user, on=request.end)
    parts = [f"At the end of the period ({request.end.isoformat()}) {len(alerts)} early-warning alerts stood."]
    if alerts:
        acronym, top = alerts[0][0], alerts[0][1].alert
        parts.append(f"The strongest, for {acronym}: {KIND_NAMES.get(top.kind, top.kind)} in "
                     f"{top.admin1 or top.country}.")
    if divergences:
        parts.append(f"Security levels differ across {len(divergences)} border(s) between missions.")
    hidden = selectors.unreadable_neighbour_levels(request.user, on=request.end)
    if hidden:
        parts.append(f"Along {len(hidden)} border(s) the level on the other side is not readable.")
    levels = SecurityLevel.objects.filter(pk__in={d.first.record_id for d in divergences}
                                          | {d.second.record_id for d in divergences})
    return DraftSection(key="analysis.sg_outlook", title="Political and security situation: outlook",
                        body=" ".join(parts), order=15,
                        classification=highest(_classification(request), [s.reviews for _, s in alerts], levels),
                        source=f"alerts and security levels as of {request.end.isoformat()}")
