"""A displacement alert on MINURCAT's incidents in Sila (Chad) that names UNAMID to notify (seed 000 §III.C.1)."""

import datetime as dt
from dataclasses import dataclass

import pytest

from peaceops.analysis.early_warning import DISPLACEMENT, Alert
from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident
from peaceops.registry.models import Mission
from peaceops.testing import make_user

SECRET_PLACE = "Camp-CANARY-PLACE-7731"
SECRET_TEXT = "CANARY-DESCRIPTION-5519 families crossing at dawn"


@dataclass
class Scene:
    world: object
    incidents: list
    other: Incident
    alert: Alert
    users: dict


@pytest.fixture
def scene(world):
    monuc = Mission.objects.create(acronym="MONUC", name="UN Organization Mission in the DR Congo",
                                     kind=Mission.Kind.PEACEKEEPING, start_date=dt.date(1999, 11, 30))
    incidents = [
        Incident.objects.create(
            owning_mission=world.minurcat,
            classification=Classification.CONFIDENTIAL,
            category="displacement",
            status="verified",
            start_date=dt.date(2009, 6, 20 + i),
            end_date=dt.date(2009, 6, 20 + i),
            location=f"{SECRET_PLACE}-{i}",
            description=SECRET_TEXT,
            admin1="Sila",
        )
        for i in range(3)
    ]
    incidents.append(
        Incident.objects.create(
            owning_mission=world.minurcat,
            classification=Classification.CONFIDENTIAL,
            category="attack_on_civilians",
            status="verified",
            start_date=dt.date(2009, 6, 25),
            end_date=dt.date(2009, 6, 25),
            location=SECRET_PLACE,
            description=SECRET_TEXT,
            admin1="Sila",
        )
    )
    other = Incident.objects.create(
        owning_mission=world.unamid,
        classification=Classification.UNCLASSIFIED,
        category="banditry",
        status="verified",
        start_date=dt.date(2009, 6, 1),
        end_date=dt.date(2009, 6, 1),
        location="Nyala",
    )
    alert = Alert(
        kind=DISPLACEMENT,
        country="TCD",
        admin1="Sila",
        admin2="",
        score=6.5,
        since=dt.date(2009, 6, 20),
        evidence_ids=tuple(i.pk for i in incidents),
        mission_ids=(world.minurcat.pk,),
        notified_mission_ids=(world.unamid.pk,),
        key="displacement:TCD:Sila::border:SDN",
    )
    users = {
        "jmac_unamid": make_user("jmac_unamid", "analyst", mission=world.unamid, clearance=Classification.CONFIDENTIAL),
        "viewer_unamid": make_user(
            "viewer_unamid", "viewer", mission=world.unamid, clearance=Classification.CONFIDENTIAL
        ),
        "jmac_minurcat": world.users["minurcat"],
        "viewer_minurcat": make_user(
            "viewer_minurcat", "viewer", mission=world.minurcat, clearance=Classification.CONFIDENTIAL
        ),
        "jmac_monuc": make_user("jmac_monuc", "analyst", mission=monuc, clearance=Classification.STRICTLY_CONFIDENTIAL),
    }
    users["jmac_unamid"].email = "jmac@unamid.example"
    users["jmac_unamid"].save()
    return Scene(world, incidents, other, alert, users)


def fresh(user):
    """The user with its per-request access cache dropped (a new request)."""
    user.__dict__.pop("_peaceops_access", None)
    return user
