"""Test helpers of peaceops.analysis, shared with the project-wide security tests."""

import datetime as dt

from peaceops.analysis.models import AlertReview, ArmedGroup, SecurityLevel
from peaceops.core.classification import Classification


def hidden_records(world) -> dict:
    """One UNAMID record per secured API route of this app, above the MINURCAT user's clearance,
    keyed by route prefix (accounts/tests/test_api_security.py probes each one)."""
    hidden = {"owning_mission": world.unamid, "classification": Classification.STRICTLY_CONFIDENTIAL}
    return {
        "analysis/alert-reviews": AlertReview.objects.create(
            alert_key="surge|SDN|North Darfur||", kind="surge", country=world.sudan, admin1="North Darfur",
            score=4.0, since=dt.date(2008, 5, 1), as_of=dt.date(2008, 6, 1), **hidden),
        "analysis/armed-groups": ArmedGroup.objects.create(name="Hidden UNAMID group", aliases=["HUG"], **hidden),
        "analysis/security-levels": SecurityLevel.objects.create(
            system=SecurityLevel.System.UN_PHASE, level=3, country=world.sudan, valid_from=dt.date(2008, 1, 1),
            **hidden),
    }
