"""The demo's asset pool: MINURCAT flies BONUCA to Entebbe, Entebbe services, Sudan refuses; idempotent."""

import datetime as dt
from decimal import Decimal

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.assets import selectors
from peaceops.assets.models import Asset, AssetRequest, Consent, Loan
from peaceops.demo import part_assets
from peaceops.demo.loader import counts, load_demo

pytestmark = pytest.mark.django_db


def test_assets_demo_loads_once_and_tells_the_seed_story():
    load_demo()
    first = counts()
    histories = [model.history.count() for model in (Asset, AssetRequest, Loan, Consent)]
    load_demo()
    assert counts() == first
    assert [model.history.count() for model in (Asset, AssetRequest, Loan, Consent)] == histories
    loans = selectors.loans_between("Central Africa and Sudan", dt.date(2009, 1, 1), dt.date(2009, 12, 31))
    assert {(row["lender"], row["borrower"]) for row in loans} == {("MINURCAT", "BONUCA")}
    assert Asset.objects.filter(name__startswith="Entebbe Support Base", location="Entebbe").count() == \
        len(part_assets.ENTEBBE_SERVICES)
    refused = AssetRequest.objects.get(status="refused")
    assert refused.consents.get(decision="refused").country.iso3 == "SDN"
    report = selectors.cost_report(SYSTEM, list(refused.owning_mission.regions.get().missions.values_list(
        "id", flat=True)), 2009)
    assert report["total"] == sum(loan.total_cost for loan in Loan.objects.all()) > Decimal(0)
    assert all(a.source.startswith("seed 000") for a in Asset.objects.all())


def test_sg_report_section_tells_of_the_loans_and_the_refusal():
    from peaceops.assets import report_sections
    from peaceops.registry.models import Region
    from peaceops.reports.drafting import SG_REPORT, THREAT_ASSESSMENT, DraftRequest

    load_demo()
    ids = tuple(Region.objects.get(name="Central Africa and Sudan").missions.values_list("id", flat=True))
    draft = DraftRequest(kind=SG_REPORT, mission_ids=ids, start=dt.date(2009, 1, 1), end=dt.date(2009, 12, 31),
                         user=SYSTEM)
    [section] = report_sections.sections(draft)
    assert "lent each other assets 2 times" in section.body and "refused by Sudan" in section.body
    assert len(section.tables[0].rows) == 2
    assert report_sections.sections(DraftRequest(kind=THREAT_ASSESSMENT, mission_ids=ids, start=draft.start,
                                                 end=draft.end, user=SYSTEM)) == []
