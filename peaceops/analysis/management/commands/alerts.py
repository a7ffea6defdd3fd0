"""``peaceops alerts --as-of YYYY-MM-DD [--country ISO3] [--mission ACRONYM] [--user NAME] --json``.

Early-warning alerts as the JMAC would have seen them on a date (rules in
peaceops/analysis/early_warning.py and docs/early-warning.md). Reads with a system-wide view
(the console operator) unless ``--user`` names the user to read as. Bad input (a malformed
date, an as-of date before any data, an unknown country or mission, an unknown user) is a clear
message on stderr and exit status 2.
"""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from peaceops.accounts.commands import acting_user
from peaceops.analysis import early_warning
from peaceops.analysis.incident_frame import (
    FrameScope,
    ScopeError,
    alert_frame,
    border_context,
    country_scope,
    earliest_report_date,
    mission_scope,
)
from peaceops.notifications import selectors as inbox
from peaceops.notifications import services as notifications

BAD_INPUT = 2


class Command(BaseCommand):
    help = ("Early-warning alerts known on a date: surges against an area's own baseline, new armed actors, "
            "violence moving toward a border with another mission's area, displacement toward a border.")
    requires_system_checks = []  # a read-only report: start fast, and whatever the web configuration says

    def add_arguments(self, parser):
        parser.add_argument("--as-of", dest="as_of", required=True, help="the date YYYY-MM-DD the alerts are known at")
        parser.add_argument("--country", help="ISO 3166 alpha-3 code, e.g. CAF")
        parser.add_argument("--mission", help="mission acronym, e.g. MINUSCA")
        parser.add_argument("--user", help="read as this user (their grants apply); default: a system-wide reader")
        parser.add_argument("--json", action="store_true", help="print a JSON list (the default output too)")
        parser.add_argument("--notify", action="store_true",
                            help="notify the missions each alert names (peaceops.notifications), as the reader")

    def handle(self, *args, as_of, country, mission, user, notify=False, **options):
        day = _date(as_of)
        reader = _reader(user)
        try:
            scope = FrameScope(country_scope(reader, country), mission_scope(reader, mission), day)
        except ScopeError as error:
            raise CommandError(str(error), returncode=BAD_INPUT) from None
        first = earliest_report_date(reader, scope)
        if first is None:
            raise CommandError("no incidents in this scope: import events first (peaceops import-events)",
                               returncode=BAD_INPUT)
        if day < first:
            raise CommandError(f"--as-of {day} is before any data: the first incident was reported on {first}",
                               returncode=BAD_INPUT)
        frame = alert_frame(reader, scope)
        borders = border_context(day, sorted(set(frame.country.tolist()) - {""}))
        alerts = early_warning.compute_alerts(frame, day, borders=borders)
        shown = [alert.as_json() for alert in alerts]

        if notify:
            notifications.alerts_notify(reader, alerts, as_of=day)
        if user:
            # The alerts other missions notified the reader's missions of: what they may know, not the evidence.
            computed = {alert.key for alert in alerts}
            shown += [inbox.notification_json(n, reader) for n in inbox.notifications_for(reader)
                      if n.alert_key not in computed and (n.as_of is None or n.as_of <= day)]
        self.stdout.write(json.dumps(shown, ensure_ascii=False))


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(f"--as-of: {value!r} is not a date as YYYY-MM-DD", returncode=BAD_INPUT) from None


def _reader(username: str | None):
    return acting_user(username, returncode=BAD_INPUT)
