"""The mission/region switcher: only what the user holds a grant for."""

from django.urls import reverse

from peaceops.web import scope


def switch(client, value, next_url=""):
    return client.post(reverse("web:choose-scope"), {"scope": value, "next": next_url})


def options(page: str) -> str:
    return page[page.index('id="scope-select"'):page.index("</select>")]


def test_the_switcher_offers_only_granted_missions(world, client_as):
    offered = options(client_as(world.users["minurcat"]).get(reverse("web:home")).content.decode())
    assert "MINURCAT" in offered
    assert "UNAMID" not in offered
    assert world.region.name not in offered  # a mission grant is not a grant over the region


def test_a_region_grant_offers_the_region_and_its_missions(world, client_as):
    offered = options(client_as(world.users["regional"]).get(reverse("web:home")).content.decode())
    assert "MINURCAT" in offered and "UNAMID" in offered and world.region.name in offered


def test_choosing_a_mission_without_a_grant_is_refused(world, client_as):
    client = client_as(world.users["minurcat"])
    response = switch(client, f"mission:{world.unamid.id}")
    assert response.status_code == 302
    page = client.get(reverse("web:home")).content.decode()
    assert "You have no access to that mission or region." in page
    assert "<h1>MINURCAT</h1>" in page
    assert scope.SESSION_KEY not in client.session


def test_choosing_a_region_without_a_grant_is_refused(world, client_as):
    client = client_as(world.users["minurcat"])
    switch(client, f"region:{world.region.id}")
    assert scope.SESSION_KEY not in client.session


def test_malformed_choices_are_refused(world, client_as):
    client = client_as(world.users["admin"])
    for value in ("", "mission:", "mission:abc", "planet:1", f"mission:{world.unamid.id + 999}"):
        switch(client, value)
        assert scope.SESSION_KEY not in client.session, value


def test_switching_to_a_granted_mission_and_region(world, client_as):
    client = client_as(world.users["regional"])
    switch(client, f"mission:{world.unamid.id}")
    assert "<h1>UNAMID</h1>" in client.get(reverse("web:home")).content.decode()
    switch(client, f"region:{world.region.id}")
    page = client.get(reverse("web:home")).content.decode()
    assert f"Region: {world.region.name}" in page
    assert "MINURCAT, UNAMID" in page


def test_after_switching_the_user_returns_to_the_page_they_were_on_but_never_off_site(world, client_as):
    client = client_as(world.users["regional"])
    assert switch(client, f"mission:{world.unamid.id}", "/map/")["Location"] == "/map/"
    assert switch(client, f"mission:{world.unamid.id}", "https://evil.example/")["Location"] == reverse("web:home")


def test_a_withdrawn_grant_falls_back_to_a_mission_still_granted(world, client_as):
    client = client_as(world.users["regional"])
    switch(client, f"mission:{world.unamid.id}")
    world.users["regional"].grants.all().delete()
    from peaceops.accounts.models import Grant

    Grant.objects.create(user=world.users["regional"], role="viewer", mission=world.minurcat)
    assert "<h1>MINURCAT</h1>" in client.get(reverse("web:home")).content.decode()


def test_choosing_requires_a_post(world, client_as):
    assert client_as(world.users["minurcat"]).get(reverse("web:choose-scope")).status_code == 405
