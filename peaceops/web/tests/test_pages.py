"""Every entry of the navigation (web/modules.py) leads to a real page; not-built modules say so."""

import json

import pytest
from django.urls import reverse

from peaceops.accounts.access import can
from peaceops.accounts.roles import Action
from peaceops.web import context, modules


def nav_urls(may=lambda action: True):
    return [(module.slug, link["url"]) for module in modules.MODULES for link in context.module_links(module, may)]


def test_every_navigation_link_renders_for_a_user_with_a_grant(shell_world, client_as):
    user = shell_world.users["minurcat"]
    client = client_as(user)
    home = client.get(reverse("web:home")).content.decode()
    offered = nav_urls(may=lambda action: action != modules.COVERS_REGION  # a mission's analyst covers no region
                       and can(user, Action(action), shell_world.minurcat.id))
    assert len(offered) < len(nav_urls()), "the analyst is offered no page needing a right they lack"
    for slug, url in offered:
        assert f'href="{url}"' in home, slug
        response = client.get(url, follow=True)
        assert response.status_code == 200, (slug, url)


def test_pages_that_need_a_write_right_are_offered_only_to_those_who_hold_it(world, client_as):
    new_incident = f'href="{reverse("incidents:new")}"'
    viewer_home = client_as(world.users["regional"]).get(reverse("web:home")).content.decode()
    analyst_home = client_as(world.users["minurcat"]).get(reverse("web:home")).content.decode()
    assert new_incident not in viewer_home
    assert new_incident in analyst_home
    assert client_as(world.users["regional"]).get(reverse("incidents:new")).status_code == 403


@pytest.mark.parametrize("module", modules.not_built(), ids=lambda module: module.slug)
def test_a_module_not_built_yet_has_a_page_saying_so(module, world, client_as):
    page = client_as(world.users["minurcat"]).get(reverse("web:module", args=[module.slug])).content.decode()
    assert "This module is not built yet: it will hold" in page
    assert module.summary[1:40] in page
    for number, passages, title in modules.seed_titles(module):
        assert f"seed {number}" in page and passages in page and title in page


def test_built_modules_and_unknown_slugs_have_no_not_built_page(world, client_as):
    client = client_as(world.users["minurcat"])
    assert client.get(reverse("web:module", args=["map"])).status_code == 404
    response = client.get(reverse("web:module", args=["astrology"]))
    assert response.status_code == 404
    assert "Not found" in response.content.decode()


def test_pages_need_a_login(db, client):
    for url in (reverse("web:home"), reverse("web:map"), reverse("web:map-data"),
                reverse("web:module", args=["reports"])):
        assert client.get(url).status_code == 302


def test_the_not_found_page_is_the_shells(world, client_as):
    response = client_as(world.users["minurcat"]).get("/no/such/page/")
    assert response.status_code == 404
    assert "not cleared to see" in response.content.decode()


def test_map_data_has_the_scope_hq_and_host_country_shapes(shell_world, client_as):
    data = client_as(shell_world.users["minurcat"]).get(reverse("web:map-data")).json()
    hqs = [f for f in data["features"] if f["properties"]["kind"] == "hq"]
    countries = [f for f in data["features"] if f["properties"]["kind"] == "country"]
    assert [f["properties"]["mission"] for f in hqs] == ["MINURCAT"]
    assert hqs[0]["geometry"]["coordinates"] == [15.0557, 12.1348]
    assert [f["properties"]["iso3"] for f in countries] == ["TCD"]  # CAF has no shape recorded


def test_map_data_never_shows_a_mission_without_a_grant(shell_world, client_as):
    client = client_as(shell_world.users["minurcat"])
    client.post(reverse("web:choose-scope"), {"scope": f"mission:{shell_world.unamid.id}"})  # refused
    assert "UNAMID" not in json.dumps(client.get(reverse("web:map-data")).json())
    assert client.get(reverse("web:map-data"), {"country": "SDN"}).status_code == 404


def test_map_drill_down_into_a_host_country(shell_world, client_as):
    data = client_as(shell_world.users["minurcat"]).get(reverse("web:map-data"), {"country": "tcd"}).json()
    assert [f["properties"]["pcode"] for f in data["features"]] == ["TD01"]
    assert data["features"][0]["geometry"] == {"type": "Point", "coordinates": [18.4, 13.9]}


def test_map_data_for_a_region_holds_every_mission(shell_world, client_as):
    client = client_as(shell_world.users["regional"])
    client.post(reverse("web:choose-scope"), {"scope": f"region:{shell_world.region.id}"})
    missions = {f["properties"].get("mission") for f in client.get(reverse("web:map-data")).json()["features"]}
    assert {"MINURCAT", "UNAMID"} <= missions


def test_the_map_page_uses_vendored_leaflet_and_no_tile_server_by_default(shell_world, client_as):
    page = client_as(shell_world.users["minurcat"]).get(reverse("web:map")).content.decode()
    assert "/static/vendor/leaflet/leaflet.js" in page and "/static/vendor/leaflet/leaflet.css" in page
    assert 'data-tiles=""' in page
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page


def test_vendored_assets_are_served(db, client):
    for path in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/leaflet/leaflet.css",
                 "/static/vendor/leaflet/images/marker-icon.png", "/static/vendor/htmx/htmx.min.js",
                 "/static/web/peaceops.css", "/static/web/map.js"):
        response = client.get(path)
        assert response.status_code == 200, path
        b"".join(response.streaming_content) if response.streaming else response.content


def test_the_navigation_marks_only_the_page_one_is_on(world, client_as):
    page = client_as(world.users["minurcat"]).get(reverse("incidents:sitrep")).content.decode()
    marked = page.count('aria-current="page"')
    assert marked == 1
    assert f'href="{reverse("incidents:sitrep")}" aria-current="page"' in page


def test_a_page_needing_a_right_system_wide_is_not_offered_to_a_mission_holder(world, client_as):
    """A planner of one mission may coordinate there but not upload shared 3W rows: no link to a 403."""
    from peaceops.testing import make_user

    upload = f'href="{reverse("coordination:upload")}"'
    planner = make_user("mission-planner", "planner", mission=world.minurcat)
    system_planner = make_user("system-planner", "planner")
    assert upload not in client_as(planner).get(reverse("web:home")).content.decode()
    assert client_as(planner).get(reverse("coordination:upload")).status_code == 403
    assert upload in client_as(system_planner).get(reverse("web:home")).content.decode()
