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


def environment() -> dict:
    """What a reader needs to judge the figures: Python, cores and how busy the machine was."""
    return {"python": platform.python_version(), "cpus": os.cpu_count(),
            "load_average": [round(x, 2) for x in os.getloadavg()]}
