"""Writes to the incident store that come from files: the event import and duplicate linking.

The import is the only place that writes imported incidents. It streams the parser's rows,
resolves countries, actors and mission areas from caches built once per import, and writes
in batches (``BATCH_SIZE`` rows) with bulk inserts, so memory stays bounded whatever the file
size. Everything happens in one transaction: unless ``skip_bad`` is given, a single bad line
rolls the whole import back (a failed import leaves the store as it was: nothing half-written); with
``skip_bad`` bad lines are skipped and every one is reported. Imported rows get history rows
too (the rows simple_history would write, copied inside the database), attributed to the
importing user. How it stays fast (ids taken up front, COPY/executemany of plain tuples, indexes
built once on SQLite): docs/incidents-import.md, "Speed and memory".
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from peaceops.accounts.access import history_user, permits, require, visible
from peaceops.accounts.roles import Action
from peaceops.core.bulk_history import FastInsert, IdAllocator, copy_to_history, history_marks
from peaceops.core.classification import Classification
from peaceops.core.import_transaction import Rollback, import_transaction
from peaceops.incidents import dedup
from peaceops.incidents.imports.formats import DEFAULT_GRADES, EventRow, LineError, parse
from peaceops.incidents.imports.formats.base import ImportReport
from peaceops.incidents.log.selectors import actors_for
from peaceops.incidents.membership import mission_areas_index
from peaceops.incidents.models import Actor, Incident, IncidentActor, IncidentSource
from peaceops.registry.countries import CountryResolver
from peaceops.registry.models import Mission

BATCH_SIZE = 5000
BBOX_MARGIN_DEGREES = 0.5  # points on a border river or a coarse centroid may sit just outside

# Incident columns an import sets; a re-import compares these to decide "updated" vs unchanged.
IMPORTED_FIELDS = (
    "start_date", "end_date", "date_precision", "reported_on", "latitude", "longitude", "geo_precision",
    "location", "country_id", "admin1", "admin2", "category", "source_category", "description",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "deaths_best", "deaths_low", "deaths_high",
    "injured", "abducted", "owning_mission_id", "classification",
)


def events_import(path, fmt: str, *, mission: Mission | None = None,
                  classification: int = Classification.UNCLASSIFIED, user, dry_run: bool = False,
                  skip_bad: bool = False, batch_size: int = BATCH_SIZE, today: date | None = None,
                  progress: Callable[[int, int, int], None] | None = None,
                  display_name: str | None = None) -> ImportReport:
    """Import one file of events; see the module docstring for the guarantees.

    ``mission`` owns the imported rows (None: shared reference data, which must then be
    unclassified). ``progress(rows_read, rows_total, errors)`` is called every batch (rows_total 0: not known).
    """
    if mission is None and classification != Classification.UNCLASSIFIED:
        raise ValueError("reference data without an owning mission must be unclassified")
    require(user, Action.EDIT_INCIDENTS, mission_id=mission.pk if mission else None,
            classification=classification, what="import events")
    report = ImportReport(file=display_name or Path(path).name, format=fmt, dry_run=dry_run)
    # The real date, not the scenario's (core.clock): a file's events cannot lie after today in the world,
    # but they may well lie after a replayed scenario's day (UCDP GED runs to 2022, the demo to 2009).
    today = today or timezone.localdate()
    with _bulk_write_settings(), import_transaction(report, dry_run):
        writer = _BatchWriter(fmt, report, mission, classification, user, file_bytes=Path(path).stat().st_size)
        _run(parse(fmt, path, today), writer, report, skip_bad, batch_size, progress)
        if dry_run or (report.errors and not skip_bad):
            raise Rollback
        writer.deferred_indexes.build()
    if not report.rolled_back and report.created + report.updated >= STATISTICS_AFTER_ROWS:
        statistics_refresh()
    return report


# After a large import the planner's statistics are stale (SQLite even loses those of the indexes
# the import dropped and rebuilt): the map and sitrep queries then pick poor plans, several times
# slower (docs/sitrep.md, benchmarks/map_data.py "before ANALYZE").
STATISTICS_AFTER_ROWS = 10_000


def statistics_refresh() -> None:
    """Let the database's query planner re-read the incident tables' statistics."""
    tables = [Incident._meta.db_table, Incident.missions.through._meta.db_table]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit = 1000")  # sampled: a second or so on a million rows
            for table in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
        else:
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))


# SQLite's page cache for the import's connection (default 2 MB): a million rows touch a dozen
# indexes at random places, and with the default cache every insert re-read index pages from
# the file; measured: benchmarks/incident_import.py. Restored when the import ends.
SQLITE_IMPORT_CACHE_KIB = 256 * 1024


@contextmanager
def _bulk_write_settings():
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous_cache,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous_cache)}")


def _run(rows: Iterable, writer: _BatchWriter, report: ImportReport, skip_bad: bool, batch_size: int,
         progress) -> None:
    batch: list[EventRow] = []
    seen_ids: set[str] = set()
    failing = False
    for item in rows:
        report.read += 1
        if isinstance(item, EventRow):
            item = writer.check(item, seen_ids)
        if isinstance(item, LineError):
            failing = report.bad_line(item, skip_bad) or failing
            continue
        if failing:
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            writer.write(batch)
            batch = []
            if progress:
                progress(report.read, 0, len(report.errors))
    if batch and not failing:
        writer.write(batch)
    if progress:
        progress(report.read, 0, len(report.errors))


# --- countries ---------------------------------------------------------------------------------
# One resolver for every import (peaceops.registry.countries): ISO3, then Gleditsch-Ward number,
# then name (alias, ISO name, pycountry's fuzzy search for event datasets' spellings).


def _inside(box, lat: float, lon: float) -> bool:
    west, south, east, north = box
    m = BBOX_MARGIN_DEGREES
    return west - m <= lon <= east + m and south - m <= lat <= north + m


# --- actors ---------------------------------------------------------------------------------


ACTOR_KIND_HINTS = (
    ("civilians", Actor.Kind.CIVILIANS),
    ("protesters", Actor.Kind.PROTESTERS),
    ("rioters", Actor.Kind.PROTESTERS),
    ("aid workers", Actor.Kind.HUMANITARIAN),
    ("united nations", Actor.Kind.UN),
    ("peacekeep", Actor.Kind.UN),
    ("government of", Actor.Kind.STATE),
    ("military forces", Actor.Kind.STATE),
    ("police forces", Actor.Kind.STATE),
    ("militia", Actor.Kind.MILITIA),
)


def actor_kind_guess(name: str) -> str:
    lowered = name.lower()
    for hint, kind in ACTOR_KIND_HINTS:
        if hint in lowered:
            return kind
    return Actor.Kind.OTHER


class ActorCache:
    """Actor ids by name or alias (case-insensitive), creating missing actors in bulk."""

    def __init__(self, user, reason: str):
        self.user, self.reason = user, reason
        self.ids: dict[str, int] = {}
        self.by_raw_name: dict[str, int] = {}  # names exactly as the file spells them: no casefold per row
        # Only actors the importer may see: a hidden one is neither linked nor revealed (log.services.actor_named).
        for pk, name, aliases in actors_for(user).values_list("pk", "name", "aliases"):
            self.ids.setdefault(name.casefold(), pk)
            for alias in aliases or []:
                self.ids.setdefault(str(alias).casefold(), pk)

    def ensure(self, rows: Iterable[EventRow]) -> None:
        """Create, in one bulk insert, the actors of ``rows`` that are not in the store yet."""
        known, missing = self.by_raw_name, {}
        for row in rows:
            for name, _ in row.actors:
                if name not in known:
                    key = name[:300].casefold()
                    if key not in self.ids and key not in missing:
                        missing[key] = name[:300]
        if not missing:
            return
        created = Actor.objects.bulk_create(
            [Actor(name=name, kind=actor_kind_guess(name)) for name in missing.values()])
        Actor.history.bulk_history_create(created, default_user=history_user(self.user),
                                          default_change_reason=self.reason)
        for actor in created:
            self.ids[actor.name.casefold()] = actor.pk

    def id_for(self, name: str) -> int:
        try:
            return self.by_raw_name[name]
        except KeyError:
            pk = self.by_raw_name[name] = self.ids[name[:300].casefold()]
            return pk


# --- the batch writer -----------------------------------------------------------------------

# Incident columns that vary from row to row, read off the parser's rows in one C call
# (operator.attrgetter); the owner, classification and creator are the same on every row.
ROW_FIELDS = tuple(f for f in IMPORTED_FIELDS if f not in ("owning_mission_id", "classification"))
_identity_and_values = operator.attrgetter("dataset", "external_id", *ROW_FIELDS)
_values = operator.attrgetter(*ROW_FIELDS)


class _BatchWriter:
    def __init__(self, fmt: str, report: ImportReport, mission, classification: int, user, file_bytes: int = 0):
        self.report, self.user = report, user
        self.file_bytes = file_bytes
        self.deferred_indexes = _DeferredIndexes()
        self.reason = f"import {report.file} ({fmt})"
        self.owner_id = mission.pk if mission else None
        self.classification = int(classification)
        self.countries = CountryResolver(guess=True, with_bounds=True)
        self.actors = ActorCache(user, self.reason)
        self.areas = mission_areas_index()
        self.dataset_had_rows: dict[str, bool] = {}
        self.may_change_cache: dict[tuple, bool] = {}
        self.history_marks = history_marks(user.pk, self.reason)
        reliability, credibility = DEFAULT_GRADES[fmt]
        self.ids = IdAllocator(Incident)
        self.incidents = FastInsert(Incident, ("id", "dataset", "external_id", *ROW_FIELDS),
                                    {"owning_mission_id": self.owner_id, "classification": self.classification,
                                     "created_by_id": user.pk})
        self.actor_links = FastInsert(IncidentActor, ("incident_id", "actor_id", "side"))
        self.mission_areas = FastInsert(Incident.missions.through, ("incident_id", "mission_id"))
        self.sources = FastInsert(IncidentSource, ("incident_id", "name", "reference", "reported_on"),
                                  {"reliability": reliability, "credibility": credibility})

    # Checks that need the database's reference tables; the parser did the rest.
    def check(self, row: EventRow, seen_ids: set[str]) -> EventRow | LineError:
        if row.external_id in seen_ids:
            return LineError(row.line, "id", f"id {row.external_id!r} occurs twice in the file")
        seen_ids.add(row.external_id)
        country_id = self.countries.resolve(iso3=row.country_iso3, gw=row.country_gw, name=row.country_name)
        if country_id is None:
            named = row.country_iso3 or row.country_name or (f"GW {row.country_gw}" if row.country_gw else "")
            return LineError(row.line, "country", f"unknown country {named!r}" if named else "no country given")
        box = self.countries.bounds.get(country_id)
        if box and row.latitude is not None and not _inside(box, row.latitude, row.longitude):
            hint = " (latitude and longitude swapped?)" if _inside(box, row.longitude, row.latitude) else ""
            named = row.country_name or row.country_iso3 or "the country"
            return LineError(row.line, "latitude", f"{row.latitude}, {row.longitude} lies outside {named}{hint}")
        row.country_id = country_id
        return row

    def write(self, rows: list[EventRow]) -> None:
        self.actors.ensure(rows)
        dataset = rows[0].dataset
        if not self.dataset_had_rows.setdefault(dataset, Incident.objects.filter(dataset=dataset).exists()):
            # A dataset new to the store cannot hold these ids (ids are unique within the file):
            # skip the lookup, which is most of the cost of a re-import.
            self.deferred_indexes.drop_if_worth_it(self.file_bytes)
            self._create(rows)
            return
        # exclude(external_id=""): repeats the unique index's condition so SQLite can use that
        # partial index; without it every batch scanned the whole table (quadratic at 1M rows).
        existing = {
            values[1]: values
            for values in Incident.objects.filter(dataset=dataset, external_id__in=[r.external_id for r in rows])
            .exclude(external_id="").values_list("pk", "external_id", *ROW_FIELDS, "owning_mission_id",
                                                 "classification")
        }
        new_rows, changed = [], []
        old_links = self._links_of([values[0] for values in existing.values()]) if existing else {}
        constants = (self.owner_id, self.classification)
        for row in rows:
            found = existing.get(row.external_id)
            if found is None:
                new_rows.append(row)
            elif not self.may_change(found[-2], found[-1]):
                self.report.refused.append(row.line)
            elif found[2:] != _values(row) + constants or old_links.get(found[0]) != self._link_key(row):
                changed.append((found[0], row))
            else:
                self.report.unchanged += 1
        if new_rows:
            self._create(new_rows)
        if changed:
            self._update(changed)

    def may_change(self, owner_id: int | None, classification: int) -> bool:
        """Whether the importer may overwrite a stored record as it is now (asked once per owner and level).

        A re-import updates only records the importer could edit by hand: another mission's
        record, or one above the importer's clearance, is left as it is (and not described).
        """
        key = (owner_id, classification)
        if key not in self.may_change_cache:
            self.may_change_cache[key] = permits(self.user, Action.EDIT_INCIDENTS, owner_id, classification)
        return self.may_change_cache[key]

    def _link_key(self, row: EventRow):
        actors = frozenset((self.actors.id_for(name), side) for name, side in row.actors)
        sources = frozenset((name[:300], reference[:500]) for name, reference in row.sources)
        return actors, sources

    def _links_of(self, incident_ids: list[int]) -> dict[int, tuple[frozenset, frozenset]]:
        actors: dict[int, set] = {pk: set() for pk in incident_ids}
        sources: dict[int, set] = {pk: set() for pk in incident_ids}
        for incident_id, actor_id, side in IncidentActor.objects.filter(incident_id__in=incident_ids) \
                .values_list("incident_id", "actor_id", "side"):
            actors[incident_id].add((actor_id, side))
        for incident_id, name, reference in IncidentSource.objects.filter(incident_id__in=incident_ids) \
                .values_list("incident_id", "name", "reference"):
            sources[incident_id].add((name, reference))
        return {pk: (frozenset(actors[pk]), frozenset(sources[pk])) for pk in incident_ids}

    def _create(self, rows: list[EventRow]) -> None:
        """Insert new incidents with ids taken up front, then their history and links (no lookups)."""
        ids = self.ids.take(len(rows))
        self.incidents.run([(pk, *_identity_and_values(row)) for pk, row in zip(ids, rows, strict=True)])
        copy_to_history(Incident, "id", ids, self.history_marks)
        self._link(list(zip(ids, rows, strict=True)))
        self.report.created += len(rows)

    def _update(self, changed: list[tuple[int, EventRow]]) -> None:
        incidents = []
        for pk, row in changed:
            values = dict(zip(ROW_FIELDS, _values(row), strict=True), owning_mission_id=self.owner_id,
                          classification=self.classification)
            incidents.append(Incident(pk=pk, dataset=row.dataset, external_id=row.external_id, **values))
        Incident.objects.bulk_update(incidents, list(IMPORTED_FIELDS))
        # History rows need the whole record: reload the changed rows once, in one query.
        fresh = list(Incident.objects.filter(pk__in=[pk for pk, _ in changed]))
        Incident.history.bulk_history_create(fresh, update=True, default_user=history_user(self.user),
                                             default_change_reason=self.reason)
        ids = [pk for pk, _ in changed]
        IncidentActor.objects.filter(incident_id__in=ids).delete()
        IncidentSource.objects.filter(incident_id__in=ids).delete()
        Incident.missions.through.objects.filter(incident_id__in=ids).delete()
        self._link(changed)
        self.report.updated += len(changed)

    def _link(self, pairs: list[tuple[int, EventRow]]) -> None:
        """Actors, sources and mission areas of freshly written incidents, each in one bulk insert."""
        actor_links, sources = [], []
        actor_id = self.actors.id_for
        for pk, row in pairs:
            actors = row.actors
            if len(actors) == 1 or (len(actors) == 2 and actors[0][1] != actors[1][1]):
                # (actor, side) pairs on different sides cannot repeat: no de-duplication needed
                for name, side in actors:
                    actor_links.append((pk, actor_id(name), side))
            elif actors:
                for key in {(actor_id(name), side): None for name, side in actors}:  # keeps order, drops repeats
                    actor_links.append((pk, *key))
            for name, reference in row.sources:
                sources.append((pk, name[:300], reference[:500], row.reported_on))
        # Mission areas for the whole batch at once (peaceops/incidents/areas.py: one STRtree query).
        rows = [row for _pk, row in pairs]
        found = self.areas.assign([r.country_id for r in rows], [r.start_date for r in rows],
                                  [r.longitude for r in rows], [r.latitude for r in rows])
        areas = [(pairs[index][0], mission_id) for index, mission_id in found]
        self.actor_links.run(actor_links)
        self.mission_areas.run(areas)
        if sources:
            self.sources.run(sources)
            copy_to_history(IncidentSource, "incident_id", [pk for pk, _ in pairs], self.history_marks)


class _DeferredIndexes:
    """SQLite: a large file into a small store builds the incident tables' indexes once, at the end.

    Inserting a million incidents updates each of the incident table's dozen indexes (and the
    history table's ten) a million times at random places; dropping them inside the import's
    transaction and creating them again just before it commits sorts each index once instead.
    Readers never see the tables without them (WAL: they read the last committed state), and a
    failed import rolls the drop back with everything else. Only for a dataset new to the store,
    when no lookup during the import needs an index; the rebuilt (dataset, external_id) unique
    index would still refuse a duplicate. PostgreSQL keeps its indexes: DROP INDEX would lock
    out every reader of the table until the import commits.
    """

    # Measured at 50,000 events into an empty store: 2.9 s deferred against 3.2 s maintained;
    # under 10,000 rows the dozens of DROP/CREATE statements are not worth it.
    MIN_ROWS = 10_000
    BYTES_PER_ROW = 1_000  # a low estimate of the rows (UCDP CSV ~230 bytes a row, GeoJSON ~1 kB)

    def __init__(self):
        self.decided = False
        self.dropped: list[str] = []

    def drop_if_worth_it(self, file_bytes: int) -> None:
        if self.decided or connection.vendor != "sqlite":
            return
        self.decided = True
        expected = file_bytes // self.BYTES_PER_ROW
        if expected < self.MIN_ROWS or Incident.objects.count() > expected:
            return
        with connection.cursor() as cursor:
            for model in (Incident, Incident.history.model):
                cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                               "AND sql IS NOT NULL", [model._meta.db_table])
                for name, sql in cursor.fetchall():
                    cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
                    self.dropped.append(sql)

    def build(self) -> None:
        with connection.cursor() as cursor:
            for sql in self.dropped:
                cursor.execute(sql)
        self.dropped = []


# --- duplicates -----------------------------------------------------------------------------


def duplicates_link(incidents=None, *, user) -> int:
    """Link reports of the same event across datasets (rule: peaceops.incidents.dedup).

    In each group of duplicates, the report with the best-graded source stays the master and
    the others point to it through ``duplicate_of``. Returns how many reports were linked. Only
    reports ``user`` may read are compared, and only those they may correct are marked.
    """
    require(user, Action.EDIT_INCIDENTS, mission_id=None, shared_by_any=True, what="link duplicates")
    queryset = incidents if incidents is not None else Incident.objects.all()
    queryset = visible(queryset, user).filter(latitude__isnull=False)
    editable = {key for key in queryset.values_list("owning_mission_id", "classification").distinct()
                if permits(user, Action.EDIT_INCIDENTS, *key)}
    reports = []
    grades = {}
    for incident_id, reliability, credibility in IncidentSource.objects.filter(incident__in=queryset) \
            .values_list("incident_id", "reliability", "credibility"):
        grade = (reliability, credibility)
        if incident_id not in grades or grade < grades[incident_id]:
            grades[incident_id] = grade
    actors: dict[int, set] = {}
    for incident_id, actor_id in IncidentActor.objects.filter(incident__in=queryset) \
            .values_list("incident_id", "actor_id"):
        actors.setdefault(incident_id, set()).add(actor_id)
    may_mark = set()
    for pk, dataset, day, lat, lon, category, owner, level in queryset.values_list(
            "pk", "dataset", "start_date", "latitude", "longitude", "category", "owning_mission_id", "classification"):
        if (owner, level) in editable:
            may_mark.add(pk)
        reports.append(dedup.Report(key=pk, dataset=dataset, day=day, latitude=lat, longitude=lon,
                                    category=category, actors=frozenset(actors.get(pk, ())),
                                    grade=grades.get(pk, ("F", 6))))
    links = dedup.duplicate_links(reports)
    changed = []
    with transaction.atomic():
        for duplicate_id, master_id in links.items():
            if duplicate_id not in may_mark:
                continue
            changed.append(Incident(pk=duplicate_id, duplicate_of_id=master_id))
        Incident.objects.bulk_update(changed, ["duplicate_of"], batch_size=1000)
        if changed:
            fresh = list(Incident.objects.filter(pk__in=[c.pk for c in changed]))
            Incident.history.bulk_history_create(fresh, update=True, default_user=history_user(user),
                                                 default_change_reason="linked as duplicate")
    return len(changed)
