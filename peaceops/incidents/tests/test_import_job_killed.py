"""A worker killed (SIGKILL) in the middle of an event import leaves the store as it was before the job, and the
next worker to start marks the job failed.

Runs real processes on a data folder of its own (SQLite, as a fresh installation): ``peaceops migrate``, a
``peaceops worker`` that takes the job, and ``peaceops worker --batch`` afterwards.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peaceops.incidents.tests.test_import import UCDP_HEADER, ucdp_row

ROWS = 200_000  # enough that the import is still writing when its first progress report arrives

SETUP = """
import django, sys; django.setup()
from django.core.files import File
from peaceops.accounts.access import SYSTEM
from peaceops.incidents.imports.services import events_import
from peaceops.jobs.services import job_start
from peaceops.registry.models import Country
from peaceops.testing import make_user
Country.objects.create(iso3="TCD", iso2="TD", numeric="148", name="Chad")
events_import(sys.argv[1], "ucdp-ged", user=SYSTEM)
with open(sys.argv[2], "rb") as handle:
    job = job_start(make_user("importer", "administrator"), kind="import-events", upload=File(handle, name="big.csv"),
                    params={"format": "ucdp-ged", "mission_id": None, "classification": 0})
print(job.pk)
"""

STATE = """
import django, json; django.setup()
from peaceops.incidents.models import Incident
from peaceops.jobs.models import Job
job = Job.objects.get()
print(json.dumps({"incidents": sorted(Incident.objects.values_list("external_id", "deaths_best")),
                  "history": Incident.history.count(), "status": job.status, "message": job.message}))
"""


def run(env, *args, **kwargs):
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, check=True, **kwargs)


def state(env) -> dict:
    return json.loads(run(env, "-c", STATE).stdout)


@pytest.fixture
def installation(tmp_path, fresh_installation_database):
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "PEACEOPS_TODAY")}
    env.update(PEACEOPS_HOME=str(tmp_path / "home"), DJANGO_SETTINGS_MODULE="peaceops.settings",
               PEACEOPS_SECRET_KEY="test-key-0123456789abcdef0123456789abcdef")
    fresh_installation_database(tmp_path / "home")  # migrated already: the migrate below has nothing to do
    run(env, "-m", "peaceops.cli", "migrate", "--verbosity", "0")
    return env


def test_a_killed_import_job_writes_nothing_and_is_marked_failed_by_the_next_worker(installation, tmp_path):
    env = installation
    small = tmp_path / "small.csv"
    small.write_text(UCDP_HEADER + "".join(ucdp_row(n, best=1, low=1, high=1) for n in range(1, 11)))
    big = tmp_path / "big.csv"
    with big.open("w") as handle:  # rows 1-10 again with other counts (updates), then new rows
        handle.write(UCDP_HEADER)
        handle.writelines(ucdp_row(n, best=7, low=7, high=7) for n in range(1, ROWS + 1))
    job_id = int(run(env, "-c", SETUP, str(small), str(big)).stdout.split()[-1])
    before = state(env)
    assert len(before["incidents"]) == 10 and before["status"] == "queued"

    progress = Path(env["PEACEOPS_HOME"]) / "jobs" / str(job_id) / "progress.json"
    worker = subprocess.Popen([sys.executable, "-m", "peaceops.cli", "worker", "--verbosity", "0"], env=env)
    try:
        deadline = time.monotonic() + 120
        while not progress.exists():  # the first batch is written: the import is under way
            assert worker.poll() is None, "the worker stopped by itself"
            assert time.monotonic() < deadline, "the job never reported progress"
            time.sleep(0.02)
        worker.send_signal(signal.SIGKILL)
    finally:
        worker.kill()
        worker.wait()
    read = json.loads(progress.read_text())["rows_read"]
    assert 0 < read < ROWS

    after_kill = state(env)
    assert after_kill["status"] == "running"  # nobody has noticed yet
    assert after_kill["incidents"] == before["incidents"] and after_kill["history"] == before["history"]

    run(env, "-m", "peaceops.cli", "worker", "--batch", "--verbosity", "0", timeout=120)
    after = state(env)
    assert after["status"] == "failed" and "interrupted" in after["message"]
    assert after["incidents"] == before["incidents"] and after["history"] == before["history"]
