"""The day the application lives on: today, or a scenario's date.

A deployment lives on today's date. A demo or an exercise replays a scenario (the demo: Central Africa
and Sudan, 2008-2010) and must open on the scenario's date, not on today's, or every page that starts
"as of today" (sitreps, calendars, cadences, agreements in force, who holds a post) shows nothing.
``PEACEOPS_TODAY`` (setting or environment, YYYY-MM-DD) fixes the day; every "today" in the code asks
this module.
"""

import datetime as dt
import os

from django.conf import settings
from django.utils import timezone

from peaceops.core.private_files import open_private


def scenario_day() -> dt.date | None:
    """The fixed day of a scenario, or None when the application lives on the real date."""
    value = getattr(settings, "PEACEOPS_TODAY", None) or os.environ.get("PEACEOPS_TODAY", "")
    if not value:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def today() -> dt.date:
    return scenario_day() or timezone.localdate()


# The day of the demo's scenario: the end of the period the seed 000 study describes (MINURCAT at phase
# IV and UNAMID at phase III across the Chad/Sudan border, agreements and cadences in force).
DEMO_DAY = dt.date(2009, 6, 30)


def remember_scenario_day(day: dt.date | None) -> None:
    """Keep ``day`` as the data folder's scenario day (None: forget it), for this process and later ones.

    ``peaceops demo`` calls it, so that ``peaceops serve`` on the same folder opens on the scenario's
    date too. The file is read by settings.py unless the environment names ``PEACEOPS_TODAY``, which
    then wins here as well.
    """
    path = settings.SCENARIO_TODAY_FILE
    if day is None:
        path.unlink(missing_ok=True)
    else:
        with open(open_private(path), "w") as out:
            out.write(day.isoformat() + "\n")
    if "PEACEOPS_TODAY" not in os.environ:
        settings.PEACEOPS_TODAY = day.isoformat() if day else ""
