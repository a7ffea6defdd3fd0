"""``peaceops manage analysis_refresh``: relink armed groups to actors, refresh the stored forecasts.

Imports bring new actor names; every armed group is linked again to the actors known under its
names and aliases (services.armed_groups_link_all). Then the forecasts:
reads the UCDP state-based events in the database (peaceops.analysis.services_forecast), forecasts
months M+3..M+14 from history up to month M and stores mean, median, p10 and p90 per country-month,
which the dashboards and the threat assessment show.
"""

from django.core.management.base import BaseCommand, CommandError

from peaceops.accounts.access import SYSTEM
from peaceops.analysis import forecasting, services
from peaceops.analysis.services_forecast import ForecastRefreshError, forecasts_refresh


class Command(BaseCommand):
    help = "Refresh the stored country-month forecasts from the UCDP state-based events in the database."

    def add_arguments(self, parser):
        parser.add_argument("--last-month", type=int, default=None,
                            help="VIEWS month id of the last history month (default: that of the latest event)")
        parser.add_argument("--draws", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, last_month, draws, seed, **options):
        self.stdout.write(f"{services.armed_groups_link_all(SYSTEM)} actor links of armed groups")
        from peaceops.core import clock

        self.stdout.write(f"{services.alerts_notify_as_of(SYSTEM, clock.today())} notifications of today's alerts")
        try:
            stored = forecasts_refresh(actor=SYSTEM, last_month=last_month, draws=draws, seed=seed)
        except (ForecastRefreshError, forecasting.HistoryError, ValueError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{stored} country-month forecasts stored")
