"""Files only the server's own account may read: the database (with its WAL and shared memory), the
secret key, backups and the data folder. They hold password hashes, token digests and classified
records, so no other account on the machine may read them.

Two layers: the console script and the WSGI entry point set a umask (``restrict_umask``) so that any
file the process creates is private, and the files that matter are chmod'ed explicitly where they
are made, so that a caller with a looser umask (an embedding, a test) still gets private files.
"""

import os
import stat
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def restrict_umask() -> None:
    """New files of this process are readable by its own account only."""
    os.umask(0o077)


def make_private(path, mode: int = PRIVATE_FILE) -> None:
    """Restrict ``path`` if it exists and belongs to this account (chmod on another's file would fail)."""
    try:
        if os.stat(path).st_uid == os.getuid() and os.stat(path).st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except FileNotFoundError:
        pass


def private_folder(path: Path) -> Path:
    """Create ``path`` private, or make it private; a shared folder with the sticky bit (``/tmp`` given as the
    data folder) is left as it is: closing it would lock every other account out of it."""
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if not os.stat(path).st_mode & stat.S_ISVTX:
        make_private(path, PRIVATE_FOLDER)
    return path


def open_private(path, flags: int = os.O_WRONLY | os.O_CREAT | os.O_TRUNC) -> int:
    """A file descriptor for writing ``path``, created with mode 0600 whatever the umask."""
    fd = os.open(path, flags, PRIVATE_FILE)
    os.fchmod(fd, PRIVATE_FILE)  # the file may have existed with a looser mode
    return fd


def sqlite_database_is_private(sender, connection, **kwargs) -> None:
    """On each new SQLite connection: the database file and its side files are 0600.

    SQLite gives the WAL and shared-memory files it creates the database file's mode, so restricting
    the database is enough for new ones; existing side files (from an older installation) are fixed too.
    """
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:") or "mode=memory" in name:
        return
    for suffix in ("", *SQLITE_SIDE_FILES):
        make_private(name + suffix)
