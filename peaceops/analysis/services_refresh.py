"""The analysis refresh: relink armed groups to actors, notify today's alerts, refresh the stored forecasts.

One service for the ``analysis_refresh`` command and the ``analysis-refresh`` background job that a JMAC
analyst starts from the forecasts page. Its writes are shared by every mission (groups, forecasts), so the
actor needs ``edit_analysis`` system-wide, checked once here before any step; each step's own service
checks it again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from peaceops.accounts.access import require
from peaceops.accounts.roles import Action
from peaceops.analysis import services
from peaceops.analysis.forecasting import HistoryError
from peaceops.analysis.services_forecast import ForecastRefreshError, forecasts_refresh

STEPS = 3  # links, alerts, forecasts: what the job's bar counts


@dataclass(frozen=True)
class RefreshCounts:
    links: int
    notifications: int
    forecasts: int
    forecasts_not_refreshed: str = ""  # why the forecasts step had nothing to start from ("" when it ran)


def analysis_refresh(actor, *, today: dt.date, last_month: int | None = None, draws: int = 1000, seed: int = 0,
                     progress=None) -> RefreshCounts:
    """Run the three steps in order; ``progress(steps_done, STEPS, 0)`` after each.

    When there is no UCDP history to forecast from (an installation that imports no UCDP GED, as the demo), the
    forecasts step stores nothing and says why in ``forecasts_not_refreshed``; the two steps before it stand.
    """
    require(actor, Action.EDIT_ANALYSIS, mission_id=None, what=_("refresh the analysis"))
    report = progress or (lambda done, total, errors: None)
    links = services.armed_groups_link_all(actor)
    report(1, STEPS, 0)
    notifications = services.alerts_notify_as_of(actor, today)
    report(2, STEPS, 0)
    try:
        stored = forecasts_refresh(actor=actor, last_month=last_month, draws=draws, seed=seed, today=today)
    except (ForecastRefreshError, HistoryError) as error:
        report(3, STEPS, 1)
        return RefreshCounts(links, notifications, 0, forecasts_not_refreshed=str(error))
    report(3, STEPS, 0)
    return RefreshCounts(links, notifications, stored)
