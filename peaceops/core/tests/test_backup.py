"""Backup and restore: every record, its history, users, grants and tokens come back; damage changes nothing."""

import gzip
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from rest_framework.test import APIClient

from peaceops.accounts.access import SYSTEM
from peaceops.accounts.models import ApiToken, Grant
from peaceops.accounts.services import token_create
from peaceops.core.backup import BackupError, backed_up_models, read_header, restore_backup, write_backup
from peaceops.core.classification import Classification
from peaceops.registry.models import Post

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def database_state() -> dict:
    """Every backed-up row of every model, as plain data, for before/after comparisons."""
    state = {}
    for model in backed_up_models():
        fields = [f.attname for f in model._meta.concrete_fields]
        rows = model._base_manager.order_by("pk").values_list(*fields)
        m2m = {f.name: sorted(model._base_manager.filter(**{f"{f.name}__isnull": False})
                              .values_list("pk", f"{f.name}__pk"))
               for f in model._meta.local_many_to_many}
        state[model._meta.label_lower] = (list(rows), m2m)
    return state


def history_of(record) -> list:
    return list(record.history.order_by("history_id").values_list(
        "history_id", "history_date", "history_type", "history_user_id", "title"))


@pytest.fixture
def changed_world(world):
    """The test world with an edit by a user (a history entry with a history_user) and an API token."""
    post = world.records["minurcat_unclassified"]["post"]
    post.title = "Senior officer"
    post._history_user = world.users["admin"]
    post.save()
    world.token_key = token_create(world.users["minurcat"], actor=SYSTEM)[1]
    return world


def read_lines(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def write_lines(path: Path, lines: list[dict]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.writelines(json.dumps(line) + "\n" for line in lines)


def test_round_trip_brings_back_records_history_users_grants_and_tokens(changed_world, tmp_path):
    world = changed_world
    post = world.records["minurcat_unclassified"]["post"]
    before, post_history = database_state(), history_of(post)
    token = world.token_key
    file = tmp_path / "peaceops.backup.gz"

    header = write_backup(file)
    assert header["counts"]["registry.post"] == 6 and header["counts"]["accounts.apitoken"] == 1
    assert header["counts"]["registry.historicalpost"] == 7  # six created, one changed

    # Everything below is undone by the restore.
    Post.objects.create(mission=world.unamid, title="Added after the backup")
    world.users["nobody"].delete()
    Grant.objects.filter(user__username="minurcat").update(clearance=Classification.UNCLASSIFIED)
    ApiToken.objects.all().delete()
    assert database_state() != before

    restore_backup(file)

    assert database_state() == before
    assert history_of(post) == post_history and post_history[-1][3] == world.users["admin"].pk
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    answer = client.get("/api/v1/posts/")
    assert answer.status_code == 200
    # The restored grant: MINURCAT's posts up to confidential again.
    assert {p["title"] for p in answer.json()["results"]} == {"Senior officer", "Officer Confidential"}
    client.credentials(HTTP_AUTHORIZATION="Token not-a-token-anyone-was-given")
    assert client.get("/api/v1/posts/").status_code == 401


def test_restore_clears_sessions_so_nobody_stays_logged_in(changed_world, client, tmp_path):
    file = tmp_path / "b.gz"
    write_backup(file)
    client.force_login(changed_world.users["minurcat"])
    restore_backup(file)
    from django.contrib.sessions.models import Session

    assert not Session.objects.exists()


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])


def _break_a_field(path: Path) -> None:
    lines = read_lines(path)
    post = next(line for line in lines if line.get("model") == "registry.post")
    post["fields"]["classification"] = "top secret"
    write_lines(path, lines)


def _point_to_a_missing_mission(path: Path) -> None:
    lines = read_lines(path)
    post = next(line for line in lines if line.get("model") == "registry.post")
    post["fields"]["mission"] = 987654
    write_lines(path, lines)


def _drop_a_record(path: Path) -> None:
    lines = read_lines(path)
    lines.remove(next(line for line in lines if line.get("model") == "registry.person"))
    write_lines(path, lines)


def _foreign_format(path: Path) -> None:
    lines = read_lines(path)
    lines[0]["format"] = "someone-elses-dump"
    write_lines(path, lines)


def _future_version(path: Path) -> None:
    lines = read_lines(path)
    lines[0]["version"] = 99
    write_lines(path, lines)


def _not_gzip(path: Path) -> None:
    path.write_text("id,name\n1,not a backup\n")


@pytest.mark.parametrize(("damage", "message"), [
    (_truncate, "damaged or truncated"),
    (_break_a_field, "line "),
    (_point_to_a_missing_mission, "do not hold together"),
    (_drop_a_record, "header says"),
    (_foreign_format, "not a peaceops backup"),
    (_future_version, "version 99"),
    (_not_gzip, "not a readable peaceops backup"),
])
def test_a_damaged_backup_is_refused_and_changes_nothing(changed_world, tmp_path, damage, message):
    file = tmp_path / "damaged.backup.gz"
    write_backup(file)
    damage(file)
    Post.objects.create(mission=changed_world.unamid, title="Made after the backup")
    before = database_state()

    with pytest.raises(BackupError) as refused:
        restore_backup(file)

    assert str(file) in str(refused.value) and message in str(refused.value)
    assert database_state() == before


def test_a_field_error_names_the_line_and_the_record(changed_world, tmp_path):
    file = tmp_path / "b.gz"
    write_backup(file)
    _break_a_field(file)
    number = next(i for i, line in enumerate(read_lines(file), start=1) if line.get("model") == "registry.post")
    with pytest.raises(BackupError, match=rf"line {number}: .*registry\.post.*top secret"):
        restore_backup(file)


def test_commands_back_up_and_restore(changed_world, tmp_path, capsys):
    file = tmp_path / "cmd.backup.gz"
    call_command("backup", str(file))
    assert "wrote" in capsys.readouterr().out and read_header(file)["format"] == "peaceops-backup"
    get_user_model().objects.filter(username="regional").delete()
    call_command("restore", str(file), "--yes")
    assert get_user_model().objects.filter(username="regional").exists()


def test_restore_command_wants_confirmation_without_a_terminal(changed_world, tmp_path, monkeypatch):
    file = tmp_path / "cmd.backup.gz"
    write_backup(file)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(file))


# ---------------------------------------------------------------------------------------------
# Across databases: a backup restored into a freshly migrated database of the other engine (SQLite
# <-> PostgreSQL when PEACEOPS_TEST_DATABASE_URL names a server; else a fresh SQLite file) is
# backed up again there, and the two files must hold the same records.


def _canonical_records(path: Path) -> list[str]:
    return sorted(json.dumps(line, sort_keys=True) for line in read_lines(path)[1:])


def _other_database(tmp_path):
    """A DATABASE_URL for an empty database of the other engine, and a function that drops it."""
    server = os.environ.get("PEACEOPS_TEST_DATABASE_URL", "")
    if connection.vendor == "sqlite" and server.startswith(("postgres://", "postgresql://")):
        import psycopg

        name = f"peaceops_restore_{uuid.uuid4().hex[:10]}"
        admin_url = server
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')

        def drop():
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        return server.rsplit("/", 1)[0] + "/" + name, drop
    return None, lambda: None  # no DATABASE_URL: SQLite in the subprocess's own PEACEOPS_HOME


def test_a_backup_restores_into_a_fresh_database_of_the_other_engine(changed_world, tmp_path,
                                                                      fresh_installation_database):
    first, second = tmp_path / "first.backup.gz", tmp_path / "second.backup.gz"
    write_backup(first)
    url, drop = _other_database(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PYTEST_XDIST_WORKER")}
    env["PEACEOPS_HOME"] = str(tmp_path / "home")
    if url:
        env["DATABASE_URL"] = url
    else:
        fresh_installation_database(tmp_path / "home")  # migrated already: the migrate below has nothing to do

    def peaceops(*args):
        done = subprocess.run([sys.executable, "-m", "peaceops.cli", *args], env=env, cwd=PROJECT_ROOT,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"peaceops {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    try:
        peaceops("migrate", "--no-input", "-v", "0")
        assert "restored" in peaceops("restore", str(first), "--yes")
        peaceops("backup", str(second))
    finally:
        drop()

    other_vendor = "postgresql" if url else "sqlite"
    assert read_header(second)["database"] == other_vendor
    assert read_header(second)["counts"] == read_header(first)["counts"]
    assert _canonical_records(second) == _canonical_records(first)
