"""The cooperation benchmarks count only the records their reader may see: a count of hidden loans tells of them."""

import datetime as dt

import pytest

from peaceops.assets.models import Asset, AssetRequest, Loan
from peaceops.cooperation import selectors
from peaceops.core.classification import Classification

pytestmark = pytest.mark.django_db

QUARTER = (dt.date(2009, 4, 1), dt.date(2009, 6, 30))


def _loan(world, level, day):
    asset = Asset.objects.create(
        owning_mission=world.unamid,
        name=f"Aircraft {day}",
        kind="fixed_wing",
        classification=Classification.UNCLASSIFIED,
        seats=30,
        rate=3000,
        cost_basis="flight_hour",
    )
    request = AssetRequest.objects.create(
        owning_mission=world.minurcat,
        kind="fixed_wing",
        asset=asset,
        status="approved",
        start_date=day,
        end_date=day,
        purpose="Patrol",
        classification=level,
    )
    return Loan.objects.create(
        request=request,
        asset=asset,
        owning_mission=world.unamid,
        borrower=world.minurcat,
        start_date=day,
        end_date=day,
        days=1,
        cost_basis="flight_hour",
        total_cost=3000,
        classification=level,
    )


@pytest.fixture
def loans(world):
    return [
        _loan(world, Classification.UNCLASSIFIED, dt.date(2009, 5, 1)),
        _loan(world, Classification.CONFIDENTIAL, dt.date(2009, 5, 8)),
        _loan(world, Classification.STRICTLY_CONFIDENTIAL, dt.date(2009, 5, 15)),
    ]


def _assets_shared(user, world):
    rows = {row.key: row for row in selectors.benchmarks(user, world.region, *QUARTER)}
    return rows["assets_shared"].value


@pytest.mark.parametrize("user,expected", [("regional", "1"), ("minurcat", "2"), ("unamid", "3"), ("admin", "3")])
def test_assets_shared_counts_the_loans_the_reader_may_read(world, loans, user, expected):
    assert _assets_shared(world.users[user], world) == expected


def test_the_drafted_section_is_classified_as_the_loans_it_counts(world, loans):
    assert (
        selectors.highest_level(world.users["minurcat"], [world.minurcat.id, world.unamid.id], *QUARTER)
        == Classification.CONFIDENTIAL
    )
    assert (
        selectors.highest_level(world.users["regional"], [world.minurcat.id, world.unamid.id], *QUARTER)
        == Classification.UNCLASSIFIED
    )


def test_without_the_asset_pool_installed_the_benchmark_shows_no_figure(world, loans, monkeypatch):
    installed = selectors.django_apps.is_installed
    monkeypatch.setattr(selectors.django_apps, "is_installed", lambda name: name != "peaceops.assets" and installed(name))
    assert _assets_shared(world.users["admin"], world) == "—"
