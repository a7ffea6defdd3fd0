"""Helpers the benchmarks in benchmarks/ share (they are run by ``peaceops bench``)."""

import os
import platform
import uuid
from contextlib import contextmanager


@contextmanager
def throwaway_postgres_database(server_url: str):
    """A new database on the server ``server_url`` names, dropped afterwards (even on failure)."""
    import psycopg

    name = f"peaceops_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def on_every_database(measure) -> dict:
    """``{"sqlite": measure(None), "postgresql": measure(url)}``: SQLite always, PostgreSQL when
    ``DATABASE_URL`` names a server (a throwaway database on it, dropped afterwards)."""
    results = {"sqlite": measure(None)}
    server = os.environ.get("DATABASE_URL", "")
    if server.startswith(("postgres://", "postgresql://")):
        with throwaway_postgres_database(server) as url:
            results["postgresql"] = measure(url)
    return results


def environment() -> dict:
    """What a reader needs to judge the figures: Python, cores and how busy the machine was."""
    return {"python": platform.python_version(), "cpus": os.cpu_count(),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def run_in_fresh_home(script: str, args: list[str], url: str | None = None, label: str = "benchmark") -> dict:
    """Run ``python script child ARGS`` in a throwaway data folder (and ``url``'s database if given).

    The child sets Django up for that store and prints its result as JSON on its last line; a
    separate process keeps the measured one free of the parent's state and memory.
    """
    import json
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix=f"peaceops-bench-{label}-") as folder:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PEACEOPS_DEBUG")}
        env.update(PEACEOPS_HOME=folder, DJANGO_SETTINGS_MODULE="peaceops.settings", PYTHONUNBUFFERED="1")
        if url:
            env["DATABASE_URL"] = url
        done = subprocess.run([sys.executable, script, "child", *args], env=env,
                              capture_output=True, text=True, timeout=3600)
        if done.returncode != 0:
            raise RuntimeError(f"{label} benchmark child failed:\n{done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])
