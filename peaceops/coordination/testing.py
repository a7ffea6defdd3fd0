"""Test helpers of peaceops.coordination, shared with the project-wide security tests."""

import datetime as dt

from peaceops.coordination import models as coordination
from peaceops.core.classification import Classification
from peaceops.registry.models import Organisation


def hidden_records(world) -> dict:
    """One UNAMID record per secured API route of this app, above the MINURCAT user's clearance,
    keyed by route prefix (accounts/tests/test_api_security.py probes each one)."""
    ddr = coordination.Sector.objects.create(code="DDR", name_en="DDR", name_fr="DDR", kind="mission")
    ngo = Organisation.objects.create(name="Darfur relief NGO", kind=Organisation.Kind.NGO)
    hidden_in_unamid = {"owning_mission": world.unamid, "classification": Classification.CONFIDENTIAL}
    records = {
        "activities": coordination.Activity.objects.create(
            organisation=ngo, sector=ddr, country=world.sudan, title="UNAMID only", **hidden_in_unamid),
        "programmes": coordination.Programme.objects.create(name="UNAMID DDR", sector=ddr, **hidden_in_unamid),
        "integration-assessments": coordination.IntegrationAssessment.objects.create(
            mission=world.unamid, sector=ddr, model="full", classification=Classification.CONFIDENTIAL),
    }
    records["funding-streams"] = coordination.FundingStream.objects.create(
        kind="assessed", source=ngo, programme=records["programmes"], start_date=dt.date(2009, 7, 1),
        end_date=dt.date(2010, 6, 30), amount=1000000, currency="USD", **hidden_in_unamid)
    records.update(hidden_humanitarian_records(world))
    return records


def hidden_humanitarian_records(world) -> dict:
    """The records of the routes added for needs, mandated tasks and humanitarian space."""
    sector, _ = coordination.Sector.objects.get_or_create(code="HEA",
                                                          defaults={"name_en": "Health", "name_fr": "Santé"})
    hidden_in_unamid = {"owning_mission": world.unamid, "classification": Classification.CONFIDENTIAL}
    where = {"country": world.sudan, "admin1_pcode": "SD01", "sector": sector, "start_date": dt.date(2009, 1, 1)}
    return {
        "needs": coordination.Need.objects.create(people_in_need=1000, **where, **hidden_in_unamid),
        "area-tasks": coordination.MandatedTaskArea.objects.create(task="Protect civilians", **where,
                                                                   **hidden_in_unamid),
        "humanitarian-proposals": coordination.HumanitarianProposal.objects.create(
            kind="qip", title="UNAMID well", **hidden_in_unamid),
        "military-asset-uses": coordination.MilitaryAssetUse.objects.create(
            asset_kind="air_transport", task="UNAMID airlift", start_date=dt.date(2009, 1, 1), **hidden_in_unamid),
    }
