"""Test helpers of peaceops.notifications, shared with the project-wide security tests."""

import datetime as dt

from peaceops.core.classification import Classification as C
from peaceops.notifications import models as m
from peaceops.registry.models import Mission


def hidden_records(world) -> dict:
    """One record per API route of this app that MINURCAT's analyst may not read, keyed by route prefix
    (accounts/tests/test_api_security.py probes each one): all between UNAMID and a third mission."""
    monuc = Mission.objects.create(acronym="MONUC", name="UN Organization Mission in the DR Congo",
                                   kind=Mission.Kind.PEACEKEEPING, start_date=dt.date(1999, 11, 30))
    notification = m.Notification.objects.create(
        recipient=world.unamid, source_mission=monuc, alert_key="displacement:COD:Haut-Uele::border:SDN",
        kind="displacement", title="Displacement toward the border: Haut-Uele, COD", country="COD",
        admin1="Haut-Uele", since=dt.date(2009, 6, 1), score=4.0, counts={"displacement": 2},
        classification=C.CONFIDENTIAL)
    request = m.InformationRequest.objects.create(
        notification=notification, requesting_mission=world.unamid, owning_mission=monuc,
        alert_key=notification.alert_key, evidence_ids=[], classification=C.CONFIDENTIAL)
    release = m.Release.objects.create(owning_mission=monuc, receiving_mission=world.unamid, request=request,
                                       incident_ids=[], classification=C.CONFIDENTIAL)
    return {"notifications": notification, "information-requests": request, "releases": release}
