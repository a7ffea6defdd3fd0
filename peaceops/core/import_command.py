"""What every ``peaceops import-*`` command checks before it reads a file.

:func:`readable_file` is used by every import command (``registry.import_command.ImportCommand``
and the others: import-places, import-framework), so a file that is missing or unreadable is one
line of error and a non-zero exit in all of them. The options that name a mission and a user live
with ``ImportCommand`` in the registry app, which owns missions: core imports no app.
"""

import os
from pathlib import Path

from django.core.management.base import CommandError

from peaceops.core.classification import Classification

CLASSIFICATIONS = {level.name.lower(): level for level in Classification}


def readable_file(name) -> Path:
    """``name`` as a Path if it is a file this process can read; else a CommandError saying why, in one line.

    Checked before any parser opens the file, so the operator reads "no such file" rather than a
    Python traceback from deep inside an importer.
    """
    path = Path(name)
    if not path.exists():
        raise CommandError(f"{name}: no such file")
    if path.is_dir():
        raise CommandError(f"{name}: is a folder, not a file")
    if not path.is_file():
        raise CommandError(f"{name}: not a regular file")
    if not os.access(path, os.R_OK):
        raise CommandError(f"{name}: cannot be read (permission denied)")
    return path
