"""``peaceops demo``: database, countries, the Central Africa & Sudan 2008-2010 scenario, logins, server."""

import datetime as dt

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from peaceops.core import clock
from peaceops.core.classification import Classification
from peaceops.demo.loader import DemoError, load_demo
from peaceops.demo.scenario import DEMO_USERS
from peaceops.registry.services import countries_load


class Command(BaseCommand):
    help = ("Create or update the database, load the Central Africa and Sudan 2008-2010 demo (safe to run again: "
            "nothing is duplicated), print the demo logins and serve the app.")

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="load and print the logins, then exit")
        parser.add_argument("--port", type=int, default=8000, help="port to serve on (default 8000)")
        parser.add_argument("--host", default="127.0.0.1", help="address to serve on (default 127.0.0.1)")
        parser.add_argument("--today", default=None, metavar="YYYY-MM-DD",
                            help="the scenario's date the app opens on (default 2009-06-30; empty: the real date). "
                                 "Kept in the data folder for 'peaceops serve'; PEACEOPS_TODAY in the environment wins")
        parser.add_argument("--reset", action="store_true",
                            help="ERASE every record in this database (not only the demo's) before loading")

    def handle(self, *args, no_serve, port, host, reset, today, verbosity, **options):
        try:
            day = clock.DEMO_DAY if today is None else dt.date.fromisoformat(today) if today.strip() else None
        except ValueError:
            raise CommandError(f"--today {today!r}: give a date as YYYY-MM-DD, or '' for the real date") from None

        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))
        if reset:
            self.stdout.write(self.style.WARNING("Erasing the database (--reset)..."))
            call_command("flush", interactive=False, verbosity=0)
        countries = countries_load()
        try:
            counts = load_demo()
        except DemoError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Countries: {countries}. " + ", ".join(f"{name}: {n}" for name, n in counts.items()))
        self.stdout.write(self.style.SUCCESS("Demo scenario 'Central Africa and Sudan, 2008-2010' loaded."))
        self.stdout.write(logins_table())
        # After loading, so the scenario's data is the same whatever day the demo is loaded on.
        clock.remember_scenario_day(day)
        shown = clock.scenario_day()
        self.stdout.write(f"Scenario date: {shown.isoformat()} (PEACEOPS_TODAY)." if shown else
                          "No scenario date: the app runs on today's date.")
        if not no_serve:
            call_command("serve", port=port, host=host)


def logins_table() -> str:
    """The demo users as a plain-text table (user / password / role / scope / clearance)."""
    rows = [("user", "password", "role", "scope", "cleared up to")]
    rows += [(u.username, u.password, u.role or "-", u.scope, Classification(u.clearance).label.lower())
             for u in DEMO_USERS]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = ["", "Demo logins (public demo passwords; do not use this database for real work):"]
    for index, row in enumerate(rows):
        lines.append("  " + "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            lines.append("  " + "  ".join("-" * width for width in widths))
    return "\n".join(lines) + "\n"
