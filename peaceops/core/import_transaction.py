"""One transaction per import: all of a file is written, or none of it, and the report says which.

Shared by the event import (incidents), the 3W and needs imports (coordination): each writes inside
``with import_transaction(report, dry_run):`` and raises :class:`Rollback` to undo everything (a
dry run, or bad lines without ``--skip-bad``); a file that cannot be read at all (an
``ImportFileError``) is reported as a line error and undone the same way.
"""

from contextlib import contextmanager

from django.db import transaction

from peaceops.core.importing import ImportFileError, ImportReport


class Rollback(Exception):
    """Raised inside :func:`import_transaction` to undo everything the import wrote."""


@contextmanager
def import_transaction(report: ImportReport, dry_run: bool):
    try:
        with transaction.atomic():
            yield
    except Rollback:
        report.rolled_back = True
    except ImportFileError as error:
        if report.file:  # an upload is read from a temporary file: name the file the user sent
            error = ImportFileError(report.file, error.message, line=error.line, field=error.field)
        report.errors.append(error.as_line_error())
        report.rolled_back = True
    if report.rolled_back and not dry_run:  # nothing was written: a dry run keeps what it would have done
        report.created = report.updated = report.unchanged = 0
