"""What every ``peaceops import-*`` command of records owned by a mission shares.

The owning mission, classification, attributed user, --dry-run, --skip-bad and --json options
mean the same in import-events and import-3w, and both end with the same report: one place
for them keeps the commands' behaviour and wording alike.
"""

import json
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from peaceops.core.classification import Classification

CLASSIFICATIONS = {level.name.lower(): level for level in Classification}


class ImportCommand(BaseCommand):
    """Subclasses add their format options (``add_format_arguments``) and call their service."""

    def add_arguments(self, parser):
        parser.add_argument("file")
        self.add_format_arguments(parser)
        parser.add_argument("--mission", help="acronym of the owning mission (default: none, shared reference data)")
        parser.add_argument("--classification", choices=list(CLASSIFICATIONS), default="unclassified")
        parser.add_argument("--user", help="username the history rows are attributed to")
        parser.add_argument("--dry-run", action="store_true", help="read and check everything, write nothing")
        parser.add_argument("--skip-bad", action="store_true",
                            help="skip bad lines (and report each) instead of failing")
        parser.add_argument("--json", action="store_true", help="print one JSON object with the report on stdout")

    def add_format_arguments(self, parser):
        """Options naming the file's format; each import command adds its own."""

    def service_options(self, options) -> dict:
        """The keyword arguments every import service takes, resolved from the command line."""
        from peaceops.registry.models import Mission

        mission = None
        if options["mission"]:
            mission = Mission.objects.filter(acronym__iexact=options["mission"]).first()
            if mission is None:
                raise CommandError(f"no mission with acronym {options['mission']!r}")
        classification = CLASSIFICATIONS[options["classification"]]
        if mission is None and classification != Classification.UNCLASSIFIED:
            raise CommandError("without --mission the rows are shared reference data and must be unclassified")
        user = None
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
