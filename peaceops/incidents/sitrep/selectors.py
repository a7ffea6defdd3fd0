"""Reads for the daily situation report, always narrowed to what the reader may see.

Scope rule (documented in docs/sitrep_rules.md): a mission's report holds the incidents *in its area*
(``Incident.missions``, set by the area rule of :mod:`peaceops.incidents.areas`) **or owned by
it** (``owning_mission``: a report its JOC logged without a place, or outside the area); a
region's report holds those of every mission of the region, each incident once. Every query
starts from :func:`scoped_incidents`, which applies :func:`peaceops.accounts.access.visible`,
so hidden incidents are neither listed nor counted. The figures are SQL aggregates; only the
day's rows (a handful) and the open follow-ups are fetched as rows.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce

from peaceops.accounts.access import access_for, visible
from peaceops.core.classification import Classification
from peaceops.incidents.models import OPEN_FOLLOW_UP, Incident
from peaceops.incidents.sitrep import rules as sitrep_rules
from peaceops.registry.models import Country, Mission, Region

DAY_FIELDS = ("id", "start_date", "end_date", "category", "admin1", "country_id", "location", "latitude",
              "longitude", "deaths_best", "abducted", "status", "description", "classification")
FOLLOW_UP_FIELDS = ("id", "start_date", "category", "admin1", "location", "follow_up", "classification")
DEATH_COLUMNS = {"best": "deaths_best", "low": "deaths_low", "high": "deaths_high", "a": "deaths_a",
                 "b": "deaths_b", "civilians": "deaths_civilians", "unknown": "deaths_unknown",
                 "injured": "injured", "abducted": "abducted"}


class ScopeNotFound(LookupError):
    """No such mission or region, or none the reader may read: the caller answers 404 either way."""


def mission_scope(user, acronym: str) -> sitrep_rules.Scope:
    """A mission's scope, if the reader holds a grant for it (or a system-wide one)."""
    mission = Mission.objects.filter(acronym__iexact=(acronym or "").strip()).first()
    if mission is None or access_for(user).level_for(mission.id) is None:
        raise ScopeNotFound(f"no mission {acronym!r} you may read")
    return sitrep_rules.Scope("mission", mission.acronym, (mission.id,), (mission.acronym,))


def region_scope(user, name: str) -> sitrep_rules.Scope:
    """A region's scope, if the reader may read at least one of its missions.

    The report then counts only what the reader may see (a MINURCAT analyst's regional report
    leaves UNAMID's classified incidents out, counts included).
    """
    region = Region.objects.filter(name__iexact=(name or "").strip()).first()
    if region is None:
        raise ScopeNotFound(f"no region {name!r}")
    missions = list(region.missions.order_by("acronym").values_list("id", "acronym"))
    readable = access_for(user).mission_ids
    if not missions or (readable is not None and not readable & {mission_id for mission_id, _ in missions}):
        raise ScopeNotFound(f"no region {name!r} you may read")
    return sitrep_rules.Scope("region", region.name, tuple(m for m, _ in missions), tuple(a for _, a in missions))


def scope_from_ids(user, kind: str, ident: int) -> sitrep_rules.Scope:
    """The scope the web shell's switcher holds (``{"kind", "id"}``), re-checked against grants."""
    if kind == "mission":
        mission = Mission.objects.filter(id=ident).first()
        return mission_scope(user, mission.acronym if mission else "")
    if kind == "region":
        region = Region.objects.filter(id=ident).first()
        return region_scope(user, region.name if region else "")
    raise ScopeNotFound("no mission or region chosen")


def scoped_incidents(user, scope: sitrep_rules.Scope) -> QuerySet:
    """The incidents of a scope the reader may read, masters only (duplicates left out)."""
    # EXISTS, checked row by row through the link table's (incident, mission) index, rather than
    # IN (SELECT ...), which both databases would build over every incident of the missions.
    in_area = Exists(Incident.missions.through.objects.filter(incident_id=OuterRef("pk"),
                                                              mission_id__in=scope.mission_ids))
    # "Not a duplicate" is written as an expression, not ``duplicate_of__isnull=True``: SQLite keeps
    # no statistics unless ANALYZE runs, and would otherwise walk the duplicate_of index (where
    # nearly every row is NULL, i.e. the whole table) instead of the start_date index.
    masters = Incident.objects.alias(master_key=Coalesce("duplicate_of_id", Value(0))).filter(master_key=0)
    incidents = masters.filter(Q(owning_mission_id__in=scope.mission_ids) | in_area)
    return visible(incidents, user)


def _area_groups(incidents: QuerySet, day: dt.date) -> list[dict]:
    """Sums per (country, admin-1) and per period of the month up to D, in one GROUP BY.

    The period (``days_before``) is 0 for the day itself, else the first of
    :data:`sitrep_rules.DAY_BUCKETS` (7, 30) the incident's start lies within. One query for three of the
    report's parts (totals, change, the notable rule's "first in its area"), folded by
    :func:`sitrep_rules.fold_area_groups`; the month holds tens of areas. Plain sums over a bucket
    rather than one filtered aggregate per figure and window: the same SQL cost, and a third of
    the work for Django to build the query.
    """
    periods = [When(start_date=day, then=Value(0))]
    periods += [When(start_date__gte=day - dt.timedelta(days=days), then=Value(days)) for days in sitrep_rules.DAY_BUCKETS]
    month = incidents.filter(start_date__gte=day - dt.timedelta(days=sitrep_rules.DAY_BUCKETS[-1]), start_date__lte=day)
    sums = {name: Sum(column, default=0) for name, column in DEATH_COLUMNS.items()}
    rows = month.annotate(days_before=Case(*periods, output_field=IntegerField()))
    return list(rows.values("country_id", "admin1", "days_before").annotate(
        incidents=Count("pk"), top=Max("classification"), **sums).order_by())


def _day_and_continuing_rows(incidents: QuerySet, day: dt.date) -> list[dict]:
    """The incidents that started on D and those of the month before still open on D, in one read.

    Both are "started in D-30..D and not ended before D" (an incident of D ends on D or later);
    :func:`sitrep_rules.split_day_rows` tells them apart. "Not ended" is written as an expression
    (end_date is never NULL, so it is end_date): given a bare end_date, PostgreSQL ANDs in a
    bitmap of the end_date index, i.e. every incident that ended after D (~40% of the store).
    """
    first = day - dt.timedelta(days=sitrep_rules.NEW_AREA_DAYS)
    ends = Coalesce("end_date", "start_date")
    rows = incidents.alias(ends=ends).filter(start_date__gte=first, start_date__lte=day, ends__gte=day)
    return list(rows.order_by().values(*DAY_FIELDS))


def open_follow_ups(incidents: QuerySet, day: dt.date) -> QuerySet:
    """Incidents up to the report date whose follow-up is still open (as it stands now).

    "Up to D" has no lower bound, so the scope and visibility conditions would walk the scope's
    whole history. The open follow-ups are a handful among millions: their ids are read first
    from the partial index ``incident_open_follow_up`` (its condition repeated word for word, so
    both databases recognise it), and each of those meets the scope and visibility conditions
    through its primary key (an ``EXISTS`` on ``incidents``, which went through ``visible()``).
    Written the other way round (``incidents.filter(pk__in=...)``), SQLite without statistics
    walks the visibility condition's owning-mission index over the scope's whole history.
    """
    readable = incidents.filter(pk=OuterRef("pk"))
    return Incident.objects.filter(OPEN_FOLLOW_UP, Exists(readable), start_date__lte=day)


def _open_follow_ups(incidents: QuerySet, day: dt.date) -> tuple[list, int]:
    """The newest open follow-ups and how many there are, in one pass (a window count)."""
    rows = list(open_follow_ups(incidents, day).annotate(total=Window(Count("pk")))
                .order_by("-start_date", "-id").values(*FOLLOW_UP_FIELDS, "total")[: sitrep_rules.FOLLOW_UPS_LIMIT])
    return rows, rows[0]["total"] if rows else 0


def sitrep_inputs(user, scope: sitrep_rules.Scope, day: dt.date) -> sitrep_rules.SitrepInputs:
    """The report's figures in three queries: per-area sums, the month's open rows, the follow-ups."""
    incidents = scoped_incidents(user, scope)
    groups = _area_groups(incidents, day)
    day_totals, windows, recent_areas = sitrep_rules.fold_area_groups(groups)
    day_rows, continuing_rows = sitrep_rules.split_day_rows(_day_and_continuing_rows(incidents, day), day)
    follow_ups, follow_ups_total = _open_follow_ups(incidents, day)
    return sitrep_rules.SitrepInputs(
        date=day,
        scope=scope,
        day_totals=day_totals,
        window_totals=windows,
        # Summed from the day's rows, which are read whole anyway: no GROUP BY query for these.
        by_category=sitrep_rules.grouped(day_rows, "category"),
        by_admin1=sitrep_rules.grouped(day_rows, "admin1"),
        day_rows=day_rows,
        recent_areas=recent_areas,
        continuing_rows=continuing_rows,
        follow_up_rows=follow_ups,
        follow_ups_total=follow_ups_total,
        classification=max((group["top"] or 0 for group in groups), default=0),
    )


def sitrep_get(user, scope: sitrep_rules.Scope, day: dt.date) -> dict:
    """The report for ``scope`` on ``day`` as ``user`` may see it (a JSON-ready dict)."""
    report = sitrep_rules.assemble(sitrep_inputs(user, scope, day))
    # The marking in words, as report exports print it (seed-free UN practice: top and bottom of each page)
    report["marking"] = marking(report["classification"])
    for part in ("items", "notable", "continuing", "open_follow_ups"):
        for item in report[part]:
            item["marking"] = marking(item["classification"])
    return report


def marking(level: int) -> str:
    """A classification level as its marking: the level's name in capitals (the active language's)."""
    return str(Classification(level).label).upper()


def map_outlines(scope: sitrep_rules.Scope) -> list[dict]:
    """The host countries' shapes (GeoJSON geometries) for the report's small map, where imported."""
    countries = Country.objects.filter(missions__in=scope.mission_ids, geometry__isnull=False).distinct()
    return [{"name": c["name"], "geometry": c["geometry"]} for c in countries.values("name", "geometry")]
