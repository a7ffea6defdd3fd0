"""Test helpers of peaceops.notifications, shared with the project-wide security tests."""

import datetime as dt

from peaceops.core.classification import Classification
from peaceops.notifications.models import InformationRequest, Notification, Release
from peaceops.registry.models import Mission


def hidden_records(world) -> dict:
    """One record per API route of this app that MINURCAT's analyst may not read, keyed by route prefix
    (accounts/tests/test_api_security.py probes each one): all between UNAMID and a third mission."""
    monuc = Mission.objects.create(acronym="MONUC", name="UN Organization Mission in the DR Congo",
                                   kind=Mission.Kind.PEACEKEEPING, start_date=dt.date(1999, 11, 30))
    notification = Notification.objects.create(
        recipient=world.unamid, source_mission=monuc, alert_key="displacement:COD:Haut-Uele::border:SDN",
        kind="displacement", title="Displacement toward the border: Haut-Uele, COD", country="COD",
        admin1="Haut-Uele", since=dt.date(2009, 6, 1), score=4.0, counts={"displacement": 2},
        classification=Classification.CONFIDENTIAL)
    request = InformationRequest.objects.create(
        notification=notification, requesting_mission=world.unamid, owning_mission=monuc,
        alert_key=notification.alert_key, evidence_ids=[], classification=Classification.CONFIDENTIAL)
    release = Release.objects.create(owning_mission=monuc, receiving_mission=world.unamid, request=request,
                                       incident_ids=[], classification=Classification.CONFIDENTIAL)
    return {"notifications": notification, "information-requests": request, "releases": release}
