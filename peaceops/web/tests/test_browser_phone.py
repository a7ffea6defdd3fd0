"""The shell at phone width (390x844) in a real browser, on the demo data.

The navigation folds behind a Menu button below 768 px; no page scrolls sideways, whatever it holds (a
300-character place name wraps, wide tables scroll inside their own box); the incident form fits the screen.
Run with ``pytest -m browser peaceops/web/tests/test_browser_phone.py``. Screenshots go to
/tmp/peaceops-phone-*.png.
"""

import datetime as dt

import pytest
from django.urls import reverse

from peaceops.core.classification import Classification
from peaceops.demo.loader import load_demo
from peaceops.incidents.models import Incident
from peaceops.registry.models import Country, Mission
from peaceops.web.tests.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
# (demo user, pages) as a watch officer, an analyst and a planner open them on a phone
PAGES = {
    "joc.minurcat": ["/", "/incidents/", "/incidents/new/", "/incidents/sitrep/?date=2009-06-08", "/map/"],
    "jmac.unamid": ["/analysis/", "/incidents/"],
    "planner.region": ["/coordination/", "/cooperation/", "/mandates/"],
}


def _widths(page) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


def _a_long_place_name():
    """A report whose place is one 300-character word: it must wrap, not widen the incident log."""
    day = dt.date(2009, 6, 8)
    incident = Incident.objects.create(
        owning_mission=Mission.objects.get(acronym="MINURCAT"), classification=Classification.UNCLASSIFIED,
        category="armed_clash", start_date=day, end_date=day, country=Country.objects.get(iso3="TCD"),
        latitude=13.8, longitude=20.8, location="Abeche" + "x" * 294, description="y" * 2000)
    incident.missions.set([incident.owning_mission])


def test_pages_fit_a_phone_and_the_menu_folds(page):
    load_demo()
    _a_long_place_name()
    page.set_viewport_size(PHONE)
    for username, urls in PAGES.items():
        log_in(page, username)
        for url in urls:
            response = page.goto(page.base + url)
            assert response.status == 200, (username, url)
            name = url.strip("/").split("?")[0].replace("/", "-") or "home"
            page.screenshot(path=f"/tmp/peaceops-phone-{username}-{name}.png", full_page=True)
            scroll, inner = _widths(page)
            assert scroll <= inner, f"{username} {url}: {scroll} px wide on a {inner} px screen"
            assert not page.locator("nav.modules").is_visible(), f"{url}: the navigation is folded"
            assert page.locator("[data-menu-toggle]").is_visible()
    # the button opens and closes the navigation
    page.locator("[data-menu-toggle]").click()
    assert page.locator("nav.modules").is_visible()
    assert page.locator("[data-menu-toggle]").get_attribute("aria-expanded") == "true"
    page.screenshot(path="/tmp/peaceops-phone-menu-open.png")
    page.locator("[data-menu-toggle]").click()
    assert not page.locator("nav.modules").is_visible()


def test_desktop_keeps_the_navigation_open(page):
    load_demo()
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, "joc.minurcat")
    assert page.locator("nav.modules").is_visible()
    assert not page.locator("[data-menu-toggle]").is_visible()
    page.goto(page.base + "/incidents/new/")
    scroll, inner = _widths(page)
    assert scroll <= inner


def test_map_shapes_are_drawn_at_their_own_size_at_both_widths(page):
    """Leaflet draws shapes on a canvas larger than the map (panning padding): a page-wide max-width once
    squeezed it, and the countries, admin-1 areas and mission areas vanished from the incident map."""
    load_demo()
    for size in ({"width": 1280, "height": 800}, PHONE):
        page.set_viewport_size(size)
        log_in(page, "jmac.unamid")
        page.goto(page.base + reverse("incidents:map"))
        page.locator("#incident-map canvas").wait_for(state="attached")  # (CSP: no wait_for_function string)
        page.wait_for_timeout(500)
        drawn, shown = page.evaluate("(() => { const c = document.querySelector('#incident-map canvas');"
                                     " return [c.width, c.getBoundingClientRect().width]; })()")
        assert abs(drawn - shown) <= 1, f"canvas {drawn} px drawn, shown {shown} px wide at {size['width']}"
