"""``peaceops import-places FILE``: load admin areas and country shapes (see docs/registry.md)."""

import sys

from django.core.management.base import BaseCommand, CommandError

from peaceops.accounts.access import SYSTEM
from peaceops.core.import_command import readable_file
from peaceops.registry.importers import FORMATS, ImportReport, PlaceImportError, import_places


class Command(BaseCommand):
    help = ("Load places: the global P-code gazetteer CSV (admin 1-2), an OCHA COD-AB GeoParquet layer "
            "(admin 0-4 with shapes) or Natural Earth country shapes. Re-importing updates by P-code.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="the file to import")
        parser.add_argument("--format", choices=FORMATS, help="default: from the file name (.csv, .parquet, .shp)")
        parser.add_argument("--country", metavar="ISO3", help="import only this country's rows")
        parser.add_argument("--dry-run", action="store_true", help="check and count, store nothing")
        parser.add_argument("--skip-bad", action="store_true", help="skip bad rows and report each of them")
        parser.add_argument("--json", action="store_true", help="print the summary as JSON")

    def handle(self, *args, **options):
        readable_file(options["file"])
        try:
            report = import_places(options["file"], options["format"], actor=SYSTEM, country=options["country"],
                                   dry_run=options["dry_run"], skip_bad=options["skip_bad"])
        except PlaceImportError as error:
            if options["json"]:
                self.stdout.write(getattr(error, "report", ImportReport(errors=[error.problem])).to_json())
            raise CommandError(f"{error} (nothing was stored)") from error
        except (ValueError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(report.to_json())
            return
        for problem in sorted(report.errors, key=lambda p: p.line):
            self.stderr.write(f"skipped line {problem.line}, field {problem.field!r}: {problem.message}")
        prefix = "dry run, nothing stored: " if report.dry_run else ""
        self.stdout.write(f"{prefix}{report.read} rows read, {report.created} created, {report.updated} updated, "
                          f"{report.skipped} skipped")
        sys.stdout.flush()
