"""``peaceops import-events FILE --format ...``: import an event dataset into the incident log."""

import json
import sys
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from peaceops.core.classification import Classification
from peaceops.incidents.importers import FORMATS
from peaceops.incidents.services import import_events
from peaceops.registry.models import Mission

CLASSIFICATIONS = {level.name.lower(): level for level in Classification}


class Command(BaseCommand):
    help = "Import events (UCDP GED, ACLED, HXL, Insecurity Insight) into the incident log; see docs/incidents-import.md"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument("--mission", help="acronym of the owning mission (default: none, shared reference data)")
        parser.add_argument("--classification", choices=list(CLASSIFICATIONS), default="unclassified")
        parser.add_argument("--user", help="username the history rows are attributed to")
        parser.add_argument("--dry-run", action="store_true", help="read and check everything, write nothing")
        parser.add_argument("--skip-bad", action="store_true", help="skip bad lines (and report each) instead of failing")
        parser.add_argument("--json", action="store_true", help="print one JSON object with the report on stdout")

    def handle(self, *args, **options):
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
        bar = ProgressBar(sys.stderr)
        report = import_events(options["file"], options["format"], mission=mission, classification=classification,
                               user=user, dry_run=options["dry_run"], skip_bad=options["skip_bad"],
                               progress=bar.update)
        bar.finish()
        if options["json"]:
            self.stdout.write(json.dumps(report.as_json()))
        else:
            self.stdout.write(report.summary())
        if not report.ok:
            sys.exit(1)


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
