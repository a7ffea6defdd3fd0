"""Registry pages through Django's test client: they work for permitted users and leak nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from peaceops.registry.models import AdminArea, MissionResolution, Resolution
from peaceops.registry.tests.test_selectors import build_structure

pytestmark = pytest.mark.django_db

UNAMID_SECRETS = ("UNAMID person confidential", "UNAMID person strictly_confidential", "Zeta Hidden-Name",
                  "Covert Liaison Officer")


@pytest.fixture
def structure(world):
    parts = build_structure(world)
    resolution = Resolution.objects.create(number=1778, adopted_on=dt.date(2007, 9, 25), title="Chad and CAR")
    MissionResolution.objects.create(mission=world.minurcat, resolution=resolution, action="establishes")
    AdminArea.objects.create(pcode="TD22", name="N'Djamena", level=1, country=world.chad)
    return parts


def client_for(client, user):
    client.force_login(user)
    return client


def page(client, name, *args, **query):
    response = client.get(reverse(name, args=args), query)
    assert response.status_code == 200, (name, args, response.status_code)
    return response.content.decode()


def test_pages_require_login(client, world):
    response = client.get(reverse("registry:mission-list"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_mission_list_and_structure_page(client, world, structure):
    client_for(client, world.users["admin"])
    listing = page(client, "registry:mission-list")
    assert "MINURCAT" in listing and "UNAMID" in listing and "Chad" in listing and "2010-12-31" in listing
    detail = page(client, "registry:mission-detail", world.minurcat.id)
    for expected in ("Special Representative", "DSRSG/RC/HC", "Chief JMAC", "Victor da Silva Angelo",
                     "Resident Coordinator", "S/RES/1778", "2007-09-25", "Dotted", "Budget", "UNDP",
                     "OCHA office inside the mission structure", "seed 003 §2.4.3", "rec. 3.4.9",
                     'class="organigram"'):
        assert expected in detail, expected
    assert "Former Head" not in detail  # no longer holds the post


def test_lists_and_place_drill_down(client, world, structure):
    client_for(client, world.users["minurcat"])
    assert "Office for the Coordination of Humanitarian Affairs" in page(client, "registry:organisation-list")
    places = page(client, "registry:place-list", q="TD2")
    assert "N&#x27;Djamena" in places and "Chad" in places
    assert "TD22" in page(client, "registry:country-detail", "TCD")
    assert "Admin level 1" in page(client, "registry:area-detail", "TD22")
    assert client.get(reverse("registry:area-detail", args=["XX99"])).status_code == 404
    assert "Victor da Silva Angelo" in page(client, "registry:people-list")


def test_history_page_shows_who_when_what(client, world, structure):
    srsg = structure["srsg"]
    srsg._history_user = world.users["admin"]
    srsg.title = "Head of Mission"
    srsg.save()
    client_for(client, world.users["minurcat"])
    history = page(client, "registry:history", "post", srsg.id)
    for expected in ("admin", "title", "Special Representative", "Head of Mission", "UTC"):
        assert expected in history, expected
    assert "MINURCAT" in page(client, "registry:history", "mission", world.minurcat.id)
    assert client.get(reverse("registry:history", args=["nosuchmodel", srsg.id])).status_code == 404


def test_minurcat_user_gets_404_for_unamid_confidential_history(client, world, structure):
    client_for(client, world.users["minurcat"])
    confidential = world.records["unamid_confidential"]
    for model, record in (("person", confidential["person"]), ("post", confidential["post"]),
                          ("component", confidential["component"]), ("post", structure["covert"]),
                          ("person", structure["secret"])):
        assert client.get(reverse("registry:history", args=[model, record.id])).status_code == 404, model
    # ... while the UNAMID officer reads them.
    client_for(client, world.users["unamid"])
    assert client.get(reverse("registry:history", args=["person", structure["secret"].id])).status_code == 200


def test_minurcat_user_never_sees_unamid_confidential_names(client, world, structure):
    client_for(client, world.users["minurcat"])
    pages = [("registry:mission-list", ()), ("registry:mission-detail", (world.minurcat.id,)),
             ("registry:mission-detail", (world.unamid.id,)), ("registry:organisation-list", ()),
             ("registry:place-list", ()), ("registry:people-list", ())]
    for name, args in pages:
        content = page(client, name, *args)
        leaked = [secret for secret in UNAMID_SECRETS if secret in content]
        assert not leaked, (name, leaked)
    people = page(client, "registry:people-list", q="UNAMID")
    assert "UNAMID person" not in people
    unamid = page(client, "registry:mission-detail", world.unamid.id)
    assert "no grant for this mission" in unamid


def test_pages_render_in_french(client, world, structure):
    client_for(client, world.users["admin"])
    response = client.get(reverse("registry:mission-list"), HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200 and response.headers["Content-Language"] == "fr"
