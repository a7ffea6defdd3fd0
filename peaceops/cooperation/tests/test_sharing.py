"""Information-sharing agreements open the sharer's records through accounts.access.visible, and close them again."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from peaceops.accounts.access import can_read_record, visible
from peaceops.cooperation import services
from peaceops.cooperation.models import Contract, ContractorWarning, SharingAgreement
from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident
from peaceops.registry.models import Mission, Organisation, Region
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


def incident(mission, category, level, place):
    """A verified incident: agreements without include_drafts share only verified or published ones."""
    return Incident.objects.create(owning_mission=mission, classification=level, category=category, status="verified",
                                   start_date=dt.date(2009, 6, 1), end_date=dt.date(2009, 6, 1), location=place)


@pytest.fixture
def unamid_incidents(world):
    return {
        "clash": incident(world.unamid, "armed_clash", Classification.CONFIDENTIAL, "El Geneina"),
        "clash_sc": incident(world.unamid, "armed_clash", Classification.STRICTLY_CONFIDENTIAL, "Tine"),
        "other": incident(world.unamid, "banditry", Classification.CONFIDENTIAL, "Nyala"),
    }


@pytest.fixture
def unamid_chief(world):
    return make_user("unamid_chief", "leadership", mission=world.unamid, clearance=Classification.CONFIDENTIAL)


def places(user):
    """What the user reads of Incident, fresh each time (the access cache lives on the user object)."""
    user.__dict__.pop("_peaceops_access", None)
    return set(visible(Incident.objects.all(), user).values_list("location", flat=True))


def test_an_agreement_opens_the_agreed_categories_up_to_the_agreed_level_and_withdrawal_closes_them(
        world, unamid_incidents, unamid_chief):
    reader = world.users["minurcat"]  # MINURCAT analyst, confidential
    assert places(reader) == set()
    agreement = services.agreement_sign(
        unamid_chief, sharer=world.unamid, receiver=world.minurcat, subject="incidents", categories=["armed_clash"],
        up_to=Classification.CONFIDENTIAL, starts_on=dt.date(2009, 1, 1), source="seed 000 §III.C.1")
    assert places(reader) == {"El Geneina"}  # not banditry, not strictly confidential
    assert can_read_record(reader, unamid_incidents["clash"])
    assert not can_read_record(reader, unamid_incidents["other"])
    assert places(world.users["regional"]) == set()  # a region viewer is cleared for unclassified only
    services.agreement_withdraw(unamid_chief, agreement, "Ended by the SRSG")
    assert places(reader) == set()
    kinds = list(agreement.history.order_by("history_date").values_list("history_type", "withdrawn_reason"))
    assert kinds == [("+", ""), ("~", "Ended by the SRSG")]


def test_the_reader_clearance_caps_what_an_agreement_opens(world, unamid_incidents):
    admin = world.users["admin"]
    SharingAgreement.objects.create(sharer=world.unamid, receiver=world.minurcat, subject="incidents",
                                    up_to=Classification.STRICTLY_CONFIDENTIAL, starts_on=dt.date(2009, 1, 1))
    assert places(world.users["minurcat"]) == {"El Geneina", "Nyala"}  # confidential at MINURCAT: not Tine
    assert len(places(admin)) == 3


def test_agreements_not_in_force_open_nothing(world, unamid_incidents):
    common = {
        "sharer": world.unamid,
        "receiver": world.minurcat,
        "subject": "incidents",
        "up_to": Classification.CONFIDENTIAL,
    }
    SharingAgreement.objects.create(**common, starts_on=dt.date(2099, 1, 1))
    SharingAgreement.objects.create(**common, starts_on=dt.date(2008, 1, 1), ends_on=dt.date(2008, 12, 31))
    SharingAgreement.objects.create(**{**common, "subject": "analyses"}, starts_on=dt.date(2008, 1, 1))
    assert places(world.users["minurcat"]) == set()


def test_sharing_above_the_signers_own_clearance_is_refused_and_nothing_stored(world, unamid_chief):
    with pytest.raises(ValidationError) as error:
        services.agreement_sign(
            unamid_chief,
            sharer=world.unamid,
            receiver=world.minurcat,
            subject="incidents",
            up_to=Classification.STRICTLY_CONFIDENTIAL,
            starts_on=dt.date(2009, 1, 1),
        )
    assert "up_to" in error.value.message_dict
    with pytest.raises(PermissionDenied):  # an analyst is not the sharing mission's leadership
        services.agreement_sign(
            world.users["unamid"],
            sharer=world.unamid,
            receiver=world.minurcat,
            subject="incidents",
            up_to=Classification.UNCLASSIFIED,
            starts_on=dt.date(2009, 1, 1),
        )
    with pytest.raises(ValidationError) as error:
        services.agreement_sign(
            unamid_chief,
            sharer=world.unamid,
            receiver=world.unamid,
            subject="incidents",
            up_to=Classification.UNCLASSIFIED,
            starts_on=dt.date(2009, 1, 1),
        )
    assert "receiver" in error.value.message_dict
    assert not SharingAgreement.objects.exists()


def test_a_failing_evaluation_warns_the_neighbours_only(world):
    chief = make_user("unamid_planner", "planner", mission=world.unamid, clearance=Classification.CONFIDENTIAL)
    firm = Organisation.objects.create(name="Fictitious Fuel Co", kind=Organisation.Kind.OTHER)
    contract = Contract.objects.create(
        contractor=firm,
        mission=world.unamid,
        service="Fuel supply",
        starts_on=dt.date(2008, 1, 1),
        classification=Classification.CONFIDENTIAL,
    )
    services.contract_evaluate(
        chief, contract, score=1, evaluated_on=dt.date(2009, 3, 1), evaluator="CMS", notes="Deliveries failed in Darfur"
    )
    far = Mission.objects.create(
        acronym="UNMIL", name="UN Mission in Liberia", kind="peacekeeping", start_date=dt.date(2003, 9, 19)
    )
    far.regions.add(Region.objects.create(name="West Africa"))
    liberia = make_user("unmil", "analyst", mission=far, clearance=Classification.STRICTLY_CONFIDENTIAL)
    warnings = ContractorWarning.objects.all()
    assert visible(warnings, world.users["minurcat"]).count() == 1  # neighbour in the same region
    assert visible(Contract.objects.all(), world.users["minurcat"]).count() == 0  # the contract stays UNAMID's
    assert visible(warnings, liberia).count() == 0
    assert visible(warnings, world.users["regional"]).count() == 0  # unclassified only
    with pytest.raises(PermissionDenied):
        services.contract_evaluate(
            world.users["minurcat"], contract, score=5, evaluated_on=dt.date(2009, 4, 1), evaluator="MINURCAT"
        )


def test_threat_assessments_share_approved_assessments_only_not_drafts_or_sg_reports(world):
    from peaceops.reports.models import Report

    def report(kind, status, title):
        return Report.objects.create(
            owning_mission=world.unamid,
            classification=Classification.CONFIDENTIAL,
            kind=kind,
            status=status,
            title=title,
            period_start=dt.date(2009, 4, 1),
            period_end=dt.date(2009, 6, 30),
        )

    approved = report("threat_assessment", "approved", "Q2 2009 assessment")
    report("threat_assessment", "draft", "Q3 draft")
    report("sg_report", "approved", "SG report")
    reader = world.users["minurcat"]

    def titles():
        reader.__dict__.pop("_peaceops_access", None)
        return set(visible(Report.objects.all(), reader).values_list("title", flat=True))

    assert titles() == set()
    SharingAgreement.objects.create(
        sharer=world.unamid,
        receiver=world.minurcat,
        subject="threat_assessments",
        up_to=Classification.CONFIDENTIAL,
        starts_on=dt.date(2009, 1, 1),
    )
    assert titles() == {"Q2 2009 assessment"}
    assert can_read_record(reader, approved)
