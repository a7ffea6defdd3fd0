"""The one read that turns the incident log into an :class:`IncidentFrame` for a user.

Selector (reads only). Visibility goes through :func:`peaceops.accounts.access.visible`, so an
analysis sees exactly the incidents its reader may see. Filters (country, mission, the as-of cut
and an optional lower report-date bound) are applied in SQL. Rows come through the raw cursor
of a ``values_list`` query (no model instances, no per-row converters): 1,000,000 incidents load
and alert in under 2 s on SQLite (benchmarks/alerts.py; docs/early-warning.md).

Duplicate reports (``duplicate_of`` set) are left out: an event reported by three sources
counts once, through the report kept as its master.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from django.db import connections
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from shapely.geometry import shape

from peaceops.accounts.access import access_for, visible
from peaceops.analysis.early_warning import DEFAULT_RULES, BorderContext, Rules, shared_borders
from peaceops.analysis.frame import IncidentFrame
from peaceops.incidents.areas import MissionAreas, spans_from_missions
from peaceops.incidents.models import Actor, Incident, IncidentActor
from peaceops.registry.models import Country, Mission, MissionArea


class ScopeError(LookupError):
    """An unknown country or mission, or one the reader may not read."""


@dataclass(frozen=True)
class FrameScope:
    """What to read: countries (ISO3) and missions (ids), both optional, and the report-date range."""

    countries: tuple[str, ...] = ()
    mission_ids: tuple[int, ...] = ()
    as_of: dt.date | None = None
    reported_since: dt.date | None = None


def incident_queryset(user, scope: FrameScope) -> QuerySet:
    """Visible master incidents in scope, annotated with ``report_date``; the SQL does every cut."""
    # "Not a duplicate" as an expression (as incidents.selectors has it): SQLite would otherwise walk
    # the duplicate_of index for 99% of the rows, several times slower than reading the table.
    masters = Incident.objects.alias(master_key=Coalesce("duplicate_of_id", Value(0))).filter(master_key=0)
    # Dates as expressions: SQLite's driver hands them over as ISO text (no per-row date parsing).
    incidents = visible(masters, user).annotate(report_date=Coalesce(F("reported_on"), F("end_date")),
                                                start_day=Coalesce(F("start_date"), F("end_date")))
    if scope.as_of is not None:
        incidents = incidents.filter(Q(reported_on__lte=scope.as_of)
                                     | Q(reported_on__isnull=True, end_date__lte=scope.as_of))
    if scope.reported_since is not None:
        incidents = incidents.filter(Q(reported_on__gte=scope.reported_since)
                                     | Q(reported_on__isnull=True, end_date__gte=scope.reported_since))
    if scope.countries:
        incidents = incidents.filter(country__iso3__in=scope.countries)
    if scope.mission_ids:
        links = Incident.missions.through.objects.filter(mission_id__in=scope.mission_ids)
        incidents = incidents.filter(id__in=links.values("incident_id"))
    return incidents


def load_incident_frame(user, scope: FrameScope = FrameScope()) -> IncidentFrame:
    """The frame of the incidents ``user`` may see in ``scope``, ordered by id.

    Three queries (incidents, their actor links, their mission links), each reading ids and
    plain columns only; country codes and actor names are looked up from their small tables.
    The cyclic garbage collector is paused meanwhile: the rows are hundreds of thousands of
    tuples that hold no cycles, and its passes over them cost more than the reading.
    """
    with _collector_paused():
        return _load(user, scope)


@contextmanager
def _collector_paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(user, scope: FrameScope) -> IncidentFrame:
    incidents = incident_queryset(user, scope).order_by("id")
    rows = _fetch(incidents.values_list("id", "report_date", "start_day", "country_id", "admin1", "admin2",
                                        "latitude", "longitude", "category", "deaths_best", "dataset"),
                  scan_table=Incident._meta.db_table)
    if not rows:
        return IncidentFrame.empty()
    ids, report, start, country_ids, admin1, admin2, lat, lon, category, deaths, dataset = zip(*rows, strict=True)
    id_column = np.asarray(ids, dtype=np.int64)
    actor_links = _links_of(IncidentActor._meta.db_table, "actor_id", ids, incidents.db)
    mission_links = _links_of(Incident.missions.through._meta.db_table, "mission_id", ids, incidents.db)
    iso3 = dict(Country.objects.values_list("id", "iso3"))
    actor_rows, actor_ids = (list(c) for c in zip(*actor_links, strict=True)) if actor_links else ([], [])
    actors = dict((i, (n, k)) for i, n, k in Actor.objects.filter(id__in=set(actor_ids))
                  .values_list("id", "name", "kind")) if actor_ids else {}
    mission_rows, mission_ids = (list(c) for c in zip(*mission_links, strict=True)) if mission_links else ([], [])
    return IncidentFrame.from_columns({
        "id": id_column,
        "report_date": _days(report), "start_date": _days(start),
        "country": [iso3.get(c, "") for c in country_ids], "admin1": admin1, "admin2": admin2,
        "latitude": np.array(lat, dtype=np.float64), "longitude": np.array(lon, dtype=np.float64),
        "category": category, "deaths_best": deaths, "dataset": dataset,
        "actor_row": np.searchsorted(id_column, np.asarray(actor_rows, dtype=np.int64)),
        "actor_id": actor_ids, "actor_name": [actors[a][0] for a in actor_ids],
        "actor_kind": [actors[a][1] for a in actor_ids],
        "mission_row": np.searchsorted(id_column, np.asarray(mission_rows, dtype=np.int64)),
        "mission_id": mission_ids,
    })


def _fetch(queryset: QuerySet, scan_table: str | None = None) -> list[tuple]:
    """All rows of a values_list query straight from the cursor: the ORM's per-row date parsing
    and tuple building cost more than the query itself on a million rows.

    ``scan_table``: on SQLite, read that table in rowid order (``NOT INDEXED``). The report-date
    cut needs one pass over the incidents anyway (no index serves ``COALESCE(reported_on,
    end_date)``), while a mission reader's visibility condition (an OR over owning missions)
    leads the planner to walk the owning-mission index for most of the table and sort: twice as
    slow on 1,000,000 incidents (benchmarks/alerts.py)."""
    sql, params = queryset.query.sql_with_params()
    if scan_table and connections[queryset.db].vendor == "sqlite":
        sql = sql.replace(f'FROM "{scan_table}"', f'FROM "{scan_table}" NOT INDEXED', 1)
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _links_of(table: str, column: str, incident_ids, alias: str) -> list[tuple]:
    """(incident_id, ``column``) rows of a link table for these incidents, found through the
    table's incident index with the ids passed as one parameter (a JSON array on SQLite, an
    array on PostgreSQL): scanning the incident table again, as a subquery would, costs seconds
    on a million rows."""
    connection = connections[alias]
    if connection.vendor == "sqlite":
        where, parameter = "IN (SELECT value FROM json_each(%s))", json.dumps(list(incident_ids))
    else:
        where, parameter = "= ANY(%s)", list(incident_ids)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT incident_id, {column} FROM {table} WHERE incident_id {where}", [parameter])
        return cursor.fetchall()


def _days(values: Iterable) -> np.ndarray:
    """datetime64[D] from what the driver returns (ISO strings on SQLite, dates on PostgreSQL)."""
    return np.array([v if isinstance(v, str) else v.isoformat() for v in values], dtype="datetime64[D]")


def earliest_report_date(user, scope: FrameScope = FrameScope()) -> dt.date | None:
    """The first report date among the incidents in scope (ignoring ``as_of``), or None."""
    unbounded = FrameScope(countries=scope.countries, mission_ids=scope.mission_ids)
    first = incident_queryset(user, unbounded).order_by("report_date").values_list("report_date", flat=True).first()
    return dt.date.fromisoformat(first) if isinstance(first, str) else first


def alert_frame(user, scope: FrameScope, rules: Rules = DEFAULT_RULES) -> IncidentFrame:
    """The frame the alerts at ``scope.as_of`` need: only the report dates the rules look back to
    (:meth:`Rules.horizon_days`), so the alerts equal those computed from the whole history."""
    if scope.as_of is None:
        raise ValueError("alerts need an as-of date")
    since = scope.as_of - dt.timedelta(days=rules.horizon_days() - 1)
    return load_incident_frame(user, FrameScope(scope.countries, scope.mission_ids, scope.as_of, since))


# --------------------------------------------------------------------------- scope and borders


def country_scope(user, iso3: str | None) -> tuple[str, ...]:
    """``(ISO3,)`` for a known country, () for none; ScopeError for an unknown one."""
    if not iso3:
        return ()
    code = iso3.strip().upper()
    if not Country.objects.filter(iso3=code).exists():
        raise ScopeError(f"unknown country {iso3!r} (give an ISO 3166 alpha-3 code such as CAF)")
    return (code,)


def mission_scope(user, acronym: str | None) -> tuple[int, ...]:
    """``(mission id,)`` for a mission the user may read, () for none; ScopeError otherwise."""
    if not acronym:
        return ()
    mission = Mission.objects.filter(acronym__iexact=acronym.strip()).first()
    if mission is None or access_for(user).level_for(mission.id) is None:
        raise ScopeError(f"unknown mission {acronym!r} (or one you may not read)")
    return (mission.id,)


def border_context(as_of: dt.date, countries: Iterable[str] | None = None) -> BorderContext:
    """Borders of ``countries`` (default: every country with a shape) from the Natural Earth
    shapes on Country.geometry, and the missions holding each country on ``as_of``
    (peaceops.incidents.areas rule). Countries without shapes have no borders: border alerts
    then stay silent rather than guess."""
    areas = MissionAreas(spans_from_missions(Mission.objects.prefetch_related("host_countries")))
    ids = dict(Country.objects.values_list("iso3", "id"))
    missions_by_country = {iso3: frozenset(areas.missions_for(country_id, as_of)) for iso3, country_id in ids.items()}
    return BorderContext(_borders(countries), missions_by_country, _areas_on(as_of))


def _areas_on(as_of: dt.date) -> tuple[tuple[int, object], ...]:
    """The missions' areas of responsibility valid on ``as_of``, for the proximity notification."""
    valid = MissionArea.objects.filter(kind=MissionArea.Kind.AREA, valid_from__lte=as_of).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=as_of))
    return tuple((mission_id, shape(geometry)) for mission_id, geometry in valid.values_list("mission_id", "geometry"))


_BORDERS: dict[tuple, tuple] = {}  # (shapes digest, countries) -> borders; shapes change only on import


def _borders(countries: Iterable[str] | None) -> tuple:
    """Shared borders of ``countries`` (all when None), cached on a digest of the stored shapes:
    computing them for every country takes about a second, reading the shapes a few ms."""
    rows = _fetch(Country.objects.exclude(geometry=None).order_by("iso3").values_list("iso3", "geometry"))
    digest = hashlib.sha1(json.dumps([(iso3, geometry if isinstance(geometry, str) else json.dumps(geometry))
                                      for iso3, geometry in rows]).encode()).hexdigest()
    key = (digest, frozenset(countries) if countries else None)
    if key not in _BORDERS:
        shapes = {iso3: json.loads(geometry) if isinstance(geometry, str) else geometry for iso3, geometry in rows}
        if len(_BORDERS) > 16:
            _BORDERS.clear()
        _BORDERS[key] = shared_borders(shapes, only=set(countries) if countries else None)
    return _BORDERS[key]
