"""The request -> consents -> loan workflow, its refusals and its permissions."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from peaceops.assets import selectors, services
from peaceops.assets.models import Asset, AssetRequest, Consent, CostShare, Loan

pytestmark = pytest.mark.django_db


def _request(pool, **overrides):
    start, end = pool["dates"]
    values = {"user": pool["users"]["minurcat_planner"], "mission": pool["world"].minurcat, "asset": pool["heli"],
              "start_date": start, "end_date": end, "purpose": "Fly BONUCA delegates to Entebbe",
              "destination_country": pool["world"].chad, "seats": 12, "flight_hours": Decimal("6.0")}
    values.update(overrides)
    return services.request_create(**values)


def _consent_all(pool, request):
    users = pool["users"]
    for consent in request.consents.order_by("id"):
        consent.refresh_from_db()
        if consent.decision != Consent.Decision.PENDING:
            continue
        if consent.party in (Consent.Party.OWNING_MISSION, Consent.Party.PAYING_MISSION):
            lead = users["unamid_lead"] if consent.mission_id == pool["world"].unamid.pk else users["minurcat_lead"]
            services.consent_decide(user=lead, consent=consent, given=True)
        elif consent.party == Consent.Party.HEADQUARTERS:
            services.consent_decide(user=users["hq"], consent=consent, given=True)
        else:
            services.consent_decide(
                user=users["minurcat_lead"],
                consent=consent,
                given=True,
                person="Minister of Foreign Affairs (Fictitious)",
                on=dt.date(2009, 12, 1),
            )


def test_request_asks_every_consent_sharing_needs(pool):
    request = _request(pool)
    parties = sorted(
        (c.party, c.country.iso3 if c.country else c.mission.acronym if c.mission else "")
        for c in request.consents.all()
    )
    assert parties == [
        ("contributing_country", "BGD"),
        ("headquarters", ""),
        ("host_government", "SDN"),
        ("host_government", "TCD"),
        ("owning_mission", "UNAMID"),
    ]
    assert request.status == AssetRequest.Status.PENDING


def test_all_consents_make_a_loan_on_both_calendars_with_the_cost_split(pool):
    world = pool["world"]
    request = _request(pool, cost_shares={world.minurcat: 70, world.unamid: 30})
    _consent_all(pool, request)
    request.refresh_from_db()
    assert request.status == AssetRequest.Status.APPROVED
    loan = Loan.objects.get(request=request)
    assert (loan.total_cost, loan.days) == (Decimal("25200.00"), 5)
    start, end = pool["dates"]
    readers = ((pool["users"]["minurcat_lead"], world.minurcat), (pool["users"]["unamid_lead"], world.unamid))
    for user, mission in readers:
        assert list(selectors.mission_calendar(user, mission.id, start, end)) == [loan]
    report = selectors.cost_report(pool["users"]["hq"], [world.minurcat.id, world.unamid.id], 2009)
    assert report["paid"] == {"MINURCAT": Decimal("17640.00"), "UNAMID": Decimal("7560.00")}
    assert selectors.cost_totals([world.minurcat.id], 2009) == report["paid"]
    rows = selectors.loans_between(world.region, dt.date(2009, 1, 1), dt.date(2009, 12, 31))
    assert [(r["lender"], r["borrower"], r["days"]) for r in rows] == [("UNAMID", "MINURCAT", 5)]


def test_a_host_government_refusal_ends_the_request(pool):
    request = _request(pool)
    sudan = request.consents.get(party=Consent.Party.HOST_GOVERNMENT, country=pool["world"].sudan)
    services.consent_decide(
        user=pool["users"]["minurcat_lead"],
        consent=sudan,
        given=False,
        person="Government of Sudan",
        on=dt.date(2009, 12, 2),
        note="seed 000 §II.B.5: the missions should not share assets",
    )
    request.refresh_from_db()
    assert request.status == AssetRequest.Status.REFUSED
    assert not request.consents.filter(decision=Consent.Decision.PENDING).exists()
    owner = request.consents.get(party=Consent.Party.OWNING_MISSION)
    with pytest.raises(ValidationError):
        services.consent_decide(user=pool["users"]["unamid_lead"], consent=owner, given=True)
    assert not Loan.objects.exists()


def test_an_overlapping_request_is_refused_and_nothing_is_stored(pool):
    _consent_all(pool, _request(pool))
    before = (AssetRequest.objects.count(), Consent.objects.count(), CostShare.objects.count())
    with pytest.raises(ValidationError) as error:
        _request(pool, start_date=dt.date(2009, 12, 12), end_date=dt.date(2009, 12, 14))
    assert "booked" in str(error.value) and "start_date" in error.value.message_dict
    assert (AssetRequest.objects.count(), Consent.objects.count(), CostShare.objects.count()) == before


def test_two_pending_requests_for_the_same_days_only_one_becomes_a_loan(pool):
    first, second = _request(pool), _request(pool)
    _consent_all(pool, first)
    with pytest.raises(ValidationError):
        _consent_all(pool, second)
    assert Loan.objects.count() == 1
    assert AssetRequest.objects.get(pk=second.pk).status == AssetRequest.Status.PENDING


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"end_date": dt.date(2009, 12, 1)}, "end_date"),
        ({"seats": 40}, "seats"),
        ({"flight_hours": None}, "flight_hours"),
        ({"cost_shares": {"MINURCAT": 60, "UNAMID": 30}}, "cost_shares"),
        ({"kind": Asset.Kind.FIXED_WING}, "kind"),
    ],
)
def test_bad_requests_name_the_field_and_store_nothing(pool, overrides, field):
    with pytest.raises(ValidationError) as error:
        _request(pool, **overrides)
    assert field in error.value.message_dict
    assert not AssetRequest.objects.exists() and not Consent.objects.exists()


def test_no_cross_border_caveat(pool):
    heli = pool["heli"]
    heli.no_cross_border = True
    heli.save()
    with pytest.raises(ValidationError) as error:
        _request(pool)
    assert "destination_country" in error.value.message_dict


def test_government_consent_needs_person_and_date(pool):
    request = _request(pool)
    chad = request.consents.get(party=Consent.Party.HOST_GOVERNMENT, country=pool["world"].chad)
    with pytest.raises(ValidationError) as error:
        services.consent_decide(user=pool["users"]["minurcat_lead"], consent=chad, given=True)
    assert "given_by_person" in error.value.message_dict
    assert Consent.objects.get(pk=chad.pk).decision == Consent.Decision.PENDING


def test_consents_need_approve_for_the_consenting_party(pool):
    request = _request(pool)
    owner = request.consents.get(party=Consent.Party.OWNING_MISSION)
    hq = request.consents.get(party=Consent.Party.HEADQUARTERS)
    for user in (pool["users"]["minurcat_lead"], pool["users"]["minurcat_planner"], pool["world"].users["unamid"]):
        with pytest.raises(PermissionDenied):
            services.consent_decide(user=user, consent=owner, given=True)
    with pytest.raises(PermissionDenied):
        services.consent_decide(user=pool["users"]["unamid_lead"], consent=hq, given=True)
    assert not Consent.objects.exclude(decision=Consent.Decision.PENDING).exists()


def test_requesting_needs_coordination_rights(pool):
    with pytest.raises(PermissionDenied):
        _request(pool, user=pool["world"].users["minurcat"])  # an analyst


def test_pool_shows_offered_unclassified_assets_of_other_missions_only(pool):
    world = pool["world"]
    hidden = Asset.objects.create(
        owning_mission=world.unamid, name="Classified aircraft", kind="fixed_wing", classification=1
    )
    kept = Asset.objects.create(owning_mission=world.unamid, name="Kept truck", kind="vehicle", offered=False)
    minurcat_sees = set(selectors.assets_for(world.users["minurcat"]))
    assert pool["heli"] in minurcat_sees and hidden not in minurcat_sees and kept not in minurcat_sees
    assert {pool["heli"], hidden, kept} <= set(selectors.assets_for(world.users["unamid"]))
    assert not selectors.assets_for(world.users["nobody"]).exists()


def test_open_request_gets_idle_assets_suggested_then_assigned(pool):
    world = pool["world"]
    start, end = pool["dates"]
    request = services.request_create(
        user=pool["users"]["minurcat_planner"],
        mission=world.minurcat,
        kind=Asset.Kind.ROTARY_WING,
        start_date=start,
        end_date=end,
        purpose="Casualty evacuation cover",
        seats=10,
        flight_hours=Decimal("3"),
    )
    assert request.status == AssetRequest.Status.OPEN and not request.consents.exists()
    found = selectors.suggestions(pool["users"]["minurcat_planner"])
    assert [(s["request"], s["assets"]) for s in found] == [(request, [pool["heli"]])]
    services.asset_assign(user=pool["users"]["minurcat_planner"], request=request, asset=pool["heli"])
    assert AssetRequest.objects.get(pk=request.pk).status == AssetRequest.Status.PENDING


def test_utilisation_counts_lent_and_idle_days(pool):
    _consent_all(pool, _request(pool))
    rows = selectors.utilisation(pool["users"]["unamid_lead"], dt.date(2009, 12, 1), dt.date(2009, 12, 31))
    use = next(r["use"] for r in rows if r["asset"] == pool["heli"])
    assert (use.lent_days, use.idle_days) == (5, 26)


def test_every_mission_that_pays_consents_and_reads_the_request(pool, api_as):
    """A cost share put on a mission it was not asked about is a consent that mission gives or refuses."""
    from peaceops.core.classification import Classification
    from peaceops.testing import make_user

    world, users = pool["world"], pool["users"]
    third = world.region.missions.create(
        acronym="BONUCA",
        name="UN Peacebuilding Office in the CAR",
        kind="political",
        start_date=dt.date(2000, 2, 15),
        lead_department=world.minurcat.lead_department,
    )
    bonuca_lead = make_user("bonuca_lead", "leadership", mission=third, clearance=Classification.CONFIDENTIAL)
    start, end = pool["dates"]
    request = services.request_create(
        user=users["minurcat_planner"],
        mission=world.minurcat,
        asset=pool["heli"],
        start_date=start,
        end_date=end,
        destination_country=world.chad,
        seats=4,
        purpose="Fly delegates",
        flight_hours=Decimal("2"),
        cost_shares={world.minurcat: 60, third: 40},
    )
    paying = request.consents.get(party=Consent.Party.PAYING_MISSION)
    assert paying.mission_id == third.pk and paying.decision == Consent.Decision.PENDING
    assert api_as(bonuca_lead).get(f"/api/v1/asset-requests/{request.pk}/").status_code == 200
    refused = api_as(bonuca_lead).post(
        f"/api/v1/asset-requests/{request.pk}/decide/",
        {"consent": paying.pk, "given": False, "note": "not in our budget"},
        format="json",
    )
    assert refused.status_code == 200, refused.json()
    request.refresh_from_db()
    assert request.status == request.Status.REFUSED
    assert not request.loans.exists() if hasattr(request, "loans") else True
