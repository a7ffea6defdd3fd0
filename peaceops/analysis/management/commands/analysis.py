"""``peaceops analysis groups|levels|hotspots|fusion``: the JMAC's registers and checks from the command line.

The same reads as the pages and the API (peaceops/analysis/selectors*.py), as a system-wide reader
unless ``--user`` names the user to read as (their grants apply).
"""

import datetime as dt
import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from peaceops.accounts.access import SYSTEM
from peaceops.analysis import selectors, selectors_alerts, selectors_fusion
from peaceops.core import clock, query


def _date(label: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(f"{label}: {value!r} is not a date as YYYY-MM-DD") from None


class Command(BaseCommand):
    help = ("Armed groups with the countries and missions they cross; security levels in force on a date and "
            "the divergences across borders; hotspots against each area's own history.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        groups = sub.add_parser("groups", help="armed groups, their countries, missions, incidents and deaths")
        levels = sub.add_parser("levels", help="security levels in force on a date, and divergences across borders")
        levels.add_argument("--on", help="the date YYYY-MM-DD (default: today)")
        levels.add_argument("--divergences", action="store_true",
                            help="only adjacent areas under different missions whose levels differ (seed 000 III.C.2), "
                                 "and those whose neighbour's level is not readable; neighbours' unclassified levels "
                                 "along the reader's borders are shared")
        hotspots = sub.add_parser("hotspots", help="areas whose latest month exceeds their own history")
        hotspots.add_argument("--as-of", dest="as_of", required=True, help="the date YYYY-MM-DD")
        hotspots.add_argument("--country", help="ISO 3166 alpha-3 code")
        hotspots.add_argument("--mission", help="mission acronym")
        fusion = sub.add_parser("fusion", help="one region's regional fusion view (seed 000 IV.C.1): alerts, border "
                                                "areas with incidents on both sides in the last 30 days, divergent "
                                                "levels, open requests for information, late joint products; for "
                                                "readers who cover the region (a region or system-wide grant)")
        fusion.add_argument("--region", help="region name or id (default: the reader's first region)")
        fusion.add_argument("--as-of", dest="as_of", help="the date YYYY-MM-DD (default: the scenario's today)")
        for command in (groups, levels, hotspots, fusion):
            command.add_argument("--user", help="read as this user; default: a system-wide reader")
            command.add_argument("--json", dest="as_json", action="store_true", help="print JSON")

    def handle(self, *args, action, user, as_json: bool, **options):
        reader = SYSTEM
        if user:
            reader = get_user_model().objects.filter(username=user).first()
            if reader is None:
                raise CommandError(f"--user: no user {user!r}")
        rows = getattr(self, f"_{action}")(reader, **options)
        if action == "fusion":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1 if as_json else None, default=str))
            return
        if as_json:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        else:
            for row in rows:
                self.stdout.write("\t".join(str(value) for value in row.values()))

    def _groups(self, reader, **_):
        rows = []
        for group in selectors.armed_groups_for(reader).order_by("name"):
            footprint = selectors.group_footprint(reader, group)
            rows.append({"name": group.name, "countries": footprint.countries, "missions": footprint.missions,
                         "incidents": footprint.incidents, "deaths": footprint.deaths,
                         "cross_border": footprint.cross_border})
        return rows

    def _levels(self, reader, on, divergences, **_):
        day = _date("--on", on) or clock.today()
        if divergences:
            # A neighbour's level that exists but cannot be read is listed as such: its absence is no agreement.
            return [*(selectors_alerts.divergence_json(d) for d in selectors.security_divergences(reader, day)),
                    *(selectors_alerts.unreadable_json(u) for u in selectors.unreadable_neighbour_levels(reader, day))]
        return [{"area": level.admin_area.name if level.admin_area_id else level.country.name,
                 "country": (level.admin_area.country if level.admin_area_id else level.country).iso3,
                 "mission": level.owning_mission.acronym if level.owning_mission_id else "",
                 "system": level.system, "level": level.level, "valid_from": level.valid_from.isoformat(),
                 "valid_to": level.valid_to.isoformat() if level.valid_to else None}
                for level in selectors.security_levels_for(reader, day).order_by("country__iso3", "valid_from")]

    def _hotspots(self, reader, as_of, country, mission, **_):
        try:
            found = selectors_alerts.hotspots_as_of(reader, _date("--as-of", as_of), country=country, mission=mission)
        except (LookupError, ValueError) as error:
            raise CommandError(str(error)) from None
        return [selectors_alerts.hotspot_json(h) for h in found if h.is_hotspot]

    def _fusion(self, reader, region, as_of, **_):
        if not selectors_fusion.may_fuse(reader):
            raise CommandError("--user: the regional fusion view is for readers who cover a region "
                               "(a grant over a region, or system-wide)")
        try:
            found = selectors_fusion.region_for(reader, region)
        except selectors_alerts.AnalysisInputError as error:
            raise CommandError(f"--region: {error}") from None
        day = _date("--as-of", as_of)
        if day is not None and not query.in_range(day):
            raise CommandError(f"--as-of: {as_of} is outside {query.EARLIEST} to {query.LATEST}")
        return selectors_fusion.fusion_json(selectors_fusion.fusion_for(reader, found, day))
