"""``peaceops import-3w FILE [--format ...]``: import a who-does-what-where file (docs/coordination.md)."""

from django.core.management.base import CommandError

from peaceops.coordination.importers import FORMATS, guess_format
from peaceops.coordination.services import activities_import
from peaceops.core.terminal_progress import TerminalProgress
from peaceops.registry.import_command import ImportCommand


class Command(ImportCommand):
    help = "Import a 3W file (OCHA workbook, HDX operational presence, any HXL 3W CSV); see docs/coordination.md"

    def add_format_arguments(self, parser):
        parser.add_argument("--format", choices=FORMATS, help="default: guessed from the file (.xlsx: ocha-xlsx)")
        parser.add_argument("--country", default="", help="ISO3 of the country for rows that name none")
        parser.add_argument("--humanitarian", action="store_true",
                            help="humanitarian data: hidden from users on the military side unless shared")

    def handle(self, *args, **options):
        try:
            fmt = options["format"] or guess_format(options["file"])
        except OSError as error:
            raise CommandError(f"{options['file']}: {error.strerror}") from None
        bar = TerminalProgress()
        report = activities_import(
            options["file"],
            fmt,
            country=options["country"],
            humanitarian=options["humanitarian"],
            progress=bar,
            **self.service_options(options),
        )
        bar.finish()
        self.write_report(report, options)
