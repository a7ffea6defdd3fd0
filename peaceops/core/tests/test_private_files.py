"""The data folder, the SQLite database with its WAL, the secret key and backups are private (0700/0600)."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from peaceops.core.private_files import open_private, sqlite_database_is_private

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(home: Path, *args) -> str:
    # The key comes from the data folder here, not from the test runner's environment.
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PEACEOPS_SECRET_KEY")}
    env["PEACEOPS_HOME"] = str(home)
    done = subprocess.run([sys.executable, "-m", "peaceops.cli", *args], env=env, cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=300, umask=0o022)  # a typical, loose umask
    assert done.returncode == 0, f"peaceops {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_migrate_and_backup_leave_nothing_readable_by_other_accounts(tmp_path):
    home = tmp_path / "home"
    run(home, "migrate", "--no-input", "-v", "0")
    run(home, "createuser", "ops", "--password", "ops-password-9x!", "--superuser")
    key = run(home, "token", "create", "ops").strip()
    backup = tmp_path / "peaceops.backup.gz"
    run(home, "backup", str(backup))

    assert mode(home) == 0o700
    database = home / "peaceops.sqlite3"
    files = [database, home / "secret_key", backup,
             *[p for p in (home / "peaceops.sqlite3-wal", home / "peaceops.sqlite3-shm") if p.exists()]]
    assert {str(p.name): oct(mode(p)) for p in files} == {str(p.name): "0o600" for p in files}
    # Neither the database nor the backup holds the token itself.
    assert len(key) == 40
    assert key.encode() not in database.read_bytes()
    import gzip

    assert key not in gzip.open(backup, "rt").read()


def test_an_existing_loose_database_and_wal_are_restricted_on_connection(tmp_path):
    database = tmp_path / "old.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").write_bytes(b"")
        os.chmod(f"{database}{suffix}", 0o644)

    class Connection:
        vendor = "sqlite"
        settings_dict = {"NAME": str(database)}

    sqlite_database_is_private(None, Connection())
    assert [mode(Path(f"{database}{s}")) for s in ("", "-wal", "-shm")] == [0o600] * 3


def test_open_private_tightens_a_file_that_existed_with_a_looser_mode(tmp_path):
    target = tmp_path / "partial"
    target.write_text("old")
    target.chmod(0o644)
    with open(open_private(target), "w") as out:
        out.write("new")
    assert mode(target) == 0o600 and target.read_text() == "new"


@pytest.mark.django_db
def test_write_backup_makes_a_private_file_even_under_a_loose_umask(tmp_path):
    from peaceops.core.backup import write_backup

    previous = os.umask(0o022)
    try:
        write_backup(tmp_path / "b.gz")
    finally:
        os.umask(previous)
    assert mode(tmp_path / "b.gz") == 0o600


def test_a_data_folder_is_made_private_but_a_shared_sticky_folder_is_left_open(tmp_path):
    """PEACEOPS_HOME=/tmp must not close the machine's temporary folder to every other account."""
    from peaceops.core.private_files import private_folder

    loose = tmp_path / "home"
    loose.mkdir(mode=0o755)
    assert stat.S_IMODE(private_folder(loose).stat().st_mode) == 0o700
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    assert stat.S_IMODE(private_folder(shared).stat().st_mode) == 0o1777
