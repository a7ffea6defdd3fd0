"""``peaceops import-measurements FILE [--indicator ID]``: measurements from CSV, XLSX or HXL.

Columns and hashtags: peaceops/mandates/importers.py. Atomic: with any bad line nothing is written (unless
--skip-bad); each error names the file, line and field. The indicator's mission and classification apply to every
row, so --mission and --classification of other imports are not taken here.
"""

from django.core.management.base import BaseCommand, CommandError

from peaceops.accounts.access import SYSTEM
from peaceops.core.terminal_progress import TerminalProgress
from peaceops.mandates.models import Indicator
from peaceops.mandates.services import measurements_import
from peaceops.registry.import_command import ImportCommand


class Command(ImportCommand):
    help = "Import indicator measurements from a CSV, XLSX or HXL-tagged CSV file."

    def add_arguments(self, parser):
        BaseCommand.add_arguments(self, parser)
        parser.add_argument("file")
        parser.add_argument("--indicator", type=int, help="indicator id for every row (else an indicator column)")
        parser.add_argument("--user", help="username the measurements are entered by (must plan for the mission)")
        parser.add_argument("--dry-run", action="store_true", help="read and check everything, write nothing")
        parser.add_argument("--skip-bad", action="store_true", help="skip bad lines (and report each)")
        parser.add_argument("--json", action="store_true", help="print one JSON object with the report")

    def handle(self, *args, **options):
        from django.contrib.auth import get_user_model

        indicator = None
        if options["indicator"] is not None:
            indicator = Indicator.objects.filter(pk=options["indicator"]).first()
            if indicator is None:
                raise CommandError(f"no indicator {options['indicator']}")

        user = SYSTEM  # the operator at the server's console
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user {options['user']!r}")

        bar = TerminalProgress()
        report = measurements_import(options["file"], indicator=indicator, user=user, dry_run=options["dry_run"],
                                     skip_bad=options["skip_bad"], progress=bar)
        bar.finish()
        self.write_report(report, options)
