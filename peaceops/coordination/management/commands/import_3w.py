"""``peaceops import-3w FILE [--format ...]``: import a who-does-what-where file (docs/coordination.md)."""

import json
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from peaceops.coordination.importers import FORMATS, guess_format
from peaceops.coordination.services import import_3w
from peaceops.core.classification import Classification
from peaceops.registry.models import Mission

CLASSIFICATIONS = {level.name.lower(): level for level in Classification}


class Command(BaseCommand):
    help = "Import a 3W file (OCHA workbook, HDX operational presence, any HXL 3W CSV); see docs/coordination.md"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=FORMATS, help="default: guessed from the file (.xlsx: ocha-xlsx)")
        parser.add_argument("--country", default="", help="ISO3 of the country for rows that name none")
        parser.add_argument("--mission", help="acronym of the owning mission (default: none, shared reference data)")
        parser.add_argument("--classification", choices=list(CLASSIFICATIONS), default="unclassified")
        parser.add_argument("--user", help="username the history rows are attributed to")
        parser.add_argument("--dry-run", action="store_true", help="read and check everything, write nothing")
        parser.add_argument("--skip-bad", action="store_true", 
                            help="skip bad lines (and report each) instead of failing")
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
        try:
            fmt = options["format"] or guess_format(options["file"])
        except OSError as error:
            raise CommandError(f"{options['file']}: {error.strerror}") from None
        report = import_3w(options["file"], fmt, country=options["country"], mission=mission,
                           classification=classification, user=user, dry_run=options["dry_run"],
                           skip_bad=options["skip_bad"])
        self.stdout.write(json.dumps(report.as_json()) if options["json"] else report.summary())
        if not report.ok:
            sys.exit(1)
