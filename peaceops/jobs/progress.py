"""A running job's progress, kept in a small file beside its upload rather than in the database.

An import writes everything inside one transaction, and on SQLite that transaction holds the
database's only write lock until it ends: a progress row written from another connection would
wait for the import, and one written from the import's own connection would stay invisible until
the end and be rolled back with it. The file is replaced whole (write, then rename), so a reader
never sees half of it. The job's row gets the final counts when the job ends.
"""

import json
import os
import time
from pathlib import Path

from peaceops.core.private_files import open_private

WRITE_EVERY_SECONDS = 0.5  # the page polls once a second; more often would only cost the import time


class ProgressFile:
    def __init__(self, path: Path):
        self.path, self.last_write = Path(path), 0.0
        self.last = {}  # the latest counts, written or not: what the job row keeps when the job ends

    def __call__(self, rows_read: int, rows_total: int = 0, errors: int = 0) -> None:
        """The import services' progress callback: ``progress(rows_read, rows_total, errors)``."""
        self.last = {"rows_read": rows_read, "rows_total": rows_total, "errors": errors}
        now = time.monotonic()
        if now - self.last_write < WRITE_EVERY_SECONDS:
            return
        self.last_write = now
        self.write({"rows_read": rows_read, "rows_total": rows_total, "errors": errors})

    def write(self, values: dict) -> None:
        partial = self.path.with_suffix(".partial")
        fd = open_private(partial)
        with os.fdopen(fd, "w") as handle:
            json.dump(values, handle)
        os.replace(partial, self.path)

    def read(self) -> dict:
        try:
            return json.loads(self.path.read_text())
        except (FileNotFoundError, ValueError):
            return {}
