"""Production settings pass Django's deployment checklist (``check --deploy``)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def deploy_check(tmp_path, **env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEACEOPS_") and k != "DATABASE_URL"}
    env.update(PEACEOPS_HOME=str(tmp_path), **env_overrides)
    return subprocess.run(
        [sys.executable, "-m", "peaceops.cli", "manage", "check", "--deploy", "--tag", "security",
         "--fail-level", "WARNING"],
        env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
    )


def test_production_settings_pass_the_deployment_checks(tmp_path):
    done = deploy_check(tmp_path, PEACEOPS_PRODUCTION="1", PEACEOPS_SECRET_KEY=secrets.token_urlsafe(64))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_without_production_mode_the_checks_object(tmp_path):
    # The same check fails on a development set-up: the test above is not passing vacuously.
    done = deploy_check(tmp_path)
    assert done.returncode != 0
    assert "security.W004" in done.stderr and "security.W012" in done.stderr  # HSTS, secure cookies
