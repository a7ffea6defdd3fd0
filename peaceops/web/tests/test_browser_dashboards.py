"""Each demo role's dashboard in a real browser, at desktop (1280x800) and phone (390x844) width, on the demo data.

The dashboard opens on the scenario's day; every role sees the boards of its roles, tiles present, and no page
scrolls sideways (tiles stack on a phone). Screenshots are written to docs/screenshots/dashboard-<role>-<width>.png
(device scale 1, the first 1600 px): the pictures docs/dashboards.md shows. Run with
``pytest -m browser peaceops/web/tests/test_browser_dashboards.py``.
"""

from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse
from PIL import Image

from peaceops.core import clock
from peaceops.demo.loader import load_demo
from peaceops.demo.scenario import REGION_NAME
from peaceops.web.tests.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
SIZES = ({"width": 1280, "height": 800}, {"width": 390, "height": 844})
CLIP_HEIGHT = 1600
PALETTE = 64  # colours kept in the committed screenshots (a page of text and flat colours: a quarter of the bytes)
# Demo users (demo/scenario.py DEMO_USERS), the scope they look at (None: the first one, their own mission) and
# the boards their grants open there.
ROLES = {
    "joc.minurcat": (None, ["watch"]),
    "jmac.unamid": (None, ["analyst"]),
    "planner.region": (REGION_NAME, ["planner"]),
    "leader.unmis": (None, ["leadership"]),
    "viewer": ("MINURCAT", ["watch"]),
    "admin": ("MINURCAT", ["watch", "analyst", "planner", "leadership"]),
}


def test_every_roles_dashboard_at_desktop_and_phone_width(page):
    load_demo()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with override_settings(PEACEOPS_TODAY=clock.DEMO_DAY.isoformat()):
        for size in SIZES:
            page.set_viewport_size(size)
            for username, (scope, boards) in ROLES.items():
                log_in(page, username)
                if scope:
                    with page.expect_navigation():
                        page.select_option("#scope-select", label=scope)
                response = page.goto(page.base + reverse("web:home"))
                assert response.status == 200, username
                assert page.locator("#dashboard-day").input_value() == clock.DEMO_DAY.isoformat()
                shown = page.eval_on_selector_all("section.board", "els => els.map(e => e.dataset.board)")
                assert shown == boards, (username, shown)
                assert page.locator("[data-tile]").count() >= 2 * len(boards), username
                scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
                assert scroll <= inner, f"{username}: {scroll} px wide on a {inner} px screen"
                if size["width"] < 600:  # tiles stack: one column, each as wide as the others
                    lefts = page.eval_on_selector_all("[data-tile]", "els => els.map(e => e.offsetLeft)")
                    assert len(set(lefts)) == 1, (username, lefts)
                height = min(CLIP_HEIGHT, page.evaluate("document.documentElement.scrollHeight"))
                path = SCREENSHOTS / f"dashboard-{username}-{size['width']}.png"
                page.screenshot(path=str(path), full_page=True,
                                clip={"x": 0, "y": 0, "width": size["width"], "height": height})
                Image.open(path).convert("RGB").quantize(PALETTE).save(path, optimize=True)
