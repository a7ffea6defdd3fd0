"""Writes to the incident store that come from files: the event import and duplicate linking.

The import is the only place that writes imported incidents. It streams the parser's rows,
resolves countries, actors and mission areas from caches built once per import, and writes
in batches (``BATCH_SIZE`` rows) with bulk inserts, so memory stays bounded whatever the file
size. Everything happens in one transaction: unless ``skip_bad`` is given, a single bad line
rolls the whole import back (issue 3: "a failed import leaves the store as it was"); with
``skip_bad`` bad lines are skipped and every one is reported. Imported rows get history rows
too (simple_history's bulk_history_create), attributed to the importing user.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry
from django.db import connection, transaction
from django.utils import timezone

from peaceops.core.classification import Classification
from peaceops.incidents import dedup
from peaceops.incidents.areas import MissionAreas, spans_from_missions
from peaceops.incidents.importers import DEFAULT_GRADES, EventRow, ImportFileError, LineError, parse
from peaceops.incidents.importers.countries import GW_TO_ISO3, NAME_TO_ISO3
from peaceops.incidents.models import Actor, Incident, IncidentActor, IncidentSource
from peaceops.registry.models import Country, Mission

BATCH_SIZE = 5000
BBOX_MARGIN_DEGREES = 0.5  # points on a border river or a coarse centroid may sit just outside

# Incident columns an import sets; a re-import compares these to decide "updated" vs unchanged.
IMPORTED_FIELDS = (
    "start_date", "end_date", "date_precision", "reported_on", "latitude", "longitude", "geo_precision",
    "location", "country_id", "admin1", "admin2", "category", "source_category", "description",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "deaths_best", "deaths_low", "deaths_high",
    "injured", "abducted", "owning_mission_id", "classification",
)


@dataclass
class ImportReport:
    """What an import did; ``as_json`` is the CLI's --json object and the upload page's report."""

    file: str
    format: str
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: list[LineError] = field(default_factory=list)
    dry_run: bool = False
    rolled_back: bool = False

    @property
    def ok(self) -> bool:
        return not self.rolled_back or self.dry_run

    def as_json(self) -> dict:
        return {"read": self.read, "created": self.created, "updated": self.updated, "skipped": self.skipped,
                "errors": [error.as_dict() for error in self.errors]}

    def summary(self) -> str:
        if self.rolled_back and not self.dry_run:
            head = f"{self.file}: import FAILED, nothing written ({len(self.errors)} error(s) in {self.read} rows read)"
        else:
            verb = "would be" if self.dry_run else "were"
            head = (f"{self.file}: {self.read} rows read; {self.created} {verb} created, {self.updated} updated, "
                    f"{self.unchanged} unchanged, {self.skipped} bad lines skipped")
        lines = [head]
        lines += [f"  line {e.line}, field {e.field}: {e.message}" for e in self.errors[:50]]
        if len(self.errors) > 50:
            lines.append(f"  ... and {len(self.errors) - 50} more")
        return "\n".join(lines)


class _Rollback(Exception):
    pass


def import_events(path, fmt: str, *, mission: Mission | None = None,
                  classification: int = Classification.UNCLASSIFIED, user=None, dry_run: bool = False,
                  skip_bad: bool = False, batch_size: int = BATCH_SIZE, today: date | None = None,
                  progress: Callable[[int, int], None] | None = None, display_name: str | None = None) -> ImportReport:
    """Import one file of events; see the module docstring for the guarantees.

    ``mission`` owns the imported rows (None: shared reference data, which must then be
    unclassified). ``progress(rows_read, 0)`` is called every batch.
    """
    if mission is None and classification != Classification.UNCLASSIFIED:
        raise ValueError("reference data without an owning mission must be unclassified")
    report = ImportReport(file=display_name or Path(path).name, format=fmt, dry_run=dry_run)
    today = today or timezone.localdate()
    try:
        with transaction.atomic():
            writer = _BatchWriter(fmt, report, mission, classification, user)
            _run(parse(fmt, path, today), writer, report, skip_bad, batch_size, progress)
            if dry_run or (report.errors and not skip_bad):
                raise _Rollback
    except _Rollback:
        report.rolled_back = True
    except ImportFileError as error:
        report.errors.append(error.as_line_error())
        report.rolled_back = True
    if report.rolled_back and not dry_run:
        report.created = report.updated = report.unchanged = 0
    return report


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
            report.errors.append(item)
            if skip_bad:
                report.skipped += 1
            else:
                failing = True  # keep reading to report every bad line, but write nothing more
            continue
        if failing:
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            writer.write(batch)
            batch = []
            if progress:
                progress(report.read, 0)
    if batch and not failing:
        writer.write(batch)
    if progress:
        progress(report.read, 0)


# --- countries ------------------------------------------------------------------------------


class CountryResolver:
    """ISO3, then Gleditsch-Ward number, then name (exact, known alias, pycountry fuzzy)."""

    def __init__(self):
        if not Country.objects.exists():
            from peaceops.registry.services import load_countries

            load_countries()
        self.by_iso3: dict[str, int] = {}
        self.by_name: dict[str, int | None] = {}
        self.bbox: dict[int, tuple[float, float, float, float]] = {}
        for pk, iso3, name, geometry in Country.objects.values_list("pk", "iso3", "name", "geometry"):
            self.by_iso3[iso3] = pk
            self.by_name[name.casefold()] = pk
            if geometry:
                box = _bbox(geometry)
                if box:
                    self.bbox[pk] = box

    def resolve(self, row: EventRow) -> int | None:
        if row.country_iso3 and row.country_iso3.upper() in self.by_iso3:
            return self.by_iso3[row.country_iso3.upper()]
        if row.country_gw is not None and GW_TO_ISO3.get(row.country_gw) in self.by_iso3:
            return self.by_iso3[GW_TO_ISO3[row.country_gw]]
        return self._by_name(row.country_name) if row.country_name else None

    def _by_name(self, name: str) -> int | None:
        key = name.casefold().strip()
        if key not in self.by_name:
            self.by_name[key] = self._lookup(key)
        return self.by_name[key]

    def _lookup(self, key: str) -> int | None:
        if key in NAME_TO_ISO3:
            return self.by_iso3.get(NAME_TO_ISO3[key])
        try:
            return self.by_iso3.get(pycountry.countries.lookup(key).alpha_3)
        except LookupError:
            pass
        if len(key) <= 3:
            return None  # a short unknown code: fuzzy search would guess (it maps "OPT" to Mali)
        try:
            matches = pycountry.countries.search_fuzzy(key)
        except LookupError:
            return None
        return self.by_iso3.get(matches[0].alpha_3) if matches else None


def _bbox(geometry: dict) -> tuple[float, float, float, float] | None:
    xs, ys = [], []

    def walk(node):
        if isinstance(node, (list, tuple)) and node and isinstance(node[0], (int, float)):
            xs.append(node[0])
            ys.append(node[1])
        elif isinstance(node, (list, tuple)):
            for child in node:
                walk(child)

    shapes = geometry.get("geometries") or [geometry.get("geometry", geometry)]
    for shape in shapes:
        walk(shape.get("coordinates", []))
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


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


def guess_actor_kind(name: str) -> str:
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
        for pk, name, aliases in Actor.objects.values_list("pk", "name", "aliases"):
            self.ids.setdefault(name.casefold(), pk)
            for alias in aliases or []:
                self.ids.setdefault(str(alias).casefold(), pk)

    def ensure(self, names: Iterable[str]) -> None:
        missing = {}
        for name in names:
            key = name[:300].casefold()
            if key not in self.ids and key not in missing:
                missing[key] = name[:300]
        if not missing:
            return
        created = Actor.objects.bulk_create(
            [Actor(name=name, kind=guess_actor_kind(name)) for name in missing.values()])
        Actor.history.bulk_history_create(created, default_user=self.user, default_change_reason=self.reason)
        for actor in created:
            self.ids[actor.name.casefold()] = actor.pk

    def id_for(self, name: str) -> int:
        return self.ids[name[:300].casefold()]


# --- the batch writer -----------------------------------------------------------------------


class _BatchWriter:
    def __init__(self, fmt: str, report: ImportReport, mission, classification: int, user):
        self.report, self.user = report, user
        self.reason = f"import {report.file} ({fmt})"
        self.owner_id = mission.pk if mission else None
        self.classification = int(classification)
        self.grade = DEFAULT_GRADES[fmt]
        self.countries = CountryResolver()
        self.actors = ActorCache(user, self.reason)
        self.areas = MissionAreas(spans_from_missions(Mission.objects.prefetch_related("host_countries")))
        self.inserts = _Inserts()
        self.dataset_had_rows: dict[str, bool] = {}
        self.history_marks = {"history_date": timezone.now(), "history_type": "+",
                              "history_user_id": user.pk if user else None, "history_change_reason": self.reason}

    # Checks that need the database's reference tables; the parser did the rest.
    def check(self, row: EventRow, seen_ids: set[str]) -> EventRow | LineError:
        if row.external_id in seen_ids:
            return LineError(row.line, "id", f"id {row.external_id!r} occurs twice in the file")
        seen_ids.add(row.external_id)
        country_id = self.countries.resolve(row)
        if country_id is None:
            named = row.country_iso3 or row.country_name or (f"GW {row.country_gw}" if row.country_gw else "")
            return LineError(row.line, "country", f"unknown country {named!r}" if named else "no country given")
        box = self.countries.bbox.get(country_id)
        if box and row.latitude is not None and not _inside(box, row.latitude, row.longitude):
            hint = " (latitude and longitude swapped?)" if _inside(box, row.longitude, row.latitude) else ""
            return LineError(row.line, "latitude",
                             f"{row.latitude}, {row.longitude} lies outside {row.country_name or row.country_iso3 or 'the country'}{hint}")
        row.country_id = country_id  # type: ignore[attr-defined]
        return row

    def write(self, rows: list[EventRow]) -> None:
        self.actors.ensure(name for row in rows for name, _ in row.actors)
        dataset = rows[0].dataset
        existing = {}
        if self.dataset_had_rows.setdefault(dataset, Incident.objects.filter(dataset=dataset).exists()):
            # Only a dataset already in the store can hold these ids (ids are unique within the file).
            existing = {
                values[1]: values
                for values in Incident.objects.filter(dataset=dataset, external_id__in=[r.external_id for r in rows])
                .values_list("pk", "external_id", *(f for f in IMPORTED_FIELDS))
            }
        new_rows, changed = [], []
        old_links = self._links_of([values[0] for values in existing.values()]) if existing else {}
        for row in rows:
            values = self._field_values(row)
            found = existing.get(row.external_id)
            if found is None:
                new_rows.append((row, values))
            elif tuple(found[2:]) != tuple(values.values()) or old_links.get(found[0]) != self._link_key(row):
                changed.append((found[0], row, values))
            else:
                self.report.unchanged += 1
        if new_rows:
            self._create(new_rows)
        if changed:
            self._update(changed)

    def _field_values(self, row: EventRow) -> dict:
        values = {name: getattr(row, name) for name in IMPORTED_FIELDS
                  if name not in ("country_id", "owning_mission_id", "classification")}
        values["country_id"] = row.country_id  # type: ignore[attr-defined]
        values["owning_mission_id"] = self.owner_id
        values["classification"] = self.classification
        return {name: values[name] for name in IMPORTED_FIELDS}

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

    def _create(self, new_rows: list[tuple[EventRow, dict]]) -> None:
        """Insert new incidents and their history with raw executemany (see FastInsert for why)."""
        user_id = self.user.pk if self.user else None
        records = []
        for row, values in new_rows:
            record = dict(values, dataset=row.dataset, external_id=row.external_id, created_by_id=user_id)
            records.append(record)
        self.inserts.incident.run(records)
        ids = dict(_ids_by_external_id(new_rows[0][0].dataset, [row.external_id for row, _ in new_rows]))
        for record in records:
            record["id"] = ids[record["external_id"]]
        _copy_to_history(Incident, "id", [record["id"] for record in records], self.history_marks)
        self._link([(ids[row.external_id], row) for row, _ in new_rows])
        self.report.created += len(records)

    def _update(self, changed: list[tuple[int, EventRow, dict]]) -> None:
        incidents = []
        for pk, row, values in changed:
            incident = Incident(pk=pk, dataset=row.dataset, external_id=row.external_id, **values)
            incidents.append(incident)
        Incident.objects.bulk_update(incidents, [f for f in IMPORTED_FIELDS])
        # History rows need the whole record: reload the changed rows once, in one query.
        fresh = list(Incident.objects.filter(pk__in=[pk for pk, _, _ in changed]))
        Incident.history.bulk_history_create(fresh, update=True, default_user=self.user,
                                             default_change_reason=self.reason)
        ids = [pk for pk, _, _ in changed]
        IncidentActor.objects.filter(incident_id__in=ids).delete()
        IncidentSource.objects.filter(incident_id__in=ids).delete()
        Incident.missions.through.objects.filter(incident_id__in=ids).delete()
        self._link([(pk, row) for pk, row, _ in changed])
        self.report.updated += len(changed)

    def _link(self, pairs: list[tuple[int, EventRow]]) -> None:
        """Actors, sources and mission areas of freshly written incidents, each in one bulk insert."""
        reliability, credibility = self.grade
        actor_links, sources, areas = [], [], []
        for pk, row in pairs:
            seen = set()
            for name, side in row.actors:
                key = (self.actors.id_for(name), side)
                if key not in seen:
                    seen.add(key)
                    actor_links.append({"incident_id": pk, "actor_id": key[0], "side": side})
            for name, reference in row.sources:
                sources.append({"incident_id": pk, "name": name[:300], "reference": reference[:500],
                                "reliability": reliability, "credibility": credibility,
                                "reported_on": row.reported_on})
            for mission_id in self.areas.missions_for(row.country_id, row.start_date):  # type: ignore[attr-defined]
                areas.append({"incident_id": pk, "mission_id": mission_id})
        self.inserts.actor_link.run(actor_links)
        self.inserts.mission_area.run(areas)
        if sources:
            self.inserts.source.run(sources)
            _copy_to_history(IncidentSource, "incident_id", sorted({source["incident_id"] for source in sources}),
                             self.history_marks)


def _copy_to_history(model, key_column: str, keys: list[int], marks: dict) -> None:
    """History rows for just-inserted rows, copied inside the database (INSERT ... SELECT).

    Same rows as simple_history's bulk_history_create would write (every tracked column, plus
    date, type "+", user and reason), without shipping each row through Python twice.
    """
    history = model.history.model
    quote = connection.ops.quote_name
    mark_names = ("history_date", "history_type", "history_user_id", "history_change_reason")
    copied = [f for f in history._meta.local_concrete_fields
              if not f.primary_key and f.attname not in mark_names]
    mark_fields = [history._meta.get_field(name.removesuffix("_id")) for name in mark_names]
    mark_values = [marks["history_date"], marks["history_type"], marks["history_user_id"],
                   marks["history_change_reason"]]
    mark_values[0] = connection.ops.adapt_datetimefield_value(mark_values[0])
    columns = ", ".join(quote(f.column) for f in copied + mark_fields)
    source_columns = ", ".join(quote(model._meta.get_field(f.name).column) for f in copied)
    with connection.cursor() as cursor:
        for start in range(0, len(keys), 900):
            chunk = keys[start:start + 900]
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} ({columns}) "
                f"SELECT {source_columns}, %s, %s, %s, %s FROM {quote(model._meta.db_table)} "
                f"WHERE {quote(key_column)} IN ({', '.join(['%s'] * len(chunk))})",
                [*mark_values, *chunk])


def _ids_by_external_id(dataset: str, external_ids: list[str]) -> list[tuple[str, int]]:
    """(external_id, pk) of just-inserted rows; raw SQL, as the ORM's IN-lookup costs more than the query."""
    table = connection.ops.quote_name(Incident._meta.db_table)
    rows = []
    with connection.cursor() as cursor:
        for start in range(0, len(external_ids), 900):  # stay under SQLite's variable limit
            chunk = external_ids[start:start + 900]
            cursor.execute(f"SELECT external_id, id FROM {table} WHERE dataset = %s AND external_id IN "
                           f"({', '.join(['%s'] * len(chunk))})", [dataset, *chunk])
            rows.extend(cursor.fetchall())
    return rows


class FastInsert:
    """``INSERT`` of plain dicts through the driver's executemany, for one model's table.

    Why not ``bulk_create``: building model instances and compiling Django's multi-row INSERT
    costs ~0.3 ms per row per table, which made the ORM import 10x slower than the driver
    (measured: benchmarks/incident_import.py, docs/incidents-import.md). Values are adapted with
    the backend's own date/datetime adapters; missing columns get the field's default.
    """

    def __init__(self, model):
        fields = [f for f in model._meta.local_concrete_fields if not (f.primary_key and f.get_internal_type()
                                                                       in ("AutoField", "BigAutoField"))]
        self.names = [f.attname for f in fields]
        self.defaults = [f.get_default() for f in fields]
        ops = connection.ops
        adapters = {"DateField": ops.adapt_datefield_value, "DateTimeField": ops.adapt_datetimefield_value}
        self.adapt = [adapters.get(f.get_internal_type()) for f in fields]
        quote = connection.ops.quote_name
        self.sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
                    f"VALUES ({', '.join(['%s'] * len(fields))})")

    def run(self, records: list[dict], constants: dict | None = None) -> None:
        """Insert ``records``; ``constants`` (same value on every row) are adapted only once."""
        if not records:
            return
        constants = constants or {}
        pairs = [(name, default) for name, default in zip(self.names, self.defaults)]
        converted = [(i, adapt) for i, adapt in enumerate(self.adapt) if adapt and self.names[i] not in constants]
        for i, name in enumerate(self.names):
            if name in constants:
                value = constants[name]
                pairs[i] = (name, self.adapt[i](value) if self.adapt[i] and value is not None else value)
        pairs = [(name, default, name in constants) for name, default in pairs]
        params = []
        for record in records:
            get = record.get
            values = [default if constant else get(name, default) for name, default, constant in pairs]
            for i, adapt in converted:
                if values[i] is not None:
                    values[i] = adapt(values[i])
            params.append(values)
        with connection.cursor() as cursor:
            cursor.executemany(self.sql, params)


class _Inserts:
    def __init__(self):
        self.incident = FastInsert(Incident)
        self.actor_link = FastInsert(IncidentActor)
        self.mission_area = FastInsert(Incident.missions.through)
        self.source = FastInsert(IncidentSource)


# --- duplicates -----------------------------------------------------------------------------


def link_duplicates(incidents=None, *, user=None) -> int:
    """Link reports of the same event across datasets (rule: peaceops.incidents.dedup).

    In each group of duplicates, the report with the best-graded source stays the master and
    the others point to it through ``duplicate_of``. Returns how many reports were linked.
    """
    queryset = incidents if incidents is not None else Incident.objects.all()
    queryset = queryset.filter(latitude__isnull=False)
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
    for pk, dataset, day, lat, lon, category in queryset.values_list(
            "pk", "dataset", "start_date", "latitude", "longitude", "category"):
        reports.append(dedup.Report(key=pk, dataset=dataset, day=day, latitude=lat, longitude=lon,
                                    category=category, actors=frozenset(actors.get(pk, ())),
                                    grade=grades.get(pk, ("F", 6))))
    links = dedup.duplicate_links(reports)
    changed = []
    with transaction.atomic():
        for duplicate_id, master_id in links.items():
            changed.append(Incident(pk=duplicate_id, duplicate_of_id=master_id))
        Incident.objects.bulk_update(changed, ["duplicate_of"], batch_size=1000)
        if changed:
            fresh = list(Incident.objects.filter(pk__in=[c.pk for c in changed]))
            Incident.history.bulk_history_create(fresh, update=True, default_user=user,
                                                 default_change_reason="linked as duplicate")
    return len(changed)
