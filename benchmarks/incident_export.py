"""The incident exports (CSV with HXL row, GeoJSON, XLSX) of 100,000 incidents, beside raw SQL.

In a throwaway data folder (SQLite, and PostgreSQL too when ``DATABASE_URL`` names a server),
bulk-create incidents over two missions and three classification levels, each with a side-A
actor, a source and its mission area, then, as an analyst cleared for both missions (so the
permission filter is in the query):

- export: ``GET /incidents/export.csv``, ``/incidents/export.geojson`` and ``/incidents/export.xlsx``
  through Django's test client (routing, login session, ``visible``, the filter set, the column
  reads and the writer), the streamed body read to its end;
- baseline: the same rows and columns (joins for country, P-code and mission, correlated
  aggregates for actors, sources and mission areas) fetched with one raw SQL statement on the
  same connection, written with Python's ``csv`` / ``json`` modules, and with openpyxl's
  write-only mode for XLSX.

Targets (docs/benchmarks.md): each export within 3x its baseline; memory flat, i.e. the peak
traced by ``tracemalloc`` while exporting 100,000 rows at most 1.5x the peak for 10,000 rows
(same store, measured before and after the other 90,000 rows are added).
Run with ``peaceops bench [--quick] [--only incident_export]``.
"""

import csv
import io
import json
import random
import statistics
import sys
import tempfile
import time
import tracemalloc

from peaceops.core.benchmarking import environment, on_every_database, run_in_fresh_home

NAME = "incident_export"
INCIDENTS = 100_000
SMALL = 10_000
TARGET_RATIO = 3.0
TARGET_MEMORY_RATIO = 1.5
FORMATS = ("csv", "geojson", "xlsx")
WORDS = ("armed", "men", "attacked", "a", "convoy", "near", "the", "market", "villagers", "reported", "shots",
         "patrol", "fled", "camp", "road", "checkpoint", "looted", "abducted", "two", "drivers")


def setup_world() -> dict:
    import datetime as dt

    from django.db import transaction

    from peaceops.accounts.models import Grant
    from peaceops.accounts.services import user_create
    from peaceops.core.classification import Classification
    from peaceops.incidents.models import Actor
    from peaceops.registry.models import Country, Mission

    with transaction.atomic():
        chad = Country.objects.create(iso3="TCD", iso2="TD", name="Chad")
        sudan = Country.objects.create(iso3="SDN", iso2="SD", name="Sudan")
        alpha = Mission.objects.create(acronym="ALPHA", name="Mission Alpha", kind="peacekeeping",
                                         start_date=dt.date(2008, 1, 1))
        bravo = Mission.objects.create(acronym="BRAVO", name="Mission Bravo", kind="peacekeeping",
                                         start_date=dt.date(2008, 1, 1))
        actors = Actor.objects.bulk_create([Actor(name=f"Armed group {n}") for n in range(50)])
        user = user_create("bench-export", "bench-export-pass-9x!", role="analyst", mission="ALPHA",
                           clearance=Classification.STRICTLY_CONFIDENTIAL, validate=False)
        Grant.objects.create(user=user, role="analyst", mission=bravo, clearance=Classification.STRICTLY_CONFIDENTIAL)
    return {"user_id": user.id, "mission_ids": [alpha.id, bravo.id], "missions": [alpha, bravo],
            "countries": [chad, sudan], "actor_ids": [a.id for a in actors], "created": 0}


def add_incidents(world: dict, count: int, seed: int) -> None:
    """``count`` more incidents, each with one side-A actor, one source and its mission's area."""
    import datetime as dt

    from django.db import transaction

    from peaceops.core.classification import Classification
    from peaceops.incidents.models import Incident, IncidentActor, IncidentSource
    from peaceops.incidents.taxonomy import Category

    rng = random.Random(seed)
    categories = [c.value for c in Category]
    first = dt.date(2010, 1, 1)
    with transaction.atomic():
        rows = []
        for n in range(count):
            which = n % 2
            day = first + dt.timedelta(days=rng.randrange(3650))
            rows.append(Incident(
                owning_mission=world["missions"][which], classification=rng.choice(Classification.values),
                country=world["countries"][which], start_date=day, end_date=day,
                latitude=round(rng.uniform(8, 20), 5), longitude=round(rng.uniform(14, 29), 5),
                location=f"Village {rng.randrange(5000)}", admin1=f"Province {rng.randrange(20)}",
                category=rng.choice(categories), deaths_best=rng.randrange(5), deaths_high=5, status="published",
                description=" ".join(rng.choice(WORDS) for _ in range(rng.randrange(8, 40))),
            ))
        created = Incident.objects.bulk_create(rows, batch_size=5000)
        IncidentActor.objects.bulk_create(
            [IncidentActor(incident=i, actor_id=rng.choice(world["actor_ids"]), side="a") for i in created],
            batch_size=5000)
        IncidentSource.objects.bulk_create(
            [IncidentSource(incident=i, name="UNPOL", reliability="B", credibility=2) for i in created],
            batch_size=5000)
        through = Incident.missions.through
        through.objects.bulk_create([through(incident_id=i.id, mission_id=i.owning_mission_id) for i in created],
                                    batch_size=5000)
    world["created"] += count


def baseline_sql(vendor: str) -> str:
    """The export's rows and columns in one statement, with the same visibility as ``visible``."""
    def agg(expression, separator):
        return (f"string_agg({expression}, '{separator}')" if vendor == "postgresql"
                else f"group_concat({expression}, '{separator}')")

    def actors(side):
        return (f"(SELECT {agg('ac.name', '; ')} FROM incidents_incidentactor l JOIN incidents_actor ac "
                f"ON ac.id = l.actor_id WHERE l.incident_id = i.id AND l.side = '{side}')")

    source = "s.name || ' (' || s.reliability || CAST(s.credibility AS TEXT) || ')'"
    return (
        "SELECT i.id, i.dataset, i.external_id, i.start_date, i.end_date, i.date_precision, c.iso3, c.name, "
        "i.admin1, i.admin2, a.pcode, i.location, i.latitude, i.longitude, i.geo_precision, i.category, i.category, "
        f"i.source_category, {actors('a')}, {actors('b')}, {actors('target')}, i.deaths_best, i.deaths_a, "
        "i.deaths_b, i.deaths_civilians, i.deaths_unknown, i.deaths_low, i.deaths_high, i.injured, i.abducted, "
        f"i.description, (SELECT {agg(source, '; ')} FROM incidents_incidentsource s WHERE s.incident_id = i.id), "
        f"i.status, i.classification, m.acronym, (SELECT {agg('mm.acronym', ' ')} FROM incidents_incident_missions im "
        "JOIN registry_mission mm ON mm.id = im.mission_id WHERE im.incident_id = i.id), i.duplicate_of_id "
        "FROM incidents_incident i LEFT JOIN registry_country c ON c.id = i.country_id "
        "LEFT JOIN registry_adminarea a ON a.id = i.admin_area_id "
        "LEFT JOIN registry_mission m ON m.id = i.owning_mission_id "
        "WHERE (i.owning_mission_id IS NULL AND i.classification = 0) "
        "OR (i.classification <= 2 AND i.owning_mission_id IN (%s, %s)) "
        "ORDER BY i.start_date DESC, i.id DESC"
    )


def _raw_rows(world):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(baseline_sql(connection.vendor), world["mission_ids"])
        while batch := cursor.fetchmany(2000):
            yield from batch


def baseline(world: dict, fmt: str) -> int:
    """Write the raw rows in ``fmt``; return how many rows were written."""
    from peaceops.incidents.log.export import HEADERS

    count = 0
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(HEADERS)
        for count, row in enumerate(_raw_rows(world), start=1):
            writer.writerow(row)
            if count % 500 == 0:
                buffer.seek(0)
                buffer.truncate()
    elif fmt == "geojson":
        pieces = []
        for row in _raw_rows(world):
            count += 1
            properties = dict(zip(HEADERS, row, strict=True))
            geometry = {"type": "Point", "coordinates": [row[13], row[12]]} if row[12] is not None else None
            pieces.append(json.dumps({"type": "Feature", "id": row[0], "geometry": geometry,
                                      "properties": properties}, default=str, ensure_ascii=False))
            if len(pieces) == 200:
                pieces = []
    else:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("incidents")
        sheet.append(HEADERS)
        for row in _raw_rows(world):
            count += 1
            sheet.append(row)
        with tempfile.TemporaryFile() as handle:
            workbook.save(handle)
    return count


def _client(world):
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(pk=world["user_id"]),
                       backend="django.contrib.auth.backends.ModelBackend")
    return client


def export(client, fmt: str) -> int:
    """Download the export through the test client; return its size in bytes (the body is not kept)."""
    response = client.get(f"/incidents/export.{fmt}")
    assert response.status_code == 200, response.status_code
    return sum(len(piece) for piece in response.streaming_content)


def _median_s(call, repeat: int) -> tuple[float, list[float]]:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        runs.append(round(time.perf_counter() - started, 3))
    return round(statistics.median(runs), 3), runs


def _peak_kib(call) -> float:
    tracemalloc.start()
    try:
        call()
        return round(tracemalloc.get_traced_memory()[1] / 1024, 1)
    finally:
        tracemalloc.stop()


def child(total: int, quick: bool) -> dict:
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    world = setup_world()
    small = min(SMALL, total // 10)
    add_incidents(world, small, seed=7)
    client = _client(world)
    for fmt in FORMATS:  # warm: imports, session, access
        export(client, fmt)
    memory_small = {fmt: _peak_kib(lambda fmt=fmt: export(client, fmt)) for fmt in FORMATS}
    add_incidents(world, total - small, seed=8)
    with connection.cursor() as cursor:  # planner statistics, as PRAGMA optimize / autovacuum keep them
        cursor.execute("ANALYZE")
    setup_s = round(time.perf_counter() - started, 1)
    memory_large = {fmt: _peak_kib(lambda fmt=fmt: export(client, fmt)) for fmt in FORMATS}
    repeat = 1 if quick else 3
    formats = {}
    for fmt in FORMATS:
        sizes = {}
        export_s, export_runs = _median_s(lambda fmt=fmt, sizes=sizes: sizes.update(bytes=export(client, fmt)), repeat)
        baseline_s, baseline_runs = _median_s(lambda fmt=fmt, sizes=sizes: sizes.update(rows=baseline(world, fmt)),
                                              repeat)
        formats[fmt] = {
            "export_s": export_s, "baseline_s": baseline_s,
            "ratio": round(export_s / baseline_s, 2) if baseline_s else None,
            "export_bytes": sizes["bytes"], "baseline_rows": sizes["rows"],
            "export_runs_s": export_runs, "baseline_runs_s": baseline_runs,
            "peak_kib_small": memory_small[fmt], "peak_kib_large": memory_large[fmt],
            "memory_ratio": round(memory_large[fmt] / memory_small[fmt], 2),
        }
    return {"engine": connection.vendor, "incidents": total, "small": small, "setup_s": setup_s, "formats": formats}


def measure_database(total: int, quick: bool, url: str | None = None) -> dict:
    return run_in_fresh_home(__file__, [str(total), "quick" if quick else "full"], url, label=NAME)


def run(quick: bool) -> dict:
    result = {"name": NAME, "quick": quick, "incidents": INCIDENTS, "environment": environment(),
              "databases": on_every_database(lambda url: measure_database(INCIDENTS, quick, url))}
    result["table"] = table_rows(result)
    return result


def table_rows(result: dict) -> list[dict]:
    rows = []
    for engine, run_ in result["databases"].items():
        for fmt, f in run_["formats"].items():
            same = f["baseline_rows"] == run_["incidents"]
            rows.append({"metric": f"{engine} {fmt} export of {run_['incidents']:,} incidents", "value": f["export_s"],
                         "unit": "s", "target": "", "met": None})
            rows.append({"metric": f"{engine} {fmt} raw SQL + writer", "value": f["baseline_s"], "unit": "s",
                         "target": "", "met": None if same else False})
            rows.append({"metric": f"{engine} {fmt} export/raw", "value": f["ratio"], "unit": "x",
                         "target": f"<= {TARGET_RATIO}", "met": f["ratio"] is not None and f["ratio"] <= TARGET_RATIO})
            rows.append({"metric": f"{engine} {fmt} peak memory {run_['incidents']:,} vs {run_['small']:,} rows "
                                   f"({f['peak_kib_large']:,.0f} / {f['peak_kib_small']:,.0f} KiB)",
                         "value": f["memory_ratio"], "unit": "x", "target": f"<= {TARGET_MEMORY_RATIO}",
                         "met": f["memory_ratio"] <= TARGET_MEMORY_RATIO})
    return rows


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    import django

    django.setup()
    print(json.dumps(child(int(sys.argv[2]), sys.argv[3] == "quick")))
