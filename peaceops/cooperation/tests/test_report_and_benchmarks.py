"""Cooperation benchmarks, pure and measured; the SG report section reads only what the drafter may read."""

import datetime as dt

import pytest

from peaceops.cooperation import indicators, models, report_sections
from peaceops.cooperation.cadence import Cadence, OpenAction
from peaceops.core.classification import Classification
from peaceops.reports.drafting import SG_REPORT, THREAT_ASSESSMENT, DraftRequest

D = dt.date


def test_measure_counts_joint_meetings_issues_decisions_and_cadence():
    facts = indicators.RegionFacts(
        region="Central Africa and Sudan", start=D(2009, 6, 1), end=D(2011, 5, 31),
        meetings=(indicators.HeldMeeting(D(2009, 6, 7), "strategic", frozenset({"MINURCAT", "UNAMID"}),
                                         ("Security", "LRA"), 1),
                  indicators.HeldMeeting(D(2009, 12, 10), "strategic", frozenset({"MINURCAT", "UNAMID", "UNMIS"}),
                                         ("Security",), 0),
                  indicators.HeldMeeting(D(2010, 1, 5), "operational", frozenset({"UNAMID"}), ("Alone",), 3)),
        cadences=(Cadence("strategic", 4, D(2009, 6, 8)),),
        actions=(OpenAction(1, D(2009, 8, 1), D(2009, 7, 1)), OpenAction(2, D(2009, 8, 1), None)),
        agreements=(("UNAMID", "MINURCAT", "incidents"), ("MINURCAT", "UNAMID", "threat_assessments")),
    )
    rows = {row.key: row for row in indicators.measure(facts)}
    assert rows["joint_activities"].numbers == (2,)
    assert rows["shared_issues"].numbers == (2,)  # "Alone" was not a joint meeting
    assert rows["coherent_approaches"].numbers == (1,)
    assert rows["meetings_held"].numbers == (2, 5)  # seed 000 §III.B: two held of the three-a-year cadence
    assert rows["actions_closed"].numbers == (1, 2)
    assert rows["threat_assessments"].detail == "MINURCAT → UNAMID"
    assert rows["assets_shared"].value == "—"


@pytest.mark.django_db
def test_sg_report_section_reads_through_the_drafters_clearance(world):
    models.MeetingCadence.objects.create(region=world.region, level="strategic", every_months=6, since=D(2009, 1, 1))
    shared = models.Meeting.objects.create(title="Open", level="strategic", starts_on=D(2009, 6, 7),
                                           ends_on=D(2009, 6, 8), subjects=["Security"])
    shared.attending_missions.set([world.minurcat, world.unamid])
    hidden = models.Meeting.objects.create(title="Hidden", level="strategic", organiser=world.unamid,
                                           classification=Classification.CONFIDENTIAL, starts_on=D(2009, 9, 1),
                                           ends_on=D(2009, 9, 1), subjects=["Zzsecret subject"])
    hidden.attending_missions.set([world.minurcat, world.unamid])
    ids = (world.minurcat.id, world.unamid.id)
    request = DraftRequest(kind=SG_REPORT, mission_ids=ids, start=D(2009, 1, 1), end=D(2009, 12, 31),
                           user=world.users["minurcat"], region_id=world.region.id)
    [section] = report_sections.sections(request)
    assert section.key == "cooperation.inter_mission" and section.classification == 0
    assert "1 joint meeting" in section.body and "Zzsecret" not in str(section.tables)
    cleared = report_sections.sections(DraftRequest(kind=SG_REPORT, mission_ids=ids, start=D(2009, 1, 1),
                                                    end=D(2009, 12, 31), user=world.users["unamid"]))
    assert "2 joint meeting" in cleared[0].body and cleared[0].classification == Classification.CONFIDENTIAL
    assert report_sections.sections(DraftRequest(kind=THREAT_ASSESSMENT, mission_ids=ids, start=D(2009, 1, 1),
                                                 end=D(2009, 12, 31), user=world.users["unamid"])) == []


@pytest.mark.django_db
def test_assets_shared_counts_loans_between_the_regions_missions_from_the_asset_pool(world):
    from decimal import Decimal

    from peaceops.assets.models import Asset, AssetRequest, Loan
    from peaceops.cooperation import selectors

    helicopter = Asset.objects.create(owning_mission=world.minurcat, name="Mi-8", kind="rotary_wing", seats=20,
                                      cost_basis="flight_hour", rate=Decimal("4200"), offered=True)
    request = AssetRequest.objects.create(owning_mission=world.unamid, asset=helicopter, kind="rotary_wing",
                                          start_date=D(2009, 7, 1), end_date=D(2009, 7, 3), purpose="Medevac",
                                          status="approved")
    Loan.objects.create(request=request, asset=helicopter, owning_mission=world.minurcat, borrower=world.unamid,
                        start_date=D(2009, 7, 1), end_date=D(2009, 7, 3), days=3, cost_basis="flight_hour",
                        total_cost=Decimal("12600"))
    rows = {row.key: row for row in selectors.benchmarks(world.users["admin"], world.region, D(2009, 1, 1),
                                                         D(2009, 12, 31))}
    assert rows["assets_shared"].value == "1"
    rows = {row.key: row for row in selectors.benchmarks(world.users["admin"], world.region, D(2010, 1, 1),
                                                         D(2010, 12, 31))}
    assert rows["assets_shared"].value == "0"
