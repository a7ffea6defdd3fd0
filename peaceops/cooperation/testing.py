"""Test helpers of peaceops.cooperation, shared with the project-wide security tests."""

import datetime as dt

from peaceops.cooperation.models import Meeting
from peaceops.core.classification import Classification as C


def hidden_records(world) -> dict:
    """One UNAMID record per secured API route of this app, above the MINURCAT user's clearance,
    keyed by route prefix (accounts/tests/test_api_security.py probes each one)."""
    return {
        "meetings": Meeting.objects.create(
            organiser=world.unamid, classification=C.CONFIDENTIAL, title="UNAMID internal", level="operational",
            starts_on=dt.date(2009, 6, 7), ends_on=dt.date(2009, 6, 8)),
    }
