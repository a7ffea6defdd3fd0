"""``peaceops sitrep --mission ACRONYM|--region NAME --date YYYY-MM-DD --format json|md|html|pdf``."""

import datetime as dt
import sys

from django.core.management.base import BaseCommand, CommandError

from peaceops.accounts.commands import acting_user
from peaceops.core import clock
from peaceops.incidents.sitrep import render as sitrep_render
from peaceops.incidents.sitrep import selectors as sitrep_selectors


class Command(BaseCommand):
    help = ("Write the daily situation report of a mission or region: the incidents that started on DATE, "
            "by category and admin-1 area, fatalities by party, notable incidents, change against the previous "
            "7 and 30 days, a small map and open follow-ups.")

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--mission", help="mission acronym, e.g. MINURCAT")
        target.add_argument("--region", help="region name, e.g. 'Central Africa and Sudan'")
        parser.add_argument("--date", help="report date YYYY-MM-DD (default: today)")
        parser.add_argument("--format", dest="fmt", choices=sitrep_render.FORMATS, default="md")
        parser.add_argument("--out", help="write to this file (default: standard output)")
        parser.add_argument("--as", dest="as_user", metavar="USER",
                            help="read as this user (their grants apply); default: a system-wide reader")

    def handle(self, *args, mission, region, date, fmt, out, as_user, **options):
        day = self._date(date)
        reader = self._reader(as_user)
        try:
            scope = (sitrep_selectors.mission_scope(reader, mission) if mission
                     else sitrep_selectors.region_scope(reader, region))
        except sitrep_selectors.ScopeNotFound as error:
            raise CommandError(str(error)) from None
        report = sitrep_selectors.sitrep_get(reader, scope, day)
        outlines = sitrep_selectors.map_outlines(scope) if fmt in ("html", "pdf") else []
        content = sitrep_render.render(report, fmt, outlines)
        if out:
            try:
                with open(out, "wb") as stream:
                    stream.write(content)
            except OSError as error:
                raise CommandError(f"{out}: {error.strerror or error}") from None
            self.stderr.write(f"wrote {out}: {report['incidents']} incidents, {report['fatalities']['best']} deaths, "
                              f"{len(report['notable'])} notable ({scope.kind} {scope.name}, {report['date']})")
        elif fmt == "pdf" and sys.stdout.isatty():
            raise CommandError("a PDF is binary: give --out FILE or redirect the output")
        else:
            stream = getattr(self.stdout, "_out", sys.stdout)
            if hasattr(stream, "buffer"):
                stream.flush()
                stream.buffer.write(content)
                stream.buffer.flush()
            else:  # a text stream (call_command(stdout=StringIO()) in tests)
                stream.write(content.decode("utf-8"))

    @staticmethod
    def _date(value: str | None) -> dt.date:
        if not value:
            return clock.today()
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise CommandError(f"--date: {value!r} is not a date as YYYY-MM-DD") from None

    @staticmethod
    def _reader(username: str | None):
        return acting_user(username, option="--as")
