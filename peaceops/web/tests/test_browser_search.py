"""The search box in a real browser: on every page's top bar at desktop and phone width, Enter opens the results.

Run with ``pytest -m browser peaceops/web/tests/test_browser_search.py``.
"""

import datetime as dt

import pytest

from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, username):
    page.goto(page.base + "/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"{username}-pass-9x!")  # peaceops.testing.make_user
    page.click("form.login button[type=submit]")
    page.wait_for_url(page.base + "/")


@pytest.mark.parametrize("size", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}])
def test_the_box_fits_and_finds(page, world, size):
    day = dt.date(2009, 6, 1)
    Incident.objects.create(
        owning_mission=world.minurcat,
        classification=Classification.UNCLASSIFIED,
        category="armed_clash",
        start_date=day,
        end_date=day,
        country=world.chad,
        description="Convoy near Goz Beida",
    )
    page.set_viewport_size(size)
    _log_in(page, "minurcat")
    page.goto(page.base + "/registry/missions/")
    box = page.locator("#global-search")
    assert box.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    box.fill("goz beida")
    box.press("Enter")
    page.wait_for_url("**/search/?q=goz+beida")
    assert page.locator(".search-group h2").first.inner_text().startswith("Incidents")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=f"/tmp/peaceops-search-{size['width']}.png", full_page=True)
