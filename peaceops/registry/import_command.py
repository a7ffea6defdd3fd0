"""What every ``peaceops import-*`` command of records owned by a mission shares.

The owning mission, classification, attributed user, --dry-run, --skip-bad and --json options
mean the same in import-events, import-3w, import-needs and import-measurements, and all end with
the same report: one place for them keeps the commands' behaviour and wording alike. It lives in
the registry app because it resolves ``--mission`` to a registry mission (core imports no app).
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from peaceops.accounts.commands import acting_user
from peaceops.core.classification import Classification
from peaceops.core.import_command import CLASSIFICATIONS, readable_file
from peaceops.registry.models import Mission


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
        mission = None
        if options["mission"]:
            mission = Mission.objects.filter(acronym__iexact=options["mission"]).first()
            if mission is None:
                raise CommandError(f"no mission with acronym {options['mission']!r}")
        classification = CLASSIFICATIONS[options["classification"]]
        if mission is None and classification != Classification.UNCLASSIFIED:
            raise CommandError("without --mission the rows are shared reference data and must be unclassified")
        user = acting_user(options["user"])
        return {"mission": mission, "classification": classification, "user": user,
                "dry_run": options["dry_run"], "skip_bad": options["skip_bad"]}

    def write_report(self, report, options) -> None:
        """The --json object or the summary; exit status 1 when the import wrote nothing for errors."""
        self.stdout.write(json.dumps(report.as_json()) if options["json"] else report.summary())
        if not report.ok:
            sys.exit(1)
