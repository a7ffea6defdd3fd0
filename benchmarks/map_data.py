"""The incident map's data endpoint for 100,000 incidents, beside the same rows in raw SQL.

In a throwaway data folder (SQLite, and PostgreSQL too when ``DATABASE_URL`` names a server, in
a throwaway database there), bulk-create 100,000 incidents over two missions and three
classification levels, then time, as an analyst of one mission cleared to confidential (so
the permission filter is in the query):

- endpoint: ``GET /incidents/map/data.json`` through Django's test client (routing, login
  session, ``visible``, the filter set, row packing and JSON encoding);
- baseline: the same rows (same visibility condition) fetched with one raw SQL statement on
  the same connection and json-encoded as they come.

Both are measured twice: on the freshly loaded store, then after ``ANALYZE`` (planner statistics,
which SQLite's ``PRAGMA optimize`` and PostgreSQL's autovacuum keep up to date in service).
Target (docs/benchmarks.md): endpoint under 500 ms. The ratio endpoint/baseline is reported too.
Run with ``peaceops bench [--quick] [--only map_data]``.
"""

import json
import random
import statistics
import sys
import time

from peaceops.core.benchmarking import environment, on_every_database, run_in_fresh_home

NAME = "map_data"
TARGET_MS = 500
INCIDENTS = 100_000


def generate(total: int, seed: int = 7) -> dict:
    """Two missions in two countries, ``total`` incidents spread over ten years, one analyst."""
    import datetime as dt

    from django.db import transaction

    from peaceops.accounts.models import Grant
    from peaceops.accounts.services import user_create
    from peaceops.core.classification import Classification
    from peaceops.incidents.models import Incident
    from peaceops.incidents.taxonomy import Category
    from peaceops.registry.models import Country, Mission

    rng = random.Random(seed)
    categories = [c.value for c in Category]
    with transaction.atomic():
        chad = Country.objects.create(iso3="TCD", iso2="TD", name="Chad")
        sudan = Country.objects.create(iso3="SDN", iso2="SD", name="Sudan")
        alpha = Mission.objects.create(acronym="ALPHA", name="Mission Alpha", kind="peacekeeping",
                                         start_date=dt.date(2008, 1, 1))
        bravo = Mission.objects.create(acronym="BRAVO", name="Mission Bravo", kind="peacekeeping",
                                         start_date=dt.date(2008, 1, 1))
        first = dt.date(2010, 1, 1)
        rows = []
        for n in range(total):
            mission, country, lon0 = (alpha, chad, 18.0) if n % 2 else (bravo, sudan, 25.0)
            day = first + dt.timedelta(days=rng.randrange(3650))
            rows.append(Incident(
                owning_mission=mission, classification=rng.choice(Classification.values), country=country,
                start_date=day, end_date=day, latitude=round(rng.uniform(8, 20), 5),
                longitude=round(rng.uniform(lon0 - 4, lon0 + 4), 5), category=rng.choice(categories),
                deaths_best=rng.randrange(5), deaths_high=5, status="published",
            ))
        Incident.objects.bulk_create(rows, batch_size=5000)
        # Cleared for everything in both missions, through two grants: all 100,000 rows are readable,
        # and the permission filter is still in the query.
        user = user_create("bench-map", "bench-map-pass-9x!", role="analyst", mission="ALPHA",
                           clearance=Classification.STRICTLY_CONFIDENTIAL, validate=False)
        Grant.objects.create(user=user, role="analyst", mission=bravo, clearance=Classification.STRICTLY_CONFIDENTIAL)
    return {"user_id": user.id, "mission_ids": [alpha.id, bravo.id], "incidents": total}


def _median_ms(call, repeat: int) -> tuple[float, list[float]]:
    call()  # warm caches and the connection
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        runs.append(round((time.perf_counter() - started) * 1000, 1))
    return round(statistics.median(runs), 1), runs


def measure(data: dict, repeat: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(pk=data["user_id"]),
                       backend="django.contrib.auth.backends.ModelBackend")
    sizes = {}

    def endpoint():
        response = client.get("/incidents/map/data.json")
        assert response.status_code == 200, response.status_code
        sizes["endpoint"] = len(response.content)
        sizes["rows"] = len(json.loads(response.content)["id"]) if "rows" not in sizes else sizes["rows"]

    # The same visibility as peaceops.accounts.access.visible for this analyst: shared unclassified
    # rows, or rows of the two missions up to strictly confidential.
    sql = ("SELECT id, latitude, longitude, category, start_date FROM incidents_incident "
           "WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND ("
           "(owning_mission_id IS NULL AND classification = 0) "
           "OR (classification <= 2 AND owning_mission_id IN (%s, %s)))")

    def baseline():
        with connection.cursor() as cursor:
            cursor.execute(sql, data["mission_ids"])
            rows = cursor.fetchall()
        sizes["baseline_rows"] = len(rows)
        sizes["baseline"] = len(json.dumps(rows, default=str, separators=(",", ":")))

    endpoint_ms, endpoint_runs = _median_ms(endpoint, repeat)
    baseline_ms, baseline_runs = _median_ms(baseline, repeat)
    return {
        "endpoint_ms": endpoint_ms, "baseline_ms": baseline_ms,
        "ratio": round(endpoint_ms / baseline_ms, 2) if baseline_ms else None,
        "rows": sizes["rows"], "same_rows": sizes["rows"] == sizes["baseline_rows"],
        "endpoint_bytes": sizes["endpoint"], "baseline_bytes": sizes["baseline"],
        "endpoint_runs_ms": endpoint_runs, "baseline_runs_ms": baseline_runs,
    }


def child(total: int, quick: bool) -> dict:
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    data = generate(total)
    setup_s = round(time.perf_counter() - started, 1)
    repeat = 5 if quick else 15
    cold = measure(data, repeat)
    # Fresh planner statistics, as a store has after PRAGMA optimize / autovacuum: without them SQLite
    # walks the owning-mission index once per OR branch of the permission filter instead of scanning.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"engine": connection.vendor, "incidents": total, "setup_s": setup_s, **measure(data, repeat),
            "without_statistics": {k: cold[k] for k in ("endpoint_ms", "baseline_ms", "ratio")}}




def measure_database(total: int, quick: bool, url: str | None = None) -> dict:
    return run_in_fresh_home(__file__, [str(total), "quick" if quick else "full"], url, label="map_data")


def run(quick: bool) -> dict:
    result = {"name": NAME, "quick": quick, "incidents": INCIDENTS,
              "environment": environment(),
              "databases": on_every_database(lambda url: measure_database(INCIDENTS, quick, url))}
    result["table"] = table_rows(result)
    return result


def table_rows(result: dict) -> list[dict]:
    rows = []
    for engine, f in result["databases"].items():
        rows.append({"metric": f"{engine} map data endpoint median ({f['rows']} of {f['incidents']} readable)",
                     "value": f["endpoint_ms"], "unit": "ms", "target": f"< {TARGET_MS}",
                     "met": f["endpoint_ms"] < TARGET_MS})
        rows.append({"metric": f"{engine} raw SQL + json median", "value": f["baseline_ms"], "unit": "ms",
                     "target": "", "met": None})
        rows.append({"metric": f"{engine} endpoint/raw", "value": f["ratio"], "unit": "x", "target": "",
                     "met": None if f["same_rows"] else False})
        cold = f["without_statistics"]
        rows.append({"metric": f"{engine} endpoint median before ANALYZE", "value": cold["endpoint_ms"], "unit": "ms",
                     "target": "", "met": None})
        rows.append({"metric": f"{engine} raw SQL + json median before ANALYZE", "value": cold["baseline_ms"],
                     "unit": "ms", "target": "", "met": None})
    return rows


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    import django

    django.setup()
    print(json.dumps(child(int(sys.argv[2]), sys.argv[3] == "quick")))
