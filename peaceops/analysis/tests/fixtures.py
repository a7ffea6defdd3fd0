"""A small analysis world: ``world`` plus a surge in Ouaddai (Chad, MINURCAT) and a hidden one in
North Darfur (Sudan, UNAMID, confidential), an actor named under an alias, security phases IV/III.

Import with ``from peaceops.analysis.tests.fixtures import *``.
"""

import datetime as dt

import pytest

from peaceops.analysis.models import ArmedGroup, SecurityLevel
from peaceops.core.classification import Classification
from peaceops.incidents.models import Actor, Incident, IncidentActor

AS_OF = dt.date(2009, 1, 31)


def _incident(mission, level, country, admin1, day, lat, lon, actor=None, deaths=1):
    incident = Incident.objects.create(
        owning_mission=mission, classification=level, start_date=day, end_date=day, reported_on=day,
        latitude=lat, longitude=lon, country=country, admin1=admin1, category="armed_clash", deaths_best=deaths,
        deaths_low=deaths, deaths_high=deaths)
    incident.missions.set([mission])
    if actor:
        IncidentActor.objects.create(incident=incident, actor=actor, side="a")
    return incident


@pytest.fixture
def analysis_world(world):
    janjaweed = Actor.objects.create(name="Janjawid militia", kind=Actor.Kind.MILITIA, aliases=["Janjaweed"])
    incidents = {"chad": [], "sudan": []}
    for month in range(1, 13):  # a quiet year: one incident a month
        day = dt.date(2008, month, 10)
        incidents["chad"].append(
            _incident(world.minurcat, Classification.UNCLASSIFIED, world.chad, "Ouaddai", day, 13.1, 21.0, janjaweed)
        )
        incidents["sudan"].append(
            _incident(
                world.unamid, Classification.CONFIDENTIAL, world.sudan, "North Darfur", day, 14.0, 24.5, janjaweed
            )
        )
    for offset in range(9):  # then a surge in January 2009
        day = dt.date(2009, 1, 3 + 3 * offset)
        incidents["chad"].append(
            _incident(
                world.minurcat, Classification.UNCLASSIFIED, world.chad, "Ouaddai", day, 13.2, 21.1, janjaweed, deaths=3
            )
        )
        incidents["sudan"].append(
            _incident(
                world.unamid,
                Classification.CONFIDENTIAL,
                world.sudan,
                "North Darfur",
                day,
                14.1,
                24.4,
                janjaweed,
                deaths=3,
            )
        )
    group = ArmedGroup.objects.create(name="Janjaweed", aliases=["Janjawid militia"], source="seed 000 §III.C.1")
    group.actors.set([janjaweed])
    # seed 000 §III.C.2: phase IV on the Chad side (MINURCAT), phase III on the Sudan side (UNAMID)
    levels = {
        "chad": SecurityLevel.objects.create(
            system="phase",
            level=4,
            country=world.chad,
            valid_from=dt.date(2008, 1, 1),
            owning_mission=world.minurcat,
            source="seed 000 §III.C.2",
        ),
        "sudan": SecurityLevel.objects.create(
            system="phase",
            level=3,
            country=world.sudan,
            valid_from=dt.date(2008, 1, 1),
            owning_mission=world.unamid,
            source="seed 000 §III.C.2",
        ),
    }
    return {"world": world, "incidents": incidents, "group": group, "actor": janjaweed, "levels": levels}
