"""``peaceops import-events FILE --format ...``: import an event dataset into the incident log."""

import sys
import time

from peaceops.core.import_command import ImportCommand
from peaceops.incidents.importers import FORMATS
from peaceops.incidents.services import import_events


class Command(ImportCommand):
    help = "Import events (UCDP GED, ACLED, HXL, Insecurity Insight) into the incident log; see docs/incidents-import.md"

    def add_format_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=FORMATS)

    def handle(self, *args, **options):
        bar = ProgressBar(sys.stderr)
        report = import_events(options["file"], options["format"], progress=bar.update,
                               **self.service_options(options))
        bar.finish()
        self.write_report(report, options)


class ProgressBar:
    """A one-line progress display on stderr (rows read and rate)."""

    def __init__(self, stream):
        self.stream, self.start, self.shown = stream, time.monotonic(), False

    def update(self, rows: int, _total: int = 0) -> None:
        rate = rows / max(1e-6, time.monotonic() - self.start)
        self.stream.write(f"\rimporting: {rows:>10,} rows read  {rate:>9,.0f} rows/s")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
