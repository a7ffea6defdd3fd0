"""A small pool: a UNAMID helicopter offered to the pool, the users who request and consent."""

import datetime as dt
from decimal import Decimal

import pytest

from peaceops.core.classification import Classification


@pytest.fixture
def pool(world):
    from peaceops.assets.models import Asset
    from peaceops.registry.models import Country
    from peaceops.testing import make_user

    bangladesh = Country.objects.create(iso3="BGD", iso2="BD", numeric="050", name="Bangladesh")
    heli = Asset.objects.create(
        owning_mission=world.unamid, name="Mi-8 helicopter UNAMID-01", kind=Asset.Kind.ROTARY_WING,
        contributing_country=bangladesh, seats=20, tonnes=Decimal("3.00"), cost_basis=Asset.CostBasis.FLIGHT_HOUR,
        rate=Decimal("4200.00"), location="El Fasher", location_country=world.sudan, offered=True)
    users = {
        "minurcat_planner": make_user(
            "minurcat_planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL
        ),
        "minurcat_lead": make_user(
            "minurcat_lead", "leadership", mission=world.minurcat, clearance=Classification.CONFIDENTIAL
        ),
        "unamid_lead": make_user(
            "unamid_lead", "leadership", mission=world.unamid, clearance=Classification.CONFIDENTIAL
        ),
        "hq": make_user("hq", "leadership", clearance=Classification.CONFIDENTIAL),
    }
    return {
        "world": world,
        "heli": heli,
        "bangladesh": bangladesh,
        "users": users,
        "dates": (dt.date(2009, 12, 8), dt.date(2009, 12, 12)),
    }
