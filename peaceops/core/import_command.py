"""What every ``peaceops import-*`` command of records owned by a mission shares.

The owning mission, classification, attributed user, --dry-run, --skip-bad and --json options
mean the same in import-events and import-3w, and both end with the same report: one place
for them keeps the commands' behaviour and wording alike. :func:`readable_file` is also used by
the import commands that are not ``ImportCommand`` subclasses (import-places, import-framework),
so a file that is missing or unreadable is one line of error and a non-zero exit in all of them.
"""

import json
import os
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

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


class ImportCommand(BaseCommand):
    """Subclasses add their format options (``add_format_arguments``) and call their service."""

    def execute(self, *args, **options):
        # Before handle(): every subclass then refuses a missing file the same way.
        if options.get("file") is not None:
            readable_file(options["file"])
        return super().execute(*args, **options)

    def add_arguments(self, parser):
        parser.add_argument("file")
        self.add_format_arguments(parser)
        parser.add_argument("--mission", help="acronym of the owning mission (default: none, shared reference data)")
        parser.add_argument("--classification", choices=list(CLASSIFICATIONS), default="unclassified")
        parser.add_argument("--user", help="act as this user: their rights are checked and history names them "
                                           "(default: the installation itself, with every right)")
        parser.add_argument("--dry-run", action="store_true", help="read and check everything, write nothing")
        parser.add_argument("--skip-bad", action="store_true",
                            help="skip bad lines (and report each) instead of failing")
        parser.add_argument("--json", action="store_true", help="print one JSON object with the report on stdout")

    def add_format_arguments(self, parser):
        """Options naming the file's format; each import command adds its own."""

    def service_options(self, options) -> dict:
        """The keyword arguments every import service takes, resolved from the command line."""
        from peaceops.accounts.access import SYSTEM
        from peaceops.registry.models import Mission

        mission = None
        if options["mission"]:
            mission = Mission.objects.filter(acronym__iexact=options["mission"]).first()
            if mission is None:
                raise CommandError(f"no mission with acronym {options['mission']!r}")
        classification = CLASSIFICATIONS[options["classification"]]
        if mission is None and classification != Classification.UNCLASSIFIED:
            raise CommandError("without --mission the rows are shared reference data and must be unclassified")
        user = SYSTEM
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user {options['user']!r}")
        return {"mission": mission, "classification": classification, "user": user,
                "dry_run": options["dry_run"], "skip_bad": options["skip_bad"]}

    def write_report(self, report, options) -> None:
        """The --json object or the summary; exit status 1 when the import wrote nothing for errors."""
        self.stdout.write(json.dumps(report.as_json()) if options["json"] else report.summary())
        if not report.ok:
            sys.exit(1)
