"""Test helpers of peaceops.assets, shared with the project-wide security tests."""

import datetime as dt

from peaceops.assets.models import Asset, AssetRequest, Loan
from peaceops.core.classification import Classification
from peaceops.registry.models import Mission


def hidden_records(world) -> dict:
    """One UNAMID record per secured API route of this app, above the MINURCAT user's clearance,
    keyed by route prefix (accounts/tests/test_api_security.py probes each one)."""
    # A third mission borrows UNAMID's aircraft, so that MINURCAT is neither lender nor borrower.
    unmis = Mission.objects.create(acronym="UNMIS-T", name="UN Mission in the Sudan (test)", kind="peacekeeping",
                                   start_date=dt.date(2005, 3, 24))
    asset = Asset.objects.create(
        owning_mission=world.unamid,
        name="UNAMID classified aircraft",
        kind="fixed_wing",
        classification=Classification.CONFIDENTIAL,
        seats=30,
        rate=3000,
        cost_basis="flight_hour",
    )
    request = AssetRequest.objects.create(
        owning_mission=world.unamid,
        kind="fixed_wing",
        asset=None,
        start_date=dt.date(2009, 6, 1),
        end_date=dt.date(2009, 6, 2),
        purpose="UNAMID only",
        classification=Classification.CONFIDENTIAL,
    )
    lent = AssetRequest.objects.create(
        owning_mission=unmis,
        kind="fixed_wing",
        asset=asset,
        status="approved",
        start_date=dt.date(2009, 7, 1),
        end_date=dt.date(2009, 7, 2),
        purpose="UNMIS flight",
        classification=Classification.CONFIDENTIAL,
    )
    loan = Loan.objects.create(
        request=lent,
        asset=asset,
        owning_mission=world.unamid,
        borrower=unmis,
        start_date=lent.start_date,
        end_date=lent.end_date,
        days=2,
        cost_basis="flight_hour",
        total_cost=6000,
        classification=Classification.CONFIDENTIAL,
    )
    return {"assets": asset, "asset-requests": request, "loans": loan}
