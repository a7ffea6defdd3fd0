"""Early-warning alerts for one as-of date over 1,000,000 incidents, beside the SQL aggregate they need.

In a throwaway data folder (SQLite; PostgreSQL too, in a throwaway database, when
``DATABASE_URL`` names a server), generate 1,000,000 incidents (``--quick``: 100,000) over
1990-2022 with the sitrep benchmark's generator (benchmarks/sitrep.py: three countries, two
missions, ~1 in 2 owned by a mission, some classified, 1 in 200 a duplicate, the mission links),
plus one actor link per incident (200 actors) and rough country shapes, so every rule has work.
ANALYZE, then time (median of several runs, alternating with the baseline):

- ``alerts``: what ``peaceops alerts --as-of D`` does, as a system-wide reader: read the frame
  the rules need from the database (:func:`peaceops.analysis.incident_frame.alert_frame`:
  visibility, as-of and horizon cut in SQL; incidents, actor and mission links), the borders
  and mission areas, and compute every alert;
- ``alerts-analyst``: the same as a mission analyst (the permission filter in every query);
- ``whole-history``: every visible incident of the store loaded (1,000,000 rows: the frame a
  trends page over all years would read) and the alerts computed from it;
- baseline ``sql``: the aggregate the alerts need written by hand on the same connection:
  counts per (country, admin-1, dataset, category, 30-day window) over the same report dates.

Target (docs/benchmarks.md): alerts under 2 s for 1,000,000 incidents; the ratio to the SQL is reported.
Run with ``peaceops bench [--quick] --only alerts``.
"""

import datetime as dt
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from peaceops.core.benchmarking import environment, on_every_database, run_in_fresh_home  # noqa: E402

NAME = "alerts"
TARGET_S = 2.0
AS_OF = dt.date(2009, 7, 15)
ACTORS = 200
# Rough boxes (lon/lat) for the generator's three countries: enough for the border rules to run.
SHAPES = {"TCD": (13.5, 7.5, 24.0, 23.4), "CAF": (14.4, 2.2, 27.4, 7.5), "SDN": (24.0, 8.7, 38.6, 22.0)}


def add_actors_and_shapes() -> None:
    """One actor link per incident (side A), from 200 actors; country shapes; by SQL, in bulk."""
    from django.db import connection, transaction
    from shapely.geometry import box, mapping

    from peaceops.incidents.models import Actor
    from peaceops.registry.models import Country

    with transaction.atomic():
        actors = Actor.objects.bulk_create([Actor(name=f"Bench group {n}", kind="armed_group") for n in range(ACTORS)])
        first = min(a.id for a in actors)
        for iso3, bounds in SHAPES.items():
            Country.objects.filter(iso3=iso3).update(geometry=mapping(box(*bounds)))
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO incidents_incidentactor (incident_id, actor_id, side) "
                           f"SELECT id, {first} + ((id * 2654435761) %% {ACTORS}), 'a' FROM incidents_incident", [])


def sql_baseline(since: dt.date, as_of: dt.date) -> int:
    """What the rules aggregate, by hand: violent-or-not counts per area, dataset and 30-day window."""
    from django.db import connection

    if connection.vendor == "sqlite":
        window = "CAST((julianday(%s) - julianday(COALESCE(reported_on, end_date))) AS INTEGER) / 30"
        params = [as_of.isoformat(), since.isoformat(), as_of.isoformat()]
    else:
        window = "(%s::date - COALESCE(reported_on, end_date)) / 30"
        params = [as_of, since, as_of]
    sql = (f"SELECT country_id, admin1, dataset, category, {window} AS w, COUNT(*), SUM(deaths_best) "
           "FROM incidents_incident WHERE duplicate_of_id IS NULL "
           "AND COALESCE(reported_on, end_date) BETWEEN %s AND %s GROUP BY 1, 2, 3, 4, 5")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return len(cursor.fetchall())


def compute(reader, scope_kwargs: dict, whole: bool = False) -> tuple[int, int, dict]:
    """The CLI's work: frame, borders, alerts. Returns (rows read, alerts, seconds per step)."""
    from peaceops.analysis import early_warning
    from peaceops.analysis.incident_frame import FrameScope, alert_frame, border_context, load_incident_frame

    steps = {}
    started = time.perf_counter()
    scope = FrameScope(as_of=AS_OF, **scope_kwargs)
    frame = load_incident_frame(reader, scope) if whole else alert_frame(reader, scope)
    steps["read_s"] = time.perf_counter() - started
    borders = border_context(AS_OF, sorted(set(frame.country.tolist()) - {""}))
    steps["borders_s"] = time.perf_counter() - started - steps["read_s"]
    alerts = early_warning.compute_alerts(frame, AS_OF, borders=borders)
    steps["compute_s"] = time.perf_counter() - started - steps["read_s"] - steps["borders_s"]
    return len(frame), len(alerts), {k: round(v, 3) for k, v in steps.items()}


def timed(call, repeat: int) -> tuple[float, list[float], object]:
    runs, value = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        value = call()
        runs.append(round(time.perf_counter() - started, 3))
    return round(statistics.median(runs), 3), runs, value


def child(total: int, quick: bool) -> dict:
    import sitrep  # the incident generator, shared with the sitrep benchmark
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from peaceops.accounts.access import SYSTEM
    from peaceops.analysis.early_warning import DEFAULT_RULES

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    data = sitrep.generate(total)
    add_actors_and_shapes()
    sitrep.update_statistics()
    setup_s = round(time.perf_counter() - started, 1)
    analyst = get_user_model().objects.get(username=data["analyst"])
    system = SYSTEM
    since = AS_OF - dt.timedelta(days=DEFAULT_RULES.horizon_days() - 1)
    repeat = 5 if quick else 7
    compute(system, {}), sql_baseline(since, AS_OF)  # warm-up
    cases = {}
    for name, reader, whole in (("alerts", system, False), ("alerts-analyst", analyst, False),
                                ("whole-history", system, True)):
        app_runs, sql_runs, value = [], [], None
        for _ in range(2 if whole else repeat):  # alternate, so both run under the same load (shared machine)
            app_ms, _, value = timed(lambda reader=reader, whole=whole: compute(reader, {}, whole), 1)
            sql_ms, _, groups = timed(lambda: sql_baseline(since, AS_OF), 1)
            app_runs.append(app_ms)
            sql_runs.append(sql_ms)
        rows, alerts, steps = value
        app_s, sql_s = statistics.median(app_runs), statistics.median(sql_runs)
        cases[name] = {"rows_read": rows, "alerts": alerts, "median_s": round(app_s, 3), "runs_s": app_runs,
                       "last_run_steps": steps, "sql_median_s": round(sql_s, 3), "sql_groups": groups,
                       "ratio": round(app_s / sql_s, 2) if sql_s else None}
    return {"engine": connection.vendor, "incidents": data["incidents"], "setup_s": setup_s,
            "as_of": AS_OF.isoformat(), "horizon_days": DEFAULT_RULES.horizon_days(), **cases}


def measure_database(total: int, quick: bool, url: str | None = None) -> dict:
    return run_in_fresh_home(__file__, [str(total), "quick" if quick else "full"], url, label="alerts")


def run(quick: bool) -> dict:
    total = 100_000 if quick else 1_000_000
    result = {"name": NAME, "quick": quick, "incidents": total, "as_of": AS_OF.isoformat(),
              "environment": environment(),
              "databases": on_every_database(lambda url: measure_database(total, quick, url))}
    result["table"] = table_rows(result)
    return result


def table_rows(result: dict) -> list[dict]:
    rows = []
    for engine, figures in result["databases"].items():
        for case in ("alerts", "alerts-analyst", "whole-history"):
            f = figures[case]
            target = case != "whole-history"
            rows.append({"metric": f"{engine} {case}: read {f['rows_read']} rows + {f['alerts']} alerts, median",
                         "value": f["median_s"], "unit": "s", "target": f"< {TARGET_S}" if target else "",
                         "met": f["median_s"] < TARGET_S if target else None})
            rows.append({"metric": f"{engine} {case} / hand SQL aggregate ({f['sql_median_s']} s)",
                         "value": f["ratio"], "unit": "x", "target": "", "met": None})
    return rows


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    import django

    django.setup()
    print(json.dumps(child(int(sys.argv[2]), sys.argv[3] == "quick")))
