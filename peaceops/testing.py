"""Small worlds for tests: two neighbouring missions, classified records, users of several roles.

Used by every module's tests (see conftest.py), so that permission tests everywhere speak of
the same people: ``minurcat`` (analyst at MINURCAT, cleared to confidential), ``unamid``
(officer at UNAMID, cleared to strictly confidential), ``regional`` (viewer over the region),
``admin`` (system-wide administrator) and ``nobody`` (no grant at all).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from peaceops.accounts.models import Grant
from peaceops.core.classification import Classification
from peaceops.registry.models import Component, Country, Mission, Organisation, Person, Post, Region


@dataclass
class World:
    minurcat: Mission
    unamid: Mission
    region: Region
    chad: Country
    sudan: Country
    users: dict = field(default_factory=dict)
    records: dict = field(default_factory=dict)


def make_user(
    username, role=None, *, mission=None, region=None, clearance=Classification.UNCLASSIFIED, superuser=False
):
    user = get_user_model().objects.create_user(username=username, password=f"{username}-pass-9x!")
    if superuser:
        user.is_superuser = user.is_staff = True
        user.save()
    if role:
        Grant.objects.create(user=user, role=role, mission=mission, region=region, clearance=clearance)
    return user


def make_world() -> World:
    chad = Country.objects.create(iso3="TCD", iso2="TD", numeric="148", name="Chad")
    sudan = Country.objects.create(iso3="SDN", iso2="SD", numeric="729", name="Sudan")
    caf = Country.objects.create(iso3="CAF", iso2="CF", numeric="140", name="Central African Republic")
    dpko = Organisation.objects.create(
        name="Department of Peacekeeping Operations", acronym="DPKO", kind=Organisation.Kind.UN_SECRETARIAT
    )
    region = Region.objects.create(name="Central Africa and Sudan")
    minurcat = Mission.objects.create(
        acronym="MINURCAT",
        name="UN Mission in the CAR and Chad",
        kind=Mission.Kind.PEACEKEEPING,
        start_date=dt.date(2007, 9, 25),
        end_date=dt.date(2010, 12, 31),
        lead_department=dpko,
    )
    unamid = Mission.objects.create(
        acronym="UNAMID",
        name="AU/UN Hybrid Operation in Darfur",
        kind=Mission.Kind.HYBRID,
        start_date=dt.date(2007, 7, 31),
        lead_department=dpko,
    )
    minurcat.host_countries.set([chad, caf])
    unamid.host_countries.set([sudan])
    for mission in (minurcat, unamid):
        mission.regions.add(region)

    world = World(minurcat=minurcat, unamid=unamid, region=region, chad=chad, sudan=sudan)
    for mission in (minurcat, unamid):
        for level in Classification:
            key = f"{mission.acronym.lower()}_{level.name.lower()}"
            component = Component.objects.create(
                mission=mission,
                name=f"Section {level.name.title()}",
                kind=Component.Kind.SUBSTANTIVE,
                classification=level,
            )
            post = Post.objects.create(
                mission=mission, component=component, title=f"Officer {level.name.title()}", classification=level
            )
            person = Person.objects.create(
                name=f"{mission.acronym} person {level.name.lower()}", owning_mission=mission, classification=level
            )
            world.records[key] = {"component": component, "post": post, "person": person}
    world.users = {
        "minurcat": make_user("minurcat", "analyst", mission=minurcat, clearance=Classification.CONFIDENTIAL),
        "unamid": make_user("unamid", "officer", mission=unamid, clearance=Classification.STRICTLY_CONFIDENTIAL),
        "regional": make_user("regional", "viewer", region=region, clearance=Classification.UNCLASSIFIED),
        "admin": make_user("admin", "administrator", clearance=Classification.STRICTLY_CONFIDENTIAL),
        "nobody": make_user("nobody"),
    }
    return world
