"""Fixtures of the incident log's tests: the shared ``world`` plus one incident per mission and level.

Import the fixtures into a test module with ``from peaceops.incidents.tests.log_fixtures import *``.
The UNAMID confidential report carries the marker ``UNAMID-SECRET`` so a test can search every
page, export and data file for it: a MINURCAT-only user must never meet it.
"""

import datetime as dt

import pytest

from peaceops.core.classification import Classification
from peaceops.incidents.models import Actor, Incident, IncidentActor, IncidentSource
from peaceops.registry.models import AdminArea
from peaceops.testing import make_user

HIDDEN_MARKER = "UNAMID-SECRET"
DAY = dt.date(2009, 3, 14)


def make_incident(mission, level, *, country, lat, lon, category="armed_clash", description="", day=DAY, **extra):
    return Incident.objects.create(
        owning_mission=mission, classification=level, start_date=day, end_date=day, latitude=lat, longitude=lon,
        country=country, category=category, description=description, **extra,
    )


@pytest.fixture
def log_world(world):
    """``world`` with incidents, an actor, areas by P-code, and a MINURCAT leader and watch officer."""
    batha = AdminArea.objects.create(pcode="TD01", name="Batha", level=1, country=world.chad,
                                       centroid_lat=13.9, centroid_lon=18.4)
    AdminArea.objects.create(pcode="TD0101", name="Batha Est", level=2, country=world.chad, parent=batha,
                               centroid_lat=13.5, centroid_lon=19.1)
    janjaweed = Actor.objects.create(name="Janjaweed", kind=Actor.Kind.MILITIA, aliases=["Janjawid"])
    secret_actor = Actor.objects.create(name="Hidden Brigade", kind=Actor.Kind.ARMED_GROUP)
    incidents = {
        "minurcat_open": make_incident(
            world.minurcat,
            Classification.UNCLASSIFIED,
            country=world.chad,
            lat=13.1,
            lon=20.2,
            description="Clash near Goz Beida",
            admin1="Ouaddai",
        ),
        "minurcat_conf": make_incident(
            world.minurcat,
            Classification.CONFIDENTIAL,
            country=world.chad,
            lat=12.9,
            lon=21.0,
            category="abduction",
            description="Abduction of two drivers",
        ),
        "unamid_open": make_incident(
            world.unamid,
            Classification.UNCLASSIFIED,
            country=world.sudan,
            lat=13.6,
            lon=25.3,
            description="Protest in El Fasher",
            category="protest",
        ),
        "unamid_conf": make_incident(
            world.unamid,
            Classification.CONFIDENTIAL,
            country=world.sudan,
            lat=12.0,
            lon=24.9,
            category="attack_on_civilians",
            admin1="South Darfur",
            description=f"{HIDDEN_MARKER} attack on a village",
            deaths_best=7,
            deaths_low=7,
            deaths_high=9,
            deaths_civilians=7,
        ),
        "unamid_strict": make_incident(
            world.unamid,
            Classification.STRICTLY_CONFIDENTIAL,
            country=world.sudan,
            lat=14.0,
            lon=24.0,
            description=f"{HIDDEN_MARKER} strictly",
        ),
    }
    IncidentActor.objects.create(incident=incidents["minurcat_open"], actor=janjaweed, side="a")
    IncidentActor.objects.create(incident=incidents["unamid_conf"], actor=janjaweed, side="a")
    IncidentActor.objects.create(incident=incidents["unamid_conf"], actor=secret_actor, side="b")
    IncidentSource.objects.create(
        incident=incidents["minurcat_open"], name="UNPOL Abeche", reliability="B", credibility=2
    )
    world.records["incidents"] = incidents
    world.records["actors"] = {"janjaweed": janjaweed, "secret": secret_actor}
    world.users["leader"] = make_user(
        "leader", "leadership", mission=world.minurcat, clearance=Classification.CONFIDENTIAL
    )
    world.users["watch"] = make_user("watch", "officer", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    return world


@pytest.fixture
def client_as(client):
    """``client_as(user)``: the test client logged in as ``user``."""

    def logged_in(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return logged_in
