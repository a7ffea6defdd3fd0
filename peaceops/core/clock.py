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


def scenario_day() -> dt.date | None:
    """The fixed day of a scenario, or None when the application lives on the real date."""
    value = getattr(settings, "PEACEOPS_TODAY", None) or os.environ.get("PEACEOPS_TODAY", "")
    if not value:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def today() -> dt.date:
    return scenario_day() or timezone.localdate()
