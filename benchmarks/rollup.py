"""Roll-up of an ISF of 1,000 indicators with 10 years of monthly measurements across 200 areas.

In a throwaway data folder (SQLite; PostgreSQL too, in a throwaway database, when ``DATABASE_URL`` names a
server), generate an ISF of 10 objectives, 50 outputs, 250 benchmarks and 1,000 indicators (``--quick``: 100)
with one target each, and 120 monthly measurements in each of 200 areas for every indicator (24,000,000 rows;
quick: 2,400,000), one in ten a ratio with numerator and denominator, area and period rules cycling through all
kinds. The rows are made by the database (``INSERT ... SELECT``). Then the period totals are built from the rows
(what the services keep up to date on every write), and timed (median of several runs):

- ``rollup``: :func:`peaceops.mandates.selectors.isf_rollup` over the 10 years, as a system-wide reader: every
  ORM read (objectives, outputs, benchmarks, indicators, targets, period totals) and the numpy roll-up (values
  by area and period rule, progress, caps, benchmark/output/objective means, trends);
- ``sql``: the same aggregation in one hand-written SQL statement on the same connection and the same period
  totals (area rule, period rule, progress against the target in force, capped means up the tree; no trend);
- ``sql_from_rows``: that statement reading the 24,000,000 measurement rows instead of the totals (what a
  design without period totals would pay on every roll-up), and ``refresh_all``: rebuilding every period total
  from the rows.

Targets (docs/benchmarks.md): rollup under 2 s, within 3x of ``sql``.
Run with ``peaceops bench [--quick] --only rollup``.
"""

import datetime as dt
import json
import statistics
import sys
import time

from peaceops.core.benchmarking import environment, on_every_database, run_in_fresh_home

NAME = "rollup"
TARGET_S = 2.0
TARGET_RATIO = 3
MONTHS, AREAS = 120, 200
FIRST = dt.date(2001, 1, 1)
LAST = dt.date(2010, 12, 1)
AREA_RULES = ("sum", "mean", "min", "max")
PERIOD_RULES = ("last", "sum", "mean", "max")


def build_plan(indicators: int) -> dict:
    """Mission, ISF tree, indicators with targets, 200 areas; returns ids the timing needs."""
    from django.contrib.auth import get_user_model

    from peaceops.mandates.models import Indicator, IndicatorTarget, Isf, IsfBenchmark, IsfObjective, IsfOutput
    from peaceops.registry.models import AdminArea, Country, Mission

    chad = Country.objects.create(iso3="TCD", iso2="TD", name="Chad")
    mission = Mission.objects.create(acronym="MINURCAT", name="MINURCAT", kind="peacekeeping",
                                       start_date=dt.date(2007, 9, 25))
    AdminArea.objects.bulk_create([AdminArea(pcode=f"TD{n:04d}", name=f"Area {n}", level=2, country=chad)
                                     for n in range(AREAS)])
    isf = Isf.objects.create(mission=mission, country=chad, title="Benchmark ISF")
    objectives = IsfObjective.objects.bulk_create([IsfObjective(mission=mission, isf=isf, title=f"O{n}")
                                                     for n in range(10)])
    outputs = IsfOutput.objects.bulk_create([IsfOutput(mission=mission, objective=objectives[n % 10],
                                                           title=f"Out{n}") for n in range(50)])
    benchmarks = IsfBenchmark.objects.bulk_create([IsfBenchmark(mission=mission, output=outputs[n % 50],
                                                                    text=f"B{n}") for n in range(250)])
    made = Indicator.objects.bulk_create([Indicator(
        mission=mission, benchmark=benchmarks[n % 250], name=f"I{n}", kind="ratio" if n % 10 == 0 else "number",
        baseline=0, area_rule=AREA_RULES[n % 4], period_rule=PERIOD_RULES[(n // 4) % 4]) for n in range(indicators)])
    IndicatorTarget.objects.bulk_create([IndicatorTarget(
        mission=mission, indicator=i, period=LAST, value=60000 if i.area_rule == "sum" else 300) for i in made])
    admin = get_user_model().objects.create_superuser("bench", password="bench-pass-9x!")
    return {"isf": isf.id, "mission": mission.id, "admin": admin.id}


def generate_rows(mission_id: int) -> int:
    """24,000,000 measurement rows (quick: 2,400,000) made by the database, an indicator chunk at a time."""
    from django.db import connection, transaction

    from peaceops.mandates import models

    postgres = connection.vendor == "postgresql"
    if not postgres:  # generation only: the timed reads below do not depend on it
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous = OFF")
            cursor.execute("PRAGMA cache_size = -512000")
    if postgres:
        months = "SELECT x, (DATE '2001-01-01' + make_interval(months => x))::date AS period " \
                 f"FROM generate_series(0, {MONTHS - 1}) AS x"
        now = "now()"
    else:
        months = (f"WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < {MONTHS - 1}) "
                  "SELECT x, date('2001-01-01', '+' || x || ' months') AS period FROM n")
        now = "datetime('now')"
    ids = list(models.Indicator.objects.order_by("id").values_list("id", "kind"))
    value = "((i.id * 7919 + p.x * 104729 + a.id * 1299709) % 1000) / 10.0 + p.x * 2.5"
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(ids), 50):
            chunk = [str(i) for i, _ in ids[start:start + 50]]
            cursor.execute(
                f"INSERT INTO mandates_measurement (indicator_id, period, area_id, sex, age, value, numerator, "
                f"denominator, unit, entered_by_id, entered_at, mission_id, classification) "
                f"SELECT i.id, p.period, a.id, '', '', {value}, "
                f"CASE WHEN i.kind = 'ratio' THEN {value} ELSE NULL END, "
                f"CASE WHEN i.kind = 'ratio' THEN 100 + (i.id + a.id) % 50 ELSE NULL END, '', NULL, {now}, "
                f"{mission_id}, 0 FROM mandates_indicator i CROSS JOIN ({months}) p CROSS JOIN registry_adminarea a "
                f"WHERE i.id IN ({','.join(chunk)})")
    return len(ids) * MONTHS * AREAS


REFRESH_ALL = ("INSERT INTO mandates_periodtotal (indicator_id, period, areas, value_sum, value_min, value_max, "
               "numerator_sum, denominator_sum) SELECT indicator_id, period, COUNT(*), SUM(value), MIN(value), "
               "MAX(value), SUM(numerator), SUM(denominator) FROM mandates_measurement WHERE sex = '' AND age = '' "
               "GROUP BY indicator_id, period")

FROM_TOTALS = "mandates_periodtotal"
FROM_ROWS = ("(SELECT indicator_id, period, COUNT(*) AS areas, SUM(value) AS value_sum, MIN(value) AS value_min, "
             "MAX(value) AS value_max, SUM(numerator) AS numerator_sum, SUM(denominator) AS denominator_sum "
             "FROM mandates_measurement WHERE sex = '' AND age = '' GROUP BY indicator_id, period)")


def rollup_sql(source: str, postgres: bool) -> str:
    """Objective progress by the roll-up's rules (peaceops/mandates/rollup.py steps 1-4) in one statement."""
    least, greatest = ("LEAST", "GREATEST") if postgres else ("MIN", "MAX")
    cap = f"{greatest}(0.0, {least}(1.0, p.progress))"
    return f"""
WITH ind AS (
  SELECT i.id, i.kind, i.area_rule, i.period_rule, i.baseline, i.benchmark_id,
         (SELECT tg.value FROM mandates_indicatortarget tg WHERE tg.indicator_id = i.id AND tg.period <= %(end)s
          ORDER BY tg.period DESC LIMIT 1) AS target
  FROM mandates_indicator i JOIN mandates_isfbenchmark b ON b.id = i.benchmark_id
  JOIN mandates_isfoutput o ON o.id = b.output_id JOIN mandates_isfobjective ob ON ob.id = o.objective_id
  WHERE ob.isf_id = %(isf)s
), av AS (
  SELECT t.indicator_id, t.period,
         CASE WHEN ind.kind = 'ratio' THEN t.numerator_sum / NULLIF(t.denominator_sum, 0)
              WHEN ind.area_rule = 'sum' THEN t.value_sum WHEN ind.area_rule = 'mean' THEN t.value_sum / t.areas
              WHEN ind.area_rule = 'min' THEN t.value_min ELSE t.value_max END AS v
  FROM {source} t JOIN ind ON ind.id = t.indicator_id
  WHERE t.period >= %(start)s AND t.period <= %(end)s
), per AS (
  SELECT indicator_id, SUM(v) AS s, AVG(v) AS a, MAX(v) AS mx, MAX(period) AS last_period
  FROM av WHERE v IS NOT NULL GROUP BY indicator_id
), latest AS (
  SELECT av.indicator_id, av.v FROM av JOIN per ON per.indicator_id = av.indicator_id
  AND av.period = per.last_period
), val AS (
  SELECT ind.id, ind.benchmark_id, ind.baseline, ind.target,
         CASE ind.period_rule WHEN 'sum' THEN per.s WHEN 'mean' THEN per.a WHEN 'max' THEN per.mx
              ELSE latest.v END AS value
  FROM ind JOIN per ON per.indicator_id = ind.id JOIN latest ON latest.indicator_id = ind.id
), p AS (
  SELECT benchmark_id, CASE WHEN target = baseline THEN CASE WHEN value >= target THEN 1.0 ELSE 0.0 END
                            ELSE (value - baseline) / (target - baseline) END AS progress
  FROM val WHERE target IS NOT NULL AND baseline IS NOT NULL
), bp AS (
  SELECT p.benchmark_id, AVG({cap}) AS progress FROM p GROUP BY p.benchmark_id
), op AS (
  SELECT b.output_id, AVG(bp.progress) AS progress FROM bp JOIN mandates_isfbenchmark b ON b.id = bp.benchmark_id
  GROUP BY b.output_id
)
SELECT o.objective_id, AVG(op.progress) FROM op JOIN mandates_isfoutput o ON o.id = op.output_id
GROUP BY o.objective_id ORDER BY o.objective_id
"""


def _median(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 4), result


def generate_totals() -> int:
    """Only the period totals the services would have kept (120 months per indicator, 200 areas each): what the
    roll-up reads, made in seconds, for ``python benchmarks/rollup.py child N totals``."""
    from django.db import connection, transaction

    months = (f"WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < {MONTHS - 1}) "
              "SELECT x, date('2001-01-01', '+' || x || ' months') AS period FROM n")
    value = "((i.id * 7919 + p.x * 104729) % 1000) / 10.0 + p.x * 2.5"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO mandates_periodtotal (indicator_id, period, areas, value_sum, value_min, value_max, "
            f"numerator_sum, denominator_sum) SELECT i.id, p.period, {AREAS}, {AREAS} * ({value}), {value} - 10, "
            f"{value} + 10, CASE WHEN i.kind = 'ratio' THEN {AREAS} * ({value}) END, "
            f"CASE WHEN i.kind = 'ratio' THEN {AREAS} * 120.0 END FROM mandates_indicator i CROSS JOIN ({months}) p")
    return 0


def child(indicators: int, mode: str) -> dict:
    quick = mode == "quick"
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from peaceops.mandates import selectors
    from peaceops.mandates.models import Isf

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    ids = build_plan(indicators)
    totals_only = mode == "totals"
    rows = generate_totals() if totals_only else generate_rows(ids["mission"])
    generate_s = round(time.perf_counter() - started, 1)
    postgres = connection.vendor == "postgresql"
    refresh_all_s = None
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if not totals_only:
            started = time.perf_counter()
            cursor.execute(REFRESH_ALL)
            refresh_all_s = round(time.perf_counter() - started, 2)
            cursor.execute("ANALYZE")
    isf = Isf.objects.get(pk=ids["isf"])
    admin = get_user_model().objects.get(pk=ids["admin"])
    params = {"isf": ids["isf"], "start": FIRST, "end": dt.date(2010, 12, 31)}
    repeat = 5 if quick else 5

    def orm_rollup():
        admin.__dict__.pop("_peaceops_access", None)
        return selectors.isf_rollup(admin, isf, FIRST, dt.date(2010, 12, 31)).result.objective_progress.tolist()

    def sql(source):
        def run_sql():
            with connection.cursor() as cursor:
                cursor.execute(rollup_sql(source, postgres), params)
                return [value for _, value in cursor.fetchall()]
        return run_sql

    rollup_s, ours = _median(orm_rollup, repeat)
    sql_s, theirs = _median(sql(FROM_TOTALS), repeat)
    rows_s, from_rows = (None, theirs) if totals_only else _median(sql(FROM_ROWS), 1 if not quick else 3)
    same = len(ours) == len(theirs) and all(abs(a - b) < 1e-9 for a, b in zip(ours, theirs, strict=False)) and \
        all(abs(a - b) < 1e-9 for a, b in zip(theirs, from_rows, strict=False))
    return {"database": connection.vendor, "indicators": indicators, "measurements": rows,
            "generate_s": generate_s, "refresh_all_s": refresh_all_s, "rollup_s": rollup_s, "sql_s": sql_s,
            "sql_from_rows_s": rows_s, "ratio": round(rollup_s / sql_s, 2) if sql_s else None, "mode": mode,
            "same_results": same, "meets_target": rollup_s < TARGET_S and rollup_s <= TARGET_RATIO * sql_s}


def measure_database(indicators: int, quick: bool, url: str | None = None) -> dict:
    return run_in_fresh_home(__file__, [str(indicators), "quick" if quick else "full"], url, label=NAME)


def table_rows(result: dict) -> list[dict]:
    rows = []
    for engine, f in result["databases"].items():
        label = f"{engine} {f['indicators']} indicators, {f['measurements']:,} rows"
        rows += [
            {"metric": f"{label}: roll-up median", "value": f["rollup_s"], "unit": "s", "target": f"< {TARGET_S}",
             "met": f["rollup_s"] < TARGET_S},
            {"metric": f"{engine} same aggregation in SQL (period totals)", "value": f["sql_s"], "unit": "s",
             "target": "", "met": None},
            {"metric": f"{engine} roll-up / SQL", "value": f["ratio"], "unit": "x", "target": f"< {TARGET_RATIO}",
             "met": f["ratio"] is not None and f["ratio"] < TARGET_RATIO and f["same_results"]},
            {"metric": f"{engine} SQL from the measurement rows", "value": f["sql_from_rows_s"], "unit": "s",
             "target": "", "met": None},
            {"metric": f"{engine} rebuild every period total", "value": f["refresh_all_s"], "unit": "s",
             "target": "", "met": None},
        ]
    return rows


def run(quick: bool) -> dict:
    indicators = 100 if quick else 1000
    result = {"name": NAME, "quick": quick, "environment": environment(),
              "databases": on_every_database(lambda url: measure_database(indicators, quick, url))}
    result["table"] = table_rows(result)
    return result


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    import django

    django.setup()
    print(json.dumps(child(int(sys.argv[2]), sys.argv[3])))
