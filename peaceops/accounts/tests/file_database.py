"""Tests of concurrent writers on a real SQLite file, when the test database is SQLite in memory.

The test database is an in-memory SQLite database with a shared cache. Its connections in several
threads do not behave as a deployment's do: a second writer is answered "database table is locked"
at once, with no busy timeout and no WAL, so a test of two simultaneous writers there proves nothing
about the server. :func:`file_backed_database` copies the test database, as the test's fixtures
left it, into a temporary file and points every new connection (each thread opens its own) at it,
with the deployment's options (WAL, IMMEDIATE transactions, the busy timeout); afterwards the
in-memory database, kept open meanwhile, is the test database again. On PostgreSQL, or an SQLite
file, it changes nothing.

Use it only in ``django_db(transaction=True)`` tests: the fixtures' rows must be committed to be
copied, and other threads only see committed rows anyway.
"""

import contextlib
import sqlite3
import tempfile
from pathlib import Path

from django.db import connection


@contextlib.contextmanager
def file_backed_database(busy_timeout: float | None = None):
    """Within the block, the default database is a file copy of the in-memory test database (its path
    is given to the block; None where nothing was changed).

    ``busy_timeout`` (seconds) replaces the settings' wait for the write lock, for a test that
    wants to see the wait run out.
    """
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield None
        return
    connection.ensure_connection()
    in_memory, name = connection.connection, connection.settings_dict["NAME"]
    options = connection.settings_dict["OPTIONS"]
    settings_options = dict(options)
    with tempfile.TemporaryDirectory(prefix="peaceops-test-db-") as folder:
        path = Path(folder) / "test.sqlite3"
        copy = sqlite3.connect(path)
        in_memory.backup(copy)
        copy.close()
        # Forget the in-memory connection without closing it (closing it would destroy that
        # database); the next query opens the file, with the settings' options.
        connection.connection = None
        connection.settings_dict["NAME"] = str(path)
        if busy_timeout is not None:
            options["timeout"] = busy_timeout
        try:
            yield path
        finally:
            connection.close()
            connection.settings_dict["NAME"] = name
            options.clear()
            options.update(settings_options)
            connection.connection = in_memory
