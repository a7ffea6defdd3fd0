"""``peaceops manage import_needs FILE --country ISO3``: people in need per area and sector (docs/coordination.md)."""

from peaceops.coordination.services import needs_import
from peaceops.registry.import_command import ImportCommand


class Command(ImportCommand):
    help = "Import needs per area and sector from a CSV with an HXL row (#adm1+code #adm2+code #sector #inneed ...)"

    def add_format_arguments(self, parser):
        parser.add_argument("--country", default="", help="ISO3 of the country for rows that name none")
        parser.add_argument("--shared-with-military", action="store_true",
                            help="let users on the military side see these needs (humanitarian data)")

    def handle(self, *args, **options):
        service = self.service_options(options)
        service.pop("skip_bad")  # a needs file is small: every line is right or nothing is written
        report = needs_import(options["file"], country=options["country"],
                              shared_with_military=options["shared_with_military"], **service)
        self.write_report(report, options)
