"""Fixtures of the shell's tests: the shared ``world`` with a leadership, a resolution and HQ positions."""

import datetime as dt

import pytest

from peaceops.core.classification import Classification
from peaceops.registry.models import AdminArea, Assignment, Hat, MissionResolution, Person, Post, Resolution

PASSWORD = "{}-pass-9x!"  # peaceops.testing.make_user's password pattern

# A rough square around Chad, enough for Leaflet to draw a country shape.
CHAD_SHAPE = {"type": "Polygon", "coordinates": [[[13.5, 7.5], [24.0, 7.5], [24.0, 23.4], [13.5, 23.4], [13.5, 7.5]]]}


@pytest.fixture
def shell_world(world):
    """``world`` plus what the dashboard and the map show (seed 003 §2.5: a DSRSG/RC/HC with three hats)."""
    world.minurcat.hq_lat, world.minurcat.hq_lon, world.minurcat.headquarters = 12.1348, 15.0557, "N'Djamena"
    world.minurcat.save()
    world.unamid.hq_lat, world.unamid.hq_lon, world.unamid.headquarters = 13.6279, 25.3494, "El Fasher"
    world.unamid.save()
    world.chad.geometry = CHAD_SHAPE
    world.chad.save()
    AdminArea.objects.create(pcode="TD01", name="Batha", level=1, country=world.chad,
                               centroid_lat=13.9, centroid_lon=18.4)
    AdminArea.objects.create(pcode="SD01", name="North Darfur", level=1, country=world.sudan,
                               centroid_lat=15.7, centroid_lon=24.9)

    resolution = Resolution.objects.create(number=1778, adopted_on=dt.date(2007, 9, 25))
    MissionResolution.objects.create(mission=world.minurcat, resolution=resolution,
                                       action=MissionResolution.Action.ESTABLISHES)
    srsg = Post.objects.create(mission=world.minurcat, title="Special Representative",
                                 function=Post.Function.SRSG)
    dsrsg = Post.objects.create(mission=world.minurcat, title="Deputy Special Representative",
                                  function=Post.Function.DSRSG)
    for role in (Hat.Role.DSRSG, Hat.Role.RESIDENT_COORDINATOR, Hat.Role.HUMANITARIAN_COORDINATOR):
        Hat.objects.create(post=dsrsg, role=role)
    Hat.objects.create(
        post=srsg, role=Hat.Role.DESIGNATED_OFFICIAL, classification=Classification.STRICTLY_CONFIDENTIAL
    )
    holder = Person.objects.create(name="Victor da Silva Angelo", owning_mission=world.minurcat)
    Assignment.objects.create(person=holder, post=srsg, start_date=dt.date(2008, 1, 1))
    secret_holder = Person.objects.create(
        name="Hidden Deputy", owning_mission=world.minurcat, classification=Classification.STRICTLY_CONFIDENTIAL
    )
    Assignment.objects.create(person=secret_holder, post=dsrsg)
    unamid_jsr = Post.objects.create(
        mission=world.unamid, title="Joint Special Representative", function=Post.Function.JSR
    )
    world.records["leadership"] = {"srsg": srsg, "dsrsg": dsrsg, "unamid_jsr": unamid_jsr}
    return world


@pytest.fixture
def client_as(client):
    """``client_as(user)``: the test client logged in as ``user`` (force_login: axes needs a request to log in)."""

    def logged_in(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return logged_in
