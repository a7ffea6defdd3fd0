"""Reads of the analysis module, every one narrowed to what the user may read (peaceops.accounts.access).

Armed groups, security levels and their border divergences, stored forecasts, alert reviews. The
computed analyses (alerts, trends, hotspots) live in selectors_alerts.py, which reads the incident
frame of the user and hands it to the pure modules.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace

from django.db.models import Count, Max, Min, Q, Sum

from peaceops.accounts.access import access_for, visible
from peaceops.analysis import security_levels as sl
from peaceops.analysis.models import AlertReview, ArmedGroup, CountryForecast, SecurityLevel
from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident
from peaceops.registry.models import Country, Mission

EVIDENCE_LIMIT = 50  # incidents cited per side of a divergence: enough to read, not the whole log


# --- armed groups ------------------------------------------------------------------------------------------

def armed_groups_for(user):
    return visible(ArmedGroup.objects.all(), user).prefetch_related("actors")


def group_incidents(user, group: ArmedGroup, start: dt.date | None = None, end: dt.date | None = None):
    """The incidents the user may read that name one of the group's actors."""
    incidents = visible(Incident.objects.filter(actor_links__actor__armed_groups=group), user).distinct()
    if start:
        incidents = incidents.filter(start_date__gte=start)
    if end:
        incidents = incidents.filter(start_date__lte=end)
    return incidents.select_related("country").order_by("-start_date", "-id")


@dataclass(frozen=True)
class GroupFootprint:
    """Where a group was active, computed from the incidents: by year and area, its countries and missions."""

    areas: list[dict]  # {"year", "country", "admin1", "incidents", "deaths", "first", "last"}
    countries: list[str]  # ISO3, sorted
    missions: list[str]  # acronyms of missions whose area holds one of the incidents
    incidents: int
    deaths: int
    cross_border: bool


def group_footprint(user, group: ArmedGroup) -> GroupFootprint:
    incidents = group_incidents(user, group).order_by()
    areas = [
        {"year": row["start_date__year"], "country": row["country__iso3"] or "", "admin1": row["admin1"],
         "incidents": row["n"], "deaths": row["deaths"] or 0, "first": row["first"], "last": row["last"]}
        for row in incidents.values("start_date__year", "country__iso3", "admin1").annotate(
            n=Count("id", distinct=True), deaths=Sum("deaths_best"), first=Min("start_date"), last=Max("start_date"))
        .order_by("start_date__year", "country__iso3", "admin1")
    ]
    countries = sorted({a["country"] for a in areas if a["country"]})
    # Mission names are registry facts; the incidents are already narrowed to what the user may read.
    missions = Mission.objects.filter(incidents_in_area__in=incidents.values("id")).distinct()
    return GroupFootprint(
        areas=areas, countries=countries,
        missions=sorted(set(missions.values_list("acronym", flat=True))),
        incidents=sum(a["incidents"] for a in areas), deaths=sum(a["deaths"] for a in areas),
        cross_border=len(countries) > 1,
    )


def group_points(user, group: ArmedGroup, limit: int = 5000) -> list[dict]:
    """Located incidents of a group for the cross-border map."""
    rows = group_incidents(user, group).exclude(latitude=None).values(
        "id", "latitude", "longitude", "start_date", "country__iso3", "admin1", "deaths_best")[:limit]
    return [{"id": r["id"], "lat": r["latitude"], "lon": r["longitude"], "date": r["start_date"].isoformat(),
             "country": r["country__iso3"] or "", "admin1": r["admin1"], "deaths": r["deaths_best"]} for r in rows]


# --- security levels ---------------------------------------------------------------------------------------

def _in_force(levels, on: dt.date | None):
    if on is None:
        return levels
    return levels.filter(valid_from__lte=on).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))


def neighbour_mission_ids(user) -> set[int] | None:
    """Missions sharing a region with one of the user's missions, not their own (None: the user reads all)."""
    own = access_for(user).mission_ids
    if own is None:
        return None
    links = Mission.regions.through.objects
    regions = links.filter(mission_id__in=own).values("region_id")
    return set(links.filter(region_id__in=regions).exclude(mission_id__in=own).values_list("mission_id", flat=True))


def _host_areas(mission_ids) -> list[sl.Area]:
    countries = Country.objects.filter(missions__id__in=list(mission_ids)).distinct()
    return [sl.Area(f"country:{c.iso3}", c.name, c.iso3, c.geometry) for c in countries]


def _along_borders(user, levels, *, own_too: bool = False) -> list[SecurityLevel]:
    """The neighbours' levels (``own_too``: and the user's missions') of areas in, or across a border from,
    the user's missions' host countries."""
    neighbours = neighbour_mission_ids(user)
    if neighbours is None:
        return []
    own = access_for(user).mission_ids
    missions = neighbours | own if own_too else neighbours
    if not missions:
        return []
    hosts = _host_areas(own)
    candidates = levels.filter(owning_mission_id__in=missions).select_related("country", "admin_area__country")
    return [level for level in candidates if sl.borders_on(_area_of(level), hosts)]


def levels_shared_with(user):
    """The security levels ``user`` may read: their missions' own, and their neighbours' along their borders.

    UN security phases and levels are not one mission's secret (seed 000 §III.C.2: MINURCAT's phase IV
    and UNAMID's phase III across one border let Sudan play one mission against the other): a mission's
    users read the unclassified levels that missions sharing a region with theirs set for areas in, or
    across a border from, their host countries. A classified level stays with its mission.
    """
    own = visible(SecurityLevel.objects.all(), user)
    shared = [level.pk for level in _along_borders(user, SecurityLevel.objects.filter(
        classification=Classification.UNCLASSIFIED))]
    levels = SecurityLevel.objects.filter(Q(pk__in=own.values("pk")) | Q(pk__in=shared)) if shared else own
    return levels.select_related("country", "admin_area__country", "owning_mission")


def security_levels_for(user, on: dt.date | None = None):
    return _in_force(levels_shared_with(user), on)


def unreadable_neighbour_levels(user, on: dt.date | None = None) -> list[sl.Unreadable]:
    """The user's readable levels facing, across a border, a neighbour's level they may not read.

    Pages and reports say "the level on the other side is not readable" for these rather than let the
    absence of a level pass for agreement; what the hidden level is stays unsaid.
    """
    readable = list(security_levels_for(user, on))
    # A level of one of the user's own missions above their clearance is as unreadable as a neighbour's.
    readable_ids = {level.pk for level in readable}
    hidden = [level for level in _along_borders(user, _in_force(SecurityLevel.objects.all(), on), own_too=True)
              if level.pk not in readable_ids]
    if not hidden:
        return []
    return sl.unreadable_across([_span(level) for level in readable], [_span(level) for level in hidden], on=on)


def border_pairs(user, on: dt.date | None = None) -> int:
    """How many pairs of readable levels face each other across a border (zero: nothing to say agrees)."""
    return sl.border_pairs([_span(level) for level in security_levels_for(user, on)], on=on)


def _area_of(level: SecurityLevel) -> sl.Area:
    if level.admin_area_id:
        area = level.admin_area
        return sl.Area(f"admin:{area.pcode}", area.name, area.country.iso3, area.geometry)
    return sl.Area(f"country:{level.country.iso3}", level.country.name, level.country.iso3, level.country.geometry)


def _span(level: SecurityLevel) -> sl.LevelSpan:
    return sl.LevelSpan(level.pk, _area_of(level), level.owning_mission_id, level.system, level.level,
                        level.valid_from, level.valid_to)


def _evidence_ids(user, level: SecurityLevel, start: dt.date, end: dt.date | None) -> tuple[int, ...]:
    incidents = visible(Incident.objects.filter(start_date__gte=start), user)
    if end is not None:
        incidents = incidents.filter(start_date__lte=end)
    if level.admin_area_id:
        incidents = incidents.filter(Q(admin_area=level.admin_area) | Q(admin_area__parent=level.admin_area)
                                     | Q(country=level.admin_area.country, admin1__iexact=level.admin_area.name))
    else:
        incidents = incidents.filter(country=level.country)
    return tuple(incidents.order_by("-start_date", "-id").values_list("id", flat=True)[:EVIDENCE_LIMIT])


def security_divergences(user, on: dt.date | None = None, evidence_days: int = 90) -> list[sl.Divergence]:
    """Adjacent areas across a border, under different missions, whose levels differ (seed 000 §III.C.2).

    The levels compared are those the user may read (their own and their neighbours' shared ones, see
    :func:`levels_shared_with`); only the incidents they may read are cited.
    """
    levels = {level.pk: level for level in security_levels_for(user, on)}
    found = sl.divergences([_span(level) for level in levels.values()], on=on, evidence_days=evidence_days)
    result = []
    for divergence in found:
        since = divergence.start - dt.timedelta(days=evidence_days)
        until = on or divergence.end
        result.append(replace(
            divergence,
            evidence_first=_evidence_ids(user, levels[divergence.first.record_id], since, until),
            evidence_second=_evidence_ids(user, levels[divergence.second.record_id], since, until)))
    return result


# --- forecasts ---------------------------------------------------------------------------------------------

def latest_forecasts(country_ids=None, months: int = 12) -> list[CountryForecast]:
    """The forecasts of the latest run (greatest last history month) per country, ``months`` months of them."""
    forecasts = CountryForecast.objects.select_related("country")
    if country_ids is not None:
        forecasts = forecasts.filter(country_id__in=list(country_ids))
    latest = dict(forecasts.values("country_id").annotate(last=Max("last_history_month"))
                  .values_list("country_id", "last"))
    chosen: dict[int, list[CountryForecast]] = defaultdict(list)
    for forecast in forecasts.filter(last_history_month__in=set(latest.values())).order_by("country__name",
                                                                                           "month_id"):
        if latest.get(forecast.country_id) == forecast.last_history_month and len(chosen[forecast.country_id]) < months:
            chosen[forecast.country_id].append(forecast)
    return [f for rows in chosen.values() for f in rows]


def host_country_forecasts(user, mission_ids) -> dict[Country, list[CountryForecast]]:
    """Forecasts for the host countries of the missions the user may see, by country."""
    allowed = access_for(user).mission_ids
    ids = [m for m in mission_ids if allowed is None or m in allowed]
    countries = Country.objects.filter(missions__id__in=ids).distinct()
    by_country: dict[Country, list[CountryForecast]] = defaultdict(list)
    for forecast in latest_forecasts(countries.values_list("id", flat=True)):
        by_country[forecast.country].append(forecast)
    return dict(by_country)


# --- alert reviews -----------------------------------------------------------------------------------------

def alert_reviews_for(user):
    return visible(AlertReview.objects.all(), user).select_related("country", "owning_mission", "reviewed_by")


def reviews_by_key(user, keys) -> dict[str, list[AlertReview]]:
    found: dict[str, list[AlertReview]] = defaultdict(list)
    for review in alert_reviews_for(user).filter(alert_key__in=list(keys)):
        found[review.alert_key].append(review)
    return dict(found)
