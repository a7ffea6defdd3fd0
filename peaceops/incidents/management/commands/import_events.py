"""``peaceops import-events FILE --format ...``: import an event dataset into the incident log."""

from peaceops.core.terminal_progress import TerminalProgress
from peaceops.incidents.imports.formats import FORMATS
from peaceops.incidents.imports.services import events_import
from peaceops.registry.import_command import ImportCommand


class Command(ImportCommand):
    help = "Import events (UCDP GED, ACLED, HXL, Insecurity Insight) into the incident log; see docs/incidents-import.md"

    def add_format_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=FORMATS)

    def handle(self, *args, **options):
        bar = TerminalProgress()
        report = events_import(options["file"], options["format"], progress=bar,
                               **self.service_options(options))
        bar.finish()
        self.write_report(report, options)
