"""API latency under load, beside the same query in raw SQL.

In a throwaway data folder (SQLite, and PostgreSQL too when ``DATABASE_URL`` names a server,
in a throwaway database there), generate about 100,000 registry and audit rows (components,
posts and people across four missions, and one history row each), serve them with
``peaceops serve`` (gunicorn) in a subprocess, and time, as an analyst holding a grant over
one mission (so the permission filter is in every query):

- list: ``GET /api/v1/posts/?page_size=100&page=N`` over assorted pages;
- detail: ``GET /api/v1/posts/<id>/`` over assorted visible posts;

at 1, 8 and 32 concurrent clients (threads, one keep-alive connection each). Beside it, the
same rows fetched with the driver alone (sqlite3 / psycopg): the page's count and its 100 rows
with the same visibility condition and order, encoded to JSON. docs/benchmarks.md defines the
figures and the targets.

Run with ``peaceops bench [--quick] [--only api_latency]``.
"""

import http.client
import json
import math
import os
import platform
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from peaceops.core.benchmarking import environment as machine_environment
from peaceops.core.benchmarking import on_every_database

NAME = "api_latency"
TARGET_LIST_P95_MS = 150  # 100-item list at 32 concurrent clients
TARGET_APP_OVER_RAW = 5  # single-client p50 over raw SQL p50, same rows
MISSIONS = ("ALPHA", "BRAVO", "CHARLIE", "DELTA")
PAGE_SIZE = 100
BENCH_USER = "bench-analyst"


# ---------------------------------------------------------------------------------------------
# Data: runs inside a Django process configured for the database under test.


def generate(total_rows: int, seed: int = 1) -> dict:
    """Create ~``total_rows`` registry and history rows and a user with one mission grant.

    Half the rows are records (a few components, then posts and people), half their history
    rows (one "created" entry each, as simple-history would write). Returns what the timing
    needs: the user's token, the granted mission, the visible post ids and row counts.
    """
    import datetime as dt

    from django.db import transaction
    from simple_history.utils import bulk_create_with_history

    from peaceops.accounts.access import SYSTEM, visible
    from peaceops.accounts.services import token_create, user_create
    from peaceops.core.classification import Classification
    from peaceops.registry.models import Component, Mission, Person, Post

    rng = random.Random(seed)
    records = max(total_rows // 2, 12)
    n_components = max(len(MISSIONS), records // 50)
    n_posts = (records - n_components) // 2
    n_people = records - n_components - n_posts
    levels = list(Classification.values)
    with transaction.atomic():
        missions = [Mission.objects.create(acronym=a, name=f"Mission {a.title()}", kind="peacekeeping",
                                             start_date=dt.date(2008, 1, 1)) for a in MISSIONS]
        components = bulk_create_with_history([
            Component(mission=missions[i % len(missions)], name=f"Section {i:05d}", kind="substantive",
                        classification=rng.choice(levels)) for i in range(n_components)
        ], Component, batch_size=2000)
        by_mission: dict = {}
        for component in components:
            by_mission.setdefault(component.mission_id, []).append(component)
        posts = []
        for i in range(n_posts):
            mission = rng.choice(missions)
            posts.append(Post(mission=mission, component=rng.choice(by_mission[mission.pk]),
                                title=f"{rng.choice(TITLES)} {i:06d}", grade=rng.choice(GRADES),
                                function=rng.choice(list(Post.Function.values)),
                                classification=rng.choice(levels), source="benchmark"))
        bulk_create_with_history(posts, Post, batch_size=2000)
        bulk_create_with_history([
            Person(name=f"Person {i:06d}", owning_mission=rng.choice(missions), classification=rng.choice(levels))
            for i in range(n_people)
        ], Person, batch_size=2000)
        user = user_create(BENCH_USER, "bench-analyst-pass-9x!", role="analyst", mission=MISSIONS[0],
                           clearance=Classification.CONFIDENTIAL, validate=False)
        _token, key = token_create(user, actor=SYSTEM, name="benchmark")
    visible_ids = list(visible(Post.objects.all(), user).values_list("pk", flat=True))
    counts = {
        "components": n_components, "posts": n_posts, "people": n_people,
        "history": Component.history.count() + Post.history.count() + Person.history.count(),
    }
    counts["total"] = sum(counts.values())
    return {"token": key, "mission_id": missions[0].pk, "clearance": int(Classification.CONFIDENTIAL),
            "visible_post_ids": visible_ids, "counts": counts}


TITLES = ("Political affairs officer", "Civil affairs officer", "Human rights officer", "Logistics officer",
          "Security officer", "Information analyst", "Liaison officer", "Engineer", "Medical officer",
          "Protection officer", "Gender adviser", "Planning officer")
GRADES = ("P-2", "P-3", "P-4", "P-5", "D-1", "FS-5", "NO-B", "UNV")


# ---------------------------------------------------------------------------------------------
# The same rows in raw SQL (driver only: no ORM, no serializer, no HTTP).

# The API's field names (PostSerializer) and the columns they come from.
POST_FIELDS = {"id": "id", "mission": "mission_id", "component": "component_id", "title": "title",
               "function": "function", "grade": "grade", "classification": "classification", "source": "source"}
POST_COLUMNS = ", ".join(f"p.{column}" for column in POST_FIELDS.values())


def visible_condition(level: int) -> str:
    """The condition peaceops.accounts.access.visibility_filter builds for one mission grant cleared
    to ``level``: shared rows without a mission, then one branch per level the grant reaches."""
    branches = ["(p.classification = 0 AND p.mission_id IS NULL)"]
    branches += [f"(p.classification = {lvl} AND p.mission_id IN (%(m)s))" for lvl in range(level + 1)]
    return "(" + " OR ".join(branches) + ")"


def list_sql(level: int) -> str:
    # Post.Meta.ordering is (mission, title); ordering by mission follows Mission.Meta.ordering (acronym).
    return ("SELECT " + POST_COLUMNS + " FROM registry_post p"
            " INNER JOIN registry_mission m ON p.mission_id = m.id WHERE " + visible_condition(level)
            + " ORDER BY m.acronym ASC, p.title ASC LIMIT 100 OFFSET %(offset)s")


def count_sql(level: int) -> str:
    return "SELECT COUNT(*) FROM registry_post p WHERE " + visible_condition(level)


def detail_sql(level: int) -> str:
    return ("SELECT " + POST_COLUMNS + " FROM registry_post p"
            " WHERE p.id = %(id)s AND " + visible_condition(level))


def raw_list_page(cursor, style: str, mission_id: int, level: int, page: int) -> str:
    """The JSON a client would get for one page (count and rows), fetched and encoded without Django."""
    params = {"m": mission_id, "offset": (page - 1) * PAGE_SIZE}
    cursor.execute(_sql(count_sql(level), style), params)
    (count,) = cursor.fetchone()
    cursor.execute(_sql(list_sql(level), style), params)
    rows = [dict(zip(POST_FIELDS, row, strict=True)) for row in cursor.fetchall()]
    return json.dumps({"count": count, "results": rows})


def raw_detail(cursor, style: str, mission_id: int, level: int, post_id: int) -> str:
    cursor.execute(_sql(detail_sql(level), style), {"m": mission_id, "id": post_id})
    return json.dumps(dict(zip(POST_FIELDS, cursor.fetchone(), strict=True)))


def _sql(template: str, style: str) -> str:
    # psycopg takes %(name)s as written ("pyformat"); sqlite3 takes :name ("named").
    return template if style == "pyformat" else template.replace("%(", ":").replace(")s", "")


# ---------------------------------------------------------------------------------------------
# Timing


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by nearest rank; values need not be sorted."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def _summary(latencies: list[float], elapsed: float, errors: int, clients: int) -> dict:
    ms = [x * 1000 for x in latencies]
    return {
        "clients": clients, "requests": len(ms), "errors": errors,
        "p50_ms": round(statistics.median(ms), 3) if ms else None,
        "p95_ms": round(percentile(ms, 95), 3) if ms else None,
        "max_ms": round(max(ms), 3) if ms else None,
        "throughput_rps": round(len(ms) / elapsed, 1) if elapsed else None,
    }


def load(port: int, token: str, path_for, clients: int, requests: int, budget_s: float) -> dict:
    """``requests`` GETs spread over ``clients`` threads (or fewer once ``budget_s`` is spent)."""
    latencies: list[float] = []
    errors = 0
    issued = 0
    lock = threading.Lock()
    deadline = time.monotonic() + budget_s
    headers = {"Authorization": f"Token {token}", "Accept": "application/json"}

    def client(number: int):
        nonlocal issued, errors
        rng = random.Random(number)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            while True:
                with lock:
                    if issued >= requests or time.monotonic() > deadline:
                        return
                    issued += 1
                path = path_for(rng)
                started = time.perf_counter()
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                took = time.perf_counter() - started
                with lock:
                    latencies.append(took)
                    if response.status != 200:
                        errors += 1
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return _summary(latencies, time.perf_counter() - started, errors, clients)


def time_raw(call, repeat: int) -> dict:
    latencies = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        latencies.append(time.perf_counter() - started)
    return _summary(latencies, sum(latencies), 0, 1)


# ---------------------------------------------------------------------------------------------
# One database: set up, serve, measure.


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _peaceops(env: dict, *args: str, timeout: int = 900) -> str:
    done = subprocess.run([sys.executable, "-m", "peaceops.cli", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"peaceops {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return done.stdout


@contextmanager
def _server(env: dict, port: int, log: Path):
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, "-m", "peaceops.cli", "serve", "--port", str(port)],
                                   env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(port, process, log)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(port: int, process, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"peaceops serve exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/api/v1/")
            connection.getresponse().read()
            connection.close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"peaceops serve did not answer on port {port} within {timeout:.0f} s")




@contextmanager
def _raw_cursor(engine: str, home: Path, url: str | None):
    if engine == "sqlite":
        connection = sqlite3.connect(home / "peaceops.sqlite3")
        try:
            yield connection.cursor(), "named"
        finally:
            connection.close()
    else:
        import psycopg

        with psycopg.connect(url, autocommit=True) as connection:
            yield connection.cursor(), "pyformat"


def measure_database(engine: str, rows: int, quick: bool, url: str | None = None) -> dict:
    """Generate, serve and time one database; the figures for this engine."""
    with tempfile.TemporaryDirectory(prefix="peaceops-bench-") as folder:
        home = Path(folder)
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PEACEOPS_DEBUG")}
        env.update(PEACEOPS_HOME=str(home), PYTHONUNBUFFERED="1")
        if url:
            env["DATABASE_URL"] = url
        started = time.perf_counter()
        _peaceops(env, "migrate", "--no-input", "-v", "0")
        data = json.loads(subprocess.run(
            [sys.executable, __file__, "generate", str(rows)], env=env, capture_output=True, text=True,
            check=True, timeout=1800).stdout.strip().splitlines()[-1])
        setup_s = time.perf_counter() - started
        visible_ids = data["visible_post_ids"]
        pages = max(1, -(-len(visible_ids) // PAGE_SIZE))
        result = {"engine": engine, "rows": data["counts"], "visible_posts": len(visible_ids),
                  "pages": pages, "setup_s": round(setup_s, 1), "list": {}, "detail": {}}

        def list_path(rng):
            return f"/api/v1/posts/?page_size={PAGE_SIZE}&page={rng.randint(1, pages)}"

        def detail_path(rng):
            return f"/api/v1/posts/{rng.choice(visible_ids)}/"

        port = _free_port()
        per_level = {1: 40, 8: 80, 32: 128} if quick else {1: 200, 8: 400, 32: 640}
        budget = 20 if quick else 90
        with _server(env, port, home / "serve.log"):
            load(port, data["token"], list_path, 4, 20, 30)  # warm-up: imports, connections, caches
            for clients, count in per_level.items():
                result["list"][str(clients)] = load(port, data["token"], list_path, clients, count, budget)
                result["detail"][str(clients)] = load(port, data["token"], detail_path, clients, count, budget)

        rng = random.Random(7)
        repeat = 40 if quick else 200
        with _raw_cursor(engine, home, url) as (cursor, style):
            args = (cursor, style, data["mission_id"], data["clearance"])
            raw_list_page(*args, 1)  # warm-up
            result["raw_list"] = time_raw(lambda: raw_list_page(*args, rng.randint(1, pages)), repeat)
            result["raw_detail"] = time_raw(lambda: raw_detail(*args, rng.choice(visible_ids)), repeat)
        result["list_ratio_app_over_raw"] = _ratio(result["list"]["1"]["p50_ms"], result["raw_list"]["p50_ms"])
        result["detail_ratio_app_over_raw"] = _ratio(result["detail"]["1"]["p50_ms"], result["raw_detail"]["p50_ms"])
        return result


def _ratio(app_ms, raw_ms):
    return round(app_ms / raw_ms, 1) if app_ms and raw_ms else None


# ---------------------------------------------------------------------------------------------
# Entry point for ``peaceops bench``


def run(quick: bool) -> dict:
    rows = 10_000 if quick else 100_000
    result = {"name": NAME, "quick": quick, "target_rows": rows, "environment": environment(),
              "databases": on_every_database(
                  lambda url: measure_database("postgresql" if url else "sqlite", rows, quick, url))}
    result["environment"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    result["table"] = table_rows(result)
    return result


def environment() -> dict:
    return {**machine_environment(), "platform": platform.platform(), "server": "gunicorn, one worker per core, 8 threads each"}


def table_rows(result: dict) -> list[dict]:
    """The rows ``peaceops bench`` prints: one per figure, with its target where one is set."""
    rows = []
    for engine, figures in result["databases"].items():
        for kind in ("list", "detail"):
            for clients, summary in figures[kind].items():
                target = f"< {TARGET_LIST_P95_MS}" if kind == "list" and clients == "32" else ""
                met = summary["p95_ms"] < TARGET_LIST_P95_MS if target else None
                rows.append(
                    {
                        "metric": f"{engine} {kind} p50 @{clients}",
                        "value": summary["p50_ms"],
                        "unit": "ms",
                        "target": "",
                        "met": None,
                    }
                )
                rows.append(
                    {
                        "metric": f"{engine} {kind} p95 @{clients}",
                        "value": summary["p95_ms"],
                        "unit": "ms",
                        "target": target,
                        "met": met,
                    }
                )
                rows.append(
                    {
                        "metric": f"{engine} {kind} req/s @{clients}",
                        "value": summary["throughput_rps"],
                        "unit": "req/s",
                        "target": "",
                        "met": None,
                    }
                )
            raw = figures[f"raw_{kind}"]
            rows.append(
                {
                    "metric": f"{engine} {kind} raw SQL p50",
                    "value": raw["p50_ms"],
                    "unit": "ms",
                    "target": "",
                    "met": None,
                }
            )
            ratio = figures[f"{kind}_ratio_app_over_raw"]
            # The 5x target is for the 100-row list; a one-row detail is all fixed per-request cost.
            targeted = kind == "list" and ratio is not None
            rows.append(
                {
                    "metric": f"{engine} {kind} app/raw (p50 @1)",
                    "value": ratio,
                    "unit": "x",
                    "target": f"< {TARGET_APP_OVER_RAW}" if kind == "list" else "",
                    "met": ratio < TARGET_APP_OVER_RAW if targeted else None,
                }
            )
    return rows


if __name__ == "__main__" and sys.argv[1:2] == ["generate"]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peaceops.settings")
    import django

    django.setup()
    print(json.dumps(generate(int(sys.argv[2]))))
