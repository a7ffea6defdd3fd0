"""Test helpers of peaceops.leadership, shared with the project-wide security tests."""

import datetime as dt

from peaceops.accounts.access import SYSTEM
from peaceops.core.classification import Classification
from peaceops.leadership import services


def hidden_records(world) -> dict:
    """One UNAMID record per secured API route of this app, above the MINURCAT user's clearance,
    keyed by route prefix (accounts/tests/test_api_security.py probes each one)."""
    strategy = services.strategy_adopt(
        SYSTEM,
        world.unamid,
        title="UNAMID hidden strategy",
        adopted_on=dt.date(2010, 1, 1),
        classification=Classification.STRICTLY_CONFIDENTIAL,
    )
    decision = services.decision_log(
        SYSTEM,
        world.unamid,
        decided_on=dt.date(2010, 2, 1),
        decided_by="JSR",
        text="Hidden decision",
        classification=Classification.STRICTLY_CONFIDENTIAL,
    )
    return {"strategies": strategy, "decisions": decision}
