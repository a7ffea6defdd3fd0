import datetime as dt

import pytest

from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident
from peaceops.testing import make_user


@pytest.fixture
def reporting(world):
    """The shared world, incidents on both sides of the border, and the authors and approvers of reports."""
    def incident(mission, country, day, category, deaths, level=Classification.UNCLASSIFIED, admin1="Ouaddaï"):
        record = Incident.objects.create(owning_mission=mission, classification=level, country=country,
                                         start_date=day, end_date=day, category=category, admin1=admin1,
                                         deaths_best=deaths, status="verified")
        record.missions.set([mission])
        return record

    world.incidents = [
        incident(world.minurcat, world.chad, dt.date(2010, 1, 10), "armed_clash", 4),
        incident(world.minurcat, world.chad, dt.date(2010, 2, 3), "banditry", 0),
        incident(world.minurcat, world.chad, dt.date(2009, 12, 1), "armed_clash", 1),  # the period before
        incident(world.unamid, world.sudan, dt.date(2010, 2, 20), "attack_on_civilians", 7, admin1="West Darfur"),
        incident(
            world.unamid,
            world.sudan,
            dt.date(2010, 3, 1),
            "armed_clash",
            9,
            level=Classification.STRICTLY_CONFIDENTIAL,
            admin1="West Darfur",
        ),
    ]
    world.users["planner"] = make_user(
        "planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL
    )
    world.users["leader"] = make_user(
        "leader", "leadership", mission=world.minurcat, clearance=Classification.CONFIDENTIAL
    )
    world.users["jmac_unamid"] = make_user(
        "jmac_unamid", "analyst", mission=world.unamid, clearance=Classification.STRICTLY_CONFIDENTIAL
    )
    return world


Q1_2010 = {"start": dt.date(2010, 1, 1), "end": dt.date(2010, 3, 31)}
