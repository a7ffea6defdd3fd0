"""Incident import throughput, beside a driver-only baseline measured in the same run.

Data: the real UCDP GED (CAR, 1,848 events) and ACLED (Africa 2016, 6,831 events) files,
resampled with new ids into a temporary CSV in the UCDP GED layout: 1,000,000 events
(quick: 50,000).

- import: ``events_import(FILE, "ucdp-ged", user=SYSTEM)`` as the CLI runs it (parse, validate, resolve
  countries/actors/mission areas, write), in a child process. Per event it writes one row of
  the real incident table (12 secondary indexes), its history row, 1.7 actor links on average,
  a source row and its history row: about 5.7 rows an event (no mission-area rows: the
  benchmark's store has no missions);
- baseline: the same file parsed with ``pyarrow.csv`` (streaming reader) and one row per event
  inserted with the driver's ``executemany`` (sqlite3 / psycopg) into an equivalent table (the
  incident columns as the file gives them, country, sides and source as text, category mapped;
  the incident table's unique and date/area/category indexes: 6 secondary indexes), in one
  transaction, in a child process. No checks, no country/actor lookups, no history.

Figures: rows/s for both, the ratio baseline/import (target: within 3x), and each child's
peak memory (``resource.getrusage(RUSAGE_SELF).ru_maxrss``; target: under 1 GB).
PostgreSQL is measured too when ``BENCH_DATABASE_URL`` names a server (a throwaway database
is created there and dropped afterwards).

Run with ``peaceops bench [--quick] [--only incident_import]`` or
``python benchmarks/incident_import.py [--quick]``.
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

NAME = "incident_import"
TARGET_RATIO = 3.0
TARGET_MAXRSS_MB = 1024
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"

UCDP_COLUMNS = ["id", "year", "type_of_violence", "side_a", "side_b", "source_article", "source_office",
                "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude",
                "country", "country_id", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
                "deaths_civilians", "deaths_unknown", "best", "low", "high"]
ACLED_TYPE_TO_UCDP = {"Violence against civilians": 3}  # everything else: 1 (state-based) for the benchmark


def _templates() -> list[dict]:
    """Real events as UCDP-layout dicts: UCDP GED features as they are, ACLED rows converted."""
    rows = []
    with open(DATA / "ucdp" / "ged231_caf.geojson", encoding="utf-8") as handle:
        for feature in json.load(handle)["features"]:
            p = feature["properties"]
            rows.append({k: p.get(k, "") for k in UCDP_COLUMNS})
    with open(DATA / "acled" / "acled_africa_2016-01-01_2016-05-28.csv", encoding="latin-1", newline="") as handle:
        for r in csv.DictReader(handle):
            day, month, year = r["EVENT_DATE"].split("/")
            iso = f"{year}-{month}-{day}"
            deaths = int(r["FATALITIES"])
            rows.append({
                "id": "", "year": year, "type_of_violence": ACLED_TYPE_TO_UCDP.get(r["EVENT_TYPE"], 1),
                "side_a": r["ACTOR1"], "side_b": r["ACTOR2"], "source_article": r["SOURCE"], "source_office": "",
                "where_prec": r["GEO_PRECISION"], "where_coordinates": r["LOCATION"], "where_description": "",
                "adm_1": r["ADMIN1"], "adm_2": r["ADMIN2"], "latitude": r["LATITUDE"], "longitude": r["LONGITUDE"],
                "country": r["COUNTRY"], "country_id": r["GWNO"], "date_prec": r["TIME_PRECISION"],
                "date_start": iso, "date_end": iso, "deaths_a": 0, "deaths_b": 0, "deaths_civilians": 0,
                "deaths_unknown": deaths, "best": deaths, "low": deaths, "high": deaths,
            })
    return rows


def make_file(path: Path, events: int, seed: int = 7) -> None:
    """Resample the real events with new ids (1..events) into a UCDP GED CSV."""
    templates = _templates()
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, UCDP_COLUMNS)
        writer.writeheader()
        for new_id in range(1, events + 1):
            row = dict(rng.choice(templates))
            row["id"] = new_id
            row["latitude"] = str(row["latitude"]).strip()  # a few ACLED coordinates carry a space
            row["longitude"] = str(row["longitude"]).strip()
            row["date_start"] = str(row["date_start"])[:10]
            row["date_end"] = str(row["date_end"])[:10]
            writer.writerow(row)


# --- children -------------------------------------------------------------------------------

IMPORT_CHILD = r"""
import json, os, resource, sys, time
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from peaceops.registry.services import countries_load
countries_load()
from peaceops.accounts.access import SYSTEM
from peaceops.incidents.imports.services import events_import
start = time.perf_counter()
report = events_import(sys.argv[1], "ucdp-ged", user=SYSTEM)  # as the CLI runs it for the installation
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": seconds, "created": report.created, "errors": len(report.errors),
                  "cpu_seconds": usage.ru_utime + usage.ru_stime, "maxrss_mb": usage.ru_maxrss / 1024}))
"""

BASELINE_CHILD = r"""
import json, os, resource, sys, time
import pyarrow as pa, pyarrow.csv as pacsv
path, url = sys.argv[1], sys.argv[2]
COLUMNS = ["dataset", "external_id", "start_date", "end_date", "date_precision", "latitude", "longitude",
           "geo_precision", "location", "country", "admin1", "admin2", "category", "source_category",
           "description", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "deaths_best",
           "deaths_low", "deaths_high", "side_a", "side_b", "source"]
CATEGORY = {1: "armed_clash", 2: "armed_clash", 3: "attack_on_civilians"}
TYPES = ["text", "text", "date", "date", "integer", "double precision", "double precision", "integer", "text",
         "text", "text", "text", "text", "text", "text"] + ["integer"] * 7 + ["text"] * 3
if url.startswith("sqlite:"):
    import sqlite3
    db = sqlite3.connect(url[len("sqlite:"):], isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=NORMAL")
    mark = "?"
else:
    import psycopg
    db = psycopg.connect(url, autocommit=True)
    mark = "%s"
db.execute("DROP TABLE IF EXISTS baseline_incident")
primary_key = "integer primary key" if mark == "?" else "serial primary key"
db.execute("CREATE TABLE baseline_incident (id " + primary_key + ", "
           + ", ".join(f"{c} {t}" for c, t in zip(COLUMNS, TYPES)) + ")")
# Equivalent table: the incident table's columns and its indexes that an insert must maintain.
db.execute("CREATE UNIQUE INDEX baseline_source_id ON baseline_incident (dataset, external_id)")
for name, cols in [("start", "start_date"), ("end", "end_date"), ("admin1", "admin1"), ("category", "category"),
                   ("country_start", "country, start_date")]:
    db.execute(f"CREATE INDEX baseline_{name} ON baseline_incident ({cols})")
sql = f"INSERT INTO baseline_incident ({', '.join(COLUMNS)}) VALUES ({', '.join([mark] * len(COLUMNS))})"
start = time.perf_counter()
convert = pacsv.ConvertOptions(column_types={"id": pa.string(), "date_start": pa.string(), "date_end": pa.string(),
                                             "adm_1": pa.string(), "adm_2": pa.string(), "side_b": pa.string(),
                                             "source_article": pa.string(), "where_coordinates": pa.string(),
                                             "where_description": pa.string(), "latitude": pa.float64(),
                                             "longitude": pa.float64(), "date_prec": pa.int64(),
                                             "where_prec": pa.int64(), "type_of_violence": pa.int64(),
                                             **{c: pa.int64() for c in ("deaths_a", "deaths_b", "deaths_civilians",
                                                                        "deaths_unknown", "best", "low", "high")}})
reader = pacsv.open_csv(path, convert_options=convert, read_options=pacsv.ReadOptions(block_size=1 << 22),
                        parse_options=pacsv.ParseOptions(newlines_in_values=True))  # ACLED notes span lines
rows = 0
cursor = db.cursor()
db.execute("BEGIN")
for batch in reader:
    d = batch.to_pydict()
    n = batch.num_rows
    category = [CATEGORY[v] for v in d["type_of_violence"]]  # the same mapping the import does
    params = list(zip(["ucdp-ged"] * n, d["id"], d["date_start"], d["date_end"], d["date_prec"], d["latitude"],
                      d["longitude"], d["where_prec"], d["where_coordinates"], d["country"], d["adm_1"], d["adm_2"],
                      category, category, d["where_description"], d["deaths_a"],
                      d["deaths_b"], d["deaths_civilians"], d["deaths_unknown"], d["best"], d["low"], d["high"],
                      d["side_a"], d["side_b"], d["source_article"]))
    cursor.executemany(sql, params)
    rows += n
db.execute("COMMIT")
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": seconds, "created": rows, "cpu_seconds": usage.ru_utime + usage.ru_stime,
                  "maxrss_mb": usage.ru_maxrss / 1024}))
"""


def _child(code: str, args: list[str], env: dict) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True,
                          cwd=ROOT, timeout=6 * 3600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def _measure(file: Path, events: int, home: Path, database_url: str | None) -> dict:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="peaceops.settings", PEACEOPS_HOME=str(home))
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
        baseline_url = database_url.replace("postgres://", "postgresql://")
    else:
        baseline_url = f"sqlite:{home / 'baseline.sqlite3'}"
    imported = _child(IMPORT_CHILD, [str(file)], env)
    print(f"{NAME}: import {imported}", file=sys.stderr)
    if database_url:
        _wait_for_autovacuum(baseline_url)  # else it vacuums the import's 5.7M rows during the baseline
    baseline = _child(BASELINE_CHILD, [str(file), baseline_url], env)
    print(f"{NAME}: baseline {baseline}", file=sys.stderr)
    import_rate = imported["created"] / imported["seconds"]
    baseline_rate = baseline["created"] / baseline["seconds"]
    ratio = baseline_rate / import_rate
    return {
        "events": events,
        "import_rows_per_s": round(import_rate),
        "baseline_rows_per_s": round(baseline_rate),
        "ratio": round(ratio, 2),
        "ratio_target": TARGET_RATIO,
        "ratio_ok": ratio <= TARGET_RATIO,
        "import_seconds": round(imported["seconds"], 1),
        "baseline_seconds": round(baseline["seconds"], 1),
        # Client-process CPU (includes setup: migrate, country load): a noise-robust cross-check
        # on a shared machine; for PostgreSQL the server's own work is not in it.
        "import_cpu_seconds": round(imported["cpu_seconds"], 1),
        "baseline_cpu_seconds": round(baseline["cpu_seconds"], 1),
        "import_errors": imported["errors"],
        "import_maxrss_mb": round(imported["maxrss_mb"]),
        "baseline_maxrss_mb": round(baseline["maxrss_mb"]),
        "maxrss_ok": imported["maxrss_mb"] < TARGET_MAXRSS_MB,
    }


def _wait_for_autovacuum(url: str, limit_seconds: float = 600) -> None:
    """Let the server finish vacuuming and analysing what the import wrote, so that work does
    not slow the baseline measured after it (the ratio compares the two)."""
    import psycopg

    deadline = time.monotonic() + limit_seconds
    with psycopg.connect(url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            (workers,) = conn.execute("SELECT count(*) FROM pg_stat_activity "
                                      "WHERE backend_type = 'autovacuum worker'").fetchone()
            if not workers:
                return
            time.sleep(2)


def _postgres_database(server_url: str):
    """Create a throwaway database on the server; returns (url, drop callback)."""
    import psycopg

    name = f"bench_import_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = server_url.rpartition("/")

    def drop():
        # After a large import autovacuum may still be working in the database; FORCE cannot end
        # a superuser's worker, so wait for it a little, then leave the database to the server.
        for _attempt in range(30):
            try:
                with psycopg.connect(server_url, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except psycopg.Error as error:
                last = error
                time.sleep(2)
        print(f"{NAME}: could not drop the throwaway database {name}: {last}", file=sys.stderr)

    return f"{base}/{name}", drop


def run(quick: bool = False) -> dict:
    events = 50_000 if quick else 1_000_000
    if not (DATA / "ucdp" / "ged231_caf.geojson").is_file():
        return {"skipped": f"real data not found at {DATA}"}
    results = {"events": events}
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        tmp = Path(tmp)
        file = tmp / "ged_resampled.csv"
        start = time.perf_counter()
        make_file(file, events)
        results["file_mb"] = round(file.stat().st_size / 1e6, 1)
        results["generate_seconds"] = round(time.perf_counter() - start, 1)
        (tmp / "sqlite").mkdir()
        results["sqlite"] = _measure(file, events, tmp / "sqlite", None)
        server = os.environ.get("BENCH_DATABASE_URL")
        if server:
            url, drop = _postgres_database(server)
            try:
                (tmp / "pg").mkdir()
                results["postgresql"] = _measure(file, events, tmp / "pg", url)
            finally:
                drop()
    results["table"] = table_rows(results)
    return results


def table_rows(results: dict) -> list[dict]:
    """The rows ``peaceops bench`` prints: per database, the two rates, their ratio and the peak memory."""
    rows = []
    for engine in ("sqlite", "postgresql"):
        f = results.get(engine)
        if not f:
            continue
        rows += [
            {"metric": f"{engine} events_import, {f['events']:,} events ({f['import_errors']} line errors)",
             "value": f["import_rows_per_s"], "unit": "events/s", "target": "", "met": None},
            {"metric": f"{engine} driver-only baseline (pyarrow + executemany)", "value": f["baseline_rows_per_s"],
             "unit": "events/s", "target": "", "met": None},
            {"metric": f"{engine} baseline rate / import rate", "value": f["ratio"], "unit": "x",
             "target": f"<= {TARGET_RATIO:g}", "met": f["ratio_ok"]},
            {"metric": f"{engine} import peak memory", "value": f["import_maxrss_mb"], "unit": "MB",
             "target": f"< {TARGET_MAXRSS_MB}", "met": f["maxrss_ok"]},
        ]
    return rows


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
