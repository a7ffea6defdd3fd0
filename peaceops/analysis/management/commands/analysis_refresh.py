"""``peaceops manage analysis_refresh``: relink armed groups to actors, refresh the stored forecasts.

Imports bring new actor names; every armed group is linked again to the actors known under its
names and aliases (services.armed_groups_link_all); today's alerts are sent to the missions they name. Then the
forecasts (the three steps are peaceops.analysis.services_refresh, which the forecasts page runs as a job):
reads the UCDP state-based events in the database (peaceops.analysis.services_forecast), forecasts
months M+3..M+14 from history up to month M and stores mean, median, p10 and p90 per country-month,
which the dashboards and the threat assessment show.
"""

from django.core.management.base import BaseCommand, CommandError

from peaceops.accounts.access import SYSTEM
from peaceops.analysis import forecasting
from peaceops.analysis.services_forecast import ForecastRefreshError
from peaceops.analysis.services_refresh import analysis_refresh
from peaceops.core import clock
from peaceops.core.terminal_progress import TerminalProgress


class Command(BaseCommand):
    help = "Refresh the stored country-month forecasts from the UCDP state-based events in the database."

    def add_arguments(self, parser):
        parser.add_argument("--last-month", type=int, default=None,
                            help="VIEWS month id of the last history month (default: that of the latest event)")
        parser.add_argument("--draws", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, last_month, draws, seed, **options):
        bar = TerminalProgress(unit="steps")
        try:
            counts = analysis_refresh(SYSTEM, today=clock.today(), last_month=last_month, draws=draws, seed=seed,
                                      progress=bar)
        except (ForecastRefreshError, forecasting.HistoryError, ValueError) as error:
            raise CommandError(str(error)) from None
        finally:
            bar.finish()
        self.stdout.write(f"{counts.links} actor links of armed groups")
        self.stdout.write(f"{counts.notifications} notifications of today's alerts")
        self.stdout.write(f"{counts.forecasts} country-month forecasts stored")
        if counts.forecasts_not_refreshed:  # the nightly run must not pass for one that refreshed the forecasts
            raise CommandError(f"forecasts not refreshed: {counts.forecasts_not_refreshed}")
