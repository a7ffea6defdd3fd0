"""Test helpers of peaceops.cooperation, shared with the project-wide security tests."""

import datetime as dt

from peaceops.cooperation import models
from peaceops.core.classification import Classification
from peaceops.registry.models import Organisation


def hidden_records(world) -> dict:
    """One UNAMID record per secured API route of this app, above the MINURCAT user's clearance,
    keyed by route prefix (accounts/tests/test_api_security.py probes each one).

    Contractor warnings are read by neighbouring missions up to their own clearance, so the hidden
    one is strictly confidential (MINURCAT's analyst is cleared to confidential)."""
    meeting = models.Meeting.objects.create(
        organiser=world.unamid,
        classification=Classification.CONFIDENTIAL,
        title="UNAMID internal",
        level="operational",
        starts_on=dt.date(2009, 6, 7),
        ends_on=dt.date(2009, 6, 8),
    )
    secret = Classification.CONFIDENTIAL
    contractor = Organisation.objects.create(name="Hidden Logistics Ltd", kind=Organisation.Kind.OTHER)
    contract = models.Contract.objects.create(
        contractor=contractor,
        mission=world.unamid,
        service="Fuel",
        starts_on=dt.date(2009, 1, 1),
        classification=secret,
    )
    return {
        "meetings": meeting,
        "meeting-attendance": models.Attendance.objects.create(
            meeting=meeting, mission=world.unamid, role="Force Commander", classification=secret
        ),
        "meeting-decisions": models.MeetingDecision.objects.create(
            meeting=meeting, text="Hidden decision", classification=secret
        ),
        "meeting-actions": models.ActionItem.objects.create(
            meeting=meeting,
            text="Hidden action",
            owner_mission=world.unamid,
            due_on=dt.date(2009, 7, 1),
            classification=secret,
        ),
        "sharing-agreements": models.SharingAgreement.objects.create(
            sharer=world.unamid,
            receiver=world.minurcat,
            subject="analyses",
            starts_on=dt.date(2009, 1, 1),
            classification=secret,
        ),
        "focal-points": models.FocalPoint.objects.create(
            mission=world.unamid, subject="incidents", role="JMAC chief", classification=secret
        ),
        "contracts": contract,
        "contract-evaluations": models.ContractEvaluation.objects.create(
            contract=contract, score=2, evaluated_on=dt.date(2009, 6, 1), evaluator="CMS", classification=secret
        ),
        "contractor-warnings": models.ContractorWarning.objects.create(
            contractor=contractor,
            issued_by=world.unamid,
            issued_on=dt.date(2009, 6, 1),
            text="Hidden warning",
            classification=Classification.STRICTLY_CONFIDENTIAL,
        ),
    }
