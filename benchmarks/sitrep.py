"""Daily situation report on a large incident store, beside a hand-written SQL aggregate.

In a throwaway data folder (SQLite; PostgreSQL too, in a throwaway database, when
``DATABASE_URL`` names a server), generate 1,000,000 incidents (``--quick``: 100,000) with
``INSERT ... SELECT`` (see :func:`generate`): three countries, two missions (MINURCAT over Chad
and the CAR, UNAMID over Sudan) in one region, 1990-2022, ~1 in 2 owned by a mission, some
classified, 1 in 200 a duplicate, follow-ups on 1 in 100 (most closed), each linked to the
mission whose area holds it. Then, in that one process, time (median of several runs), once
as the fresh store stands and once after ANALYZE (the figures the targets are read against):

- ``mission-day``: the MINURCAT report of one day as a MINURCAT analyst (cleared to
  confidential), so the permission filter is in every query;
- ``region-day``: the region's report of the same day as a system-wide reader;

each through :func:`peaceops.incidents.sitrep.selectors.sitrep_get` (every query and the assembly),
and beside it the same figures from hand-written SQL on the same connection (same scope,
visibility, windows, rows). Targets (docs/benchmarks.md): under 200 ms, within 3x of the SQL.

Run with ``peaceops bench [--quick] [--only sitrep]``.
"""

import datetime as dt
import json
import statistics
import sys
import time
import uuid
from functools import partial

from peaceops.core.benchmarking import environment, on_every_database, run_in_fresh_home

NAME = "sitrep"
TARGET_MS = 200
TARGET_RATIO = 3
REPORT_DAY = dt.date(2009, 7, 15)
FIRST_DAY, LAST_DAY = dt.date(1990, 1, 1), dt.date(2022, 12, 31)
REGION = "Central Africa and Sudan"
CATEGORIES = ("armed_clash", "attack_on_civilians", "attack_on_un_humanitarian", "banditry", "abduction",
              "sexual_violence", "explosive_device", "protest", "displacement", "troop_movement", "other")
COUNTRIES = (("TCD", "TD", "Chad"), ("CAF", "CF", "Central African Republic"), ("SDN", "SD", "Sudan"))
BATCH = 20_000


# ---------------------------------------------------------------------------------------------
# Data: runs inside a Django process configured for the database under test.


def generate(total: int, seed: int = 1) -> dict:
    """Create ``total`` incidents and their area links; return the ids the timing needs.

    The rows are made by the database itself (``INSERT ... SELECT`` over a recursive CTE on
    SQLite, ``generate_series`` on PostgreSQL), a chunk at a time: the ORM's ``bulk_create``
    took about 20 minutes for 1,000,000 rows, this takes a minute or two. Every value is an
    integer hash of the row number (and ``seed``), so both databases hold the same store.
    """
    from django.db import connection, transaction

    from peaceops.core.classification import Classification
    from peaceops.incidents.models import Incident
    from peaceops.registry.models import Country, Mission, Region
    from peaceops.testing import make_user

    with transaction.atomic():
        countries = [Country.objects.get_or_create(iso3=a3, defaults={"iso2": a2, "name": name})[0]
                     for a3, a2, name in COUNTRIES]
        region = Region.objects.get_or_create(name=REGION)[0]
        minurcat = Mission.objects.create(acronym="BENCH-M", name="Bench mission M", kind="peacekeeping",
                                            start_date=FIRST_DAY)
        unamid = Mission.objects.create(acronym="BENCH-U", name="Bench mission U", kind="hybrid",
                                          start_date=FIRST_DAY)
        minurcat.host_countries.set(countries[:2])
        unamid.host_countries.set(countries[2:])
        for mission in (minurcat, unamid):
            mission.regions.add(region)
        analyst = make_user(
            f"bench-{uuid.uuid4().hex[:6]}", "analyst", mission=minurcat, clearance=Classification.CONFIDENTIAL
        )
    first_id = (Incident.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    area_of = [minurcat.id, minurcat.id, unamid.id]  # by country position in COUNTRIES
    insert, links = _insert_sql(
        connection.vendor, [c.id for c in countries], [c[0] for c in COUNTRIES], area_of, first_id, seed
    )
    for low in range(1, total + 1, GENERATE_CHUNK):
        high = min(low + GENERATE_CHUNK - 1, total)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(insert["sql"].format(low=low, high=high), insert["params"])
            cursor.execute(links, [first_id + low - 1, first_id + high - 1])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('incidents_incident', 'id'), "
                "(SELECT MAX(id) FROM incidents_incident))"
            )
    return {
        "mission": minurcat.acronym,
        "mission_id": minurcat.id,
        "mission_ids": [minurcat.id, unamid.id],
        "region": REGION,
        "analyst": analyst.username,
        "incidents": Incident.objects.count(),
    }


# Large primes for the row hashes: h_k(n) = (n * P_k + salt) mod (2^31 - 1), one per column.
HASH_PRIMES = (
    1103515249,
    2147483629,
    1500450271,
    1234567891,
    1610612741,
    805306457,
    402653189,
    201326611,
    100663319,
    50331653,
    25165843,
    12582917,
    6291469,
    3145739,
    1572869,
    786433,
    393241,
)
GENERATE_CHUNK = 100_000
PARAMETER = "\x00"  # stands for a query parameter until the percent signs are escaped


def _insert_sql(
    vendor: str, country_ids: list[int], iso3: list[str], area_of: list[int], first_id: int, seed: int
) -> tuple[dict, str]:
    """``INSERT ... SELECT`` statements (a chunk ``{low}..{high}`` of row numbers) for incidents and links.

    Shares as the ORM generator had them: three countries, ~1 in 2 owned by the mission whose
    area holds it (of those 2 in 5 classified), 1 in 200 a duplicate of the previous row, and
    follow-ups on 1 in 100 incidents, 4 in 5 of them closed.
    """
    from peaceops.incidents.models import Incident

    if vendor == "postgresql":
        numbers = "SELECT n FROM generate_series({low}::bigint, {high}::bigint) AS seq(n)"
        day = f"(DATE '{FIRST_DAY.isoformat()}' + (g.{{col}})::integer)"
    else:
        numbers = "SELECT n FROM seq"
        day = f"date('{FIRST_DAY.isoformat()}', '+' || (g.{{col}}) || ' days')"
    hashes = ", ".join(f"(s.n * {p} + {seed * 7919 + k}) % 2147483647 AS h{k}" for k, p in enumerate(HASH_PRIMES))
    span = (LAST_DAY - FIRST_DAY).days + 1
    deaths = (
        "CASE h3 % 11 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 2 WHEN 7 THEN 3 WHEN 8 THEN 5 WHEN 9 THEN 8 "
        "WHEN 10 THEN 20 ELSE 0 END"
    )
    inner = f"SELECT s.n + {first_id - 1} AS id, {hashes} FROM ({numbers}) AS s"
    middle = (
        f"SELECT h.*, h1 % 3 AS c, h2 % {span} AS d, {deaths} AS deaths, (h5 % 2 = 0) AS owned, "
        f"(h6 % 100 = 0) AS follow FROM ({inner}) AS h"
    )

    def by_country(values: list) -> str:
        return "CASE g.c " + " ".join(f"WHEN {i} THEN {v}" for i, v in enumerate(values)) + " END"

    categories = "CASE g.h13 % 11 " + " ".join(f"WHEN {i} THEN '{c}'" for i, c in enumerate(CATEGORIES)) + " END"
    expressions = {
        "id": "g.id",
        "dataset": "'bench'",
        "external_id": "CAST(g.id AS TEXT)",
        "start_date": day.format(col="d"),
        "end_date": day.format(col="d + CASE g.h8 % 10 WHEN 8 THEN 1 WHEN 9 THEN 3 ELSE 0 END"),
        "latitude": "4 + (g.h11 % 16000) / 1000.0",
        "longitude": "15 + (g.h12 % 15000) / 1000.0",
        "location": "'Place ' || (g.h14 % 500)",
        "country_id": by_country(country_ids),
        "admin1": by_country([f"'{code} province '" for code in iso3]) + " || (10 + g.h10 % 16)",
        "category": categories,
        "description": "'Bench incident ' || g.id",
        "deaths_best": "g.deaths",
        "deaths_low": "g.deaths",
        "deaths_high": "g.deaths + g.h15 % 4",
        "deaths_civilians": "g.h4 % (g.deaths + 1)",
        "deaths_a": "g.deaths - g.h4 % (g.deaths + 1)",
        "abducted": "CASE WHEN g.h16 % 30 = 0 THEN 2 ELSE 0 END",
        "status": "CASE g.h9 % 3 WHEN 0 THEN 'draft' WHEN 1 THEN 'verified' ELSE 'published' END",
        "owning_mission_id": f"CASE WHEN g.owned THEN {by_country(area_of)} END",
        "classification": "CASE WHEN g.owned AND g.h7 % 5 = 3 THEN 1 WHEN g.owned AND g.h7 % 5 = 4 THEN 2 ELSE 0 END",
        "duplicate_of_id": f"CASE WHEN g.h8 % 200 = 7 AND g.id > {first_id} THEN g.id - 1 END",
        "follow_up": "CASE WHEN g.follow THEN 'Confirm the figures' ELSE '' END",
        "follow_up_closed": "(g.follow AND g.h9 % 5 <> 0)",
    }
    columns, values, params = [], [], []
    for field in Incident._meta.concrete_fields:
        columns.append(field.column)
        if field.column in expressions:
            values.append(expressions[field.column])
        else:  # the model's default (empty text, NULL, 0)
            values.append(PARAMETER)
            params.append(field.get_default())
    prefix = (
        ""
        if vendor == "postgresql"
        else ("WITH RECURSIVE seq(n) AS (SELECT {low} UNION ALL SELECT n + 1 FROM seq WHERE n < {high}) ")
    )
    sql = (
        prefix + f"INSERT INTO incidents_incident ({', '.join(columns)}) SELECT {', '.join(values)} "
        f"FROM ({middle}) AS g"
    )
    # The hashes' modulo signs are literal percent signs to the driver: double them.
    sql = sql.replace("%", "%%").replace(PARAMETER, "%s")
    links = (
        f"INSERT INTO incidents_incident_missions (incident_id, mission_id) "
        f"SELECT id, CASE WHEN country_id = {country_ids[2]} THEN {area_of[2]} ELSE {area_of[0]} END "
        f"FROM incidents_incident WHERE dataset = 'bench' AND id BETWEEN %s AND %s"
    )
    return {"sql": sql, "params": params}, links


# ---------------------------------------------------------------------------------------------
# The hand-written SQL: the same figures, the same conditions, on the same connection.


def _visibility_sql(mission_ids: list[int] | None, level: int | None) -> tuple[str, list]:
    """None: a system-wide reader (no condition); else a reader of these missions up to ``level``."""
    if mission_ids is None:
        return "1 = 1", []
    marks = ", ".join(["%s"] * len(mission_ids))
    return (
        f"((i.owning_mission_id IS NULL AND i.classification = 0) "
        f"OR (i.classification <= %s AND i.owning_mission_id IN ({marks})))",
        [level, *mission_ids],
    )


def hand_sql_figures(day: dt.date, scope_ids: list[int], reader_ids: list[int] | None, level: int | None) -> dict:
    """The report's figures with one cursor and plain SQL (what a DBA would write for it)."""
    from django.db import connection

    def as_param(value: dt.date):
        return value.isoformat() if connection.vendor == "sqlite" else value

    scope_marks = ", ".join(["%s"] * len(scope_ids))
    visible, visible_params = _visibility_sql(reader_ids, level)
    # Written as a careful hand would: EXISTS on the link table's index, and "not a duplicate" kept
    # away from SQLite's planner, which has no statistics (see selectors.scoped_incidents).
    where = (
        f"COALESCE(i.duplicate_of_id, 0) = 0 AND (i.owning_mission_id IN ({scope_marks}) OR EXISTS "
        f"(SELECT 1 FROM incidents_incident_missions l WHERE l.incident_id = i.id "
        f"AND l.mission_id IN ({scope_marks}))) AND {visible}"
    )
    base = [*scope_ids, *scope_ids, *visible_params]
    d, d7, d30 = (as_param(day - dt.timedelta(days=n)) for n in (0, 7, 30))
    figures = {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(CASE WHEN start_date = %s THEN 1 END), "
            + ", ".join(
                f"COALESCE(SUM(CASE WHEN start_date = %s THEN {col} END), 0)"
                for col in (
                    "deaths_best",
                    "deaths_low",
                    "deaths_high",
                    "deaths_a",
                    "deaths_b",
                    "deaths_civilians",
                    "deaths_unknown",
                    "injured",
                    "abducted",
                )
            )
            + ", COUNT(CASE WHEN start_date >= %s AND start_date < %s THEN 1 END)"
            + ", COALESCE(SUM(CASE WHEN start_date >= %s AND start_date < %s THEN deaths_best END), 0)"
            + ", COUNT(CASE WHEN start_date >= %s AND start_date < %s THEN 1 END)"
            + ", COALESCE(SUM(CASE WHEN start_date >= %s AND start_date < %s THEN deaths_best END), 0)"
            + f" FROM incidents_incident i WHERE i.start_date >= %s AND i.start_date <= %s AND {where}",
            [d] * 10 + [d7, d, d7, d, d30, d, d30, d, d30, d] + base,
        )
        row = cursor.fetchone()
        figures["totals"] = list(row)
        for column in ("category", "admin1"):
            cursor.execute(
                f"SELECT {column}, COUNT(*), SUM(deaths_best) FROM incidents_incident i "
                f"WHERE i.start_date = %s AND {where} GROUP BY {column}",
                [d, *base],
            )
            figures[column] = {name: (n, deaths) for name, n, deaths in cursor.fetchall()}
        cursor.execute(
            "SELECT id, start_date, end_date, category, admin1, country_id, location, latitude, longitude, "
            f"deaths_best, abducted, status, description FROM incidents_incident i "
            f"WHERE i.start_date = %s AND {where}",
            [d, *base],
        )
        figures["rows"] = cursor.fetchall()
        names = sorted({r[4] for r in figures["rows"] if r[4]})
        if names:
            cursor.execute(
                f"SELECT DISTINCT country_id, admin1 FROM incidents_incident i WHERE i.start_date >= %s "
                f"AND i.start_date < %s AND {where}",
                [d30, d, *base],
            )
            figures["recent"] = [pair for pair in cursor.fetchall() if pair[1] in names]
        cursor.execute(
            "SELECT id, start_date, end_date, category, admin1 FROM incidents_incident i "
            # end_date behind COALESCE, as the selector has it: PostgreSQL would AND in the
            # end_date index's bitmap (every incident ended after D) otherwise.
            "WHERE i.start_date >= %s AND i.start_date < %s AND COALESCE(i.end_date, i.start_date) >= %s "
            f"AND {where} ORDER BY start_date, id LIMIT 500",
            [d30, d, d, *base],
        )
        figures["continuing"] = cursor.fetchall()
        # The open follow-ups straight from their partial index (the hand names it on SQLite, whose
        # planner would otherwise walk the visibility condition's owning-mission index).
        from_index = " INDEXED BY incident_open_follow_up" if connection.vendor == "sqlite" else ""
        cursor.execute(
            "SELECT id, start_date, category, admin1, location, follow_up, COUNT(*) OVER () "
            f"FROM incidents_incident i{from_index} WHERE i.start_date <= %s AND NOT i.follow_up_closed "
            f"AND NOT (i.follow_up = '') AND {where} ORDER BY start_date DESC, id DESC LIMIT 100",
            [d, *base],
        )
        figures["follow_ups"] = cursor.fetchall()
    return figures


# ---------------------------------------------------------------------------------------------
# Timing, inside the child process.


def _paired_medians(first, second, repeat: int) -> tuple[list[float], list[float]]:
    """Run two calls alternately ``repeat`` times each (after a warm-up) and return their times in ms.

    Alternating puts both under the same load at the same moment (the machine is shared), so
    their ratio means something even when the absolute times wander.
    """
    first(), second()  # warm-up: caches, prepared plans
    times = ([], [])
    for _ in range(repeat):
        for call, into in ((first, times[0]), (second, times[1])):
            started = time.perf_counter()
            call()
            into.append(round((time.perf_counter() - started) * 1000, 2))
    return times


def measure(data: dict, repeat: int, day: dt.date = REPORT_DAY) -> dict:
    """Time the two reports and their hand-written SQL; check both give the same figures."""
    from django.contrib.auth import get_user_model

    from peaceops.accounts.access import SYSTEM
    from peaceops.core.classification import Classification
    from peaceops.incidents.sitrep import selectors

    analyst = get_user_model().objects.get(username=data["analyst"])
    system = SYSTEM
    cases = {
        "mission-day": (
            analyst,
            selectors.mission_scope(analyst, data["mission"]),
            [data["mission_id"]],
            Classification.CONFIDENTIAL,
        ),
        "region-day": (system, selectors.region_scope(system, data["region"]), None, None),
    }
    result = {}
    for name, (reader, scope, reader_ids, level) in cases.items():
        report = selectors.sitrep_get(reader, scope, day)
        sql = hand_sql_figures(day, list(scope.mission_ids), reader_ids, level)
        same = (
            sql["totals"][0] == report["incidents"]
            and sql["totals"][1] == report["fatalities"]["best"]
            and sql["totals"][10] == report["change"]["previous_7_days"]["incidents"]
            and sql["totals"][12] == report["change"]["previous_30_days"]["incidents"]
            and {k: v[0] for k, v in sql["category"].items()} == report["by_category"]
            and [row[0] for row in sql["follow_ups"]] == [row["id"] for row in report["open_follow_ups"]]
            and (sql["follow_ups"][0][-1] if sql["follow_ups"] else 0) == report["open_follow_ups_total"]
        )
        app_runs, sql_runs = _paired_medians(
            partial(selectors.sitrep_get, reader, scope, day),
            partial(hand_sql_figures, day, list(scope.mission_ids), reader_ids, level),
            repeat,
        )
        app_ms, sql_ms = round(statistics.median(app_runs), 2), round(statistics.median(sql_runs), 2)
        result[name] = {
            "incidents_of_day": report["incidents"],
            "same_figures": same,
            "sitrep_ms": app_ms,
            "sql_ms": sql_ms,
            "ratio": round(app_ms / sql_ms, 2) if sql_ms else None,
            "sitrep_runs_ms": app_runs,
            "sql_runs_ms": sql_runs,
        }
    return result


def update_statistics() -> float:
    """ANALYZE, as operators should after a big import (docs/sitrep.md); return the seconds it took.

    SQLite keeps no planner statistics until ANALYZE runs; ``analysis_limit`` bounds the rows it
    samples per index, so this takes a second or two on 1,000,000 incidents.
    """
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit = 1000")
        cursor.execute("ANALYZE")
    return round(time.perf_counter() - started, 1)


def child(total: int, quick: bool) -> dict:
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    data = generate(total)
    generate_s = round(time.perf_counter() - started, 1)
    repeat = 7 if quick else 15
    # First as a fresh import leaves the store (no statistics on SQLite; PostgreSQL's autovacuum
    # may or may not have run yet), then after ANALYZE: the figures the targets are read against.
    without_statistics = measure(data, repeat)
    analyze_s = update_statistics()
    figures = measure(data, repeat)
    return {
        "engine": connection.vendor,
        "incidents": data["incidents"],
        "setup_s": generate_s,
        "analyze_s": analyze_s,
        **figures,
        "without_statistics": without_statistics,
    }


# ---------------------------------------------------------------------------------------------
# Entry point for ``peaceops bench``


def measure_database(total: int, quick: bool, url: str | None = None) -> dict:
    return run_in_fresh_home(__file__, [str(total), "quick" if quick else "full"], url, label="sitrep")


def run(quick: bool) -> dict:
    total = 100_000 if quick else 1_000_000
    result = {
        "name": NAME,
        "quick": quick,
        "incidents": total,
        "report_day": REPORT_DAY.isoformat(),
        "environment": environment(),
        "databases": on_every_database(lambda url: measure_database(total, quick, url)),
    }
    result["table"] = table_rows(result)
    return result


def table_rows(result: dict) -> list[dict]:
    rows = []
    for engine, figures in result["databases"].items():
        for case in ("mission-day", "region-day"):
            f = figures[case]
            rows.append(
                {
                    "metric": f"{engine} {case} sitrep median ({f['incidents_of_day']} incidents)",
                    "value": f["sitrep_ms"],
                    "unit": "ms",
                    "target": f"< {TARGET_MS}",
                    "met": f["sitrep_ms"] < TARGET_MS,
                }
            )
            rows.append(
                {
                    "metric": f"{engine} {case} hand SQL median",
                    "value": f["sql_ms"],
                    "unit": "ms",
                    "target": "",
                    "met": None,
                }
            )
            rows.append(
                {
                    "metric": f"{engine} {case} sitrep/SQL",
                    "value": f["ratio"],
                    "unit": "x",
                    "target": f"< {TARGET_RATIO}",
                    "met": f["ratio"] is not None and f["ratio"] < TARGET_RATIO and f["same_figures"],
                }
            )
            g = figures["without_statistics"][case]
            rows.append(
                {
                    "metric": f"{engine} {case} sitrep median, before ANALYZE",
                    "value": g["sitrep_ms"],
                    "unit": "ms",
                    "target": "",
                    "met": None,
                }
            )
            rows.append(
                {
                    "metric": f"{engine} {case} sitrep/SQL, before ANALYZE",
                    "value": g["ratio"],
                    "unit": "x",
                    "target": "",
                    "met": None,
                }
            )
    return rows


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    import django

    django.setup()
    print(json.dumps(child(int(sys.argv[2]), sys.argv[3] == "quick")))
