"""The shell in a real browser: Playwright driving Debian's Chromium against pytest-django's live server.

Run with ``pytest -m browser peaceops/web/tests/test_browser.py``. Needs ``apt-get install chromium``
(never ``playwright install``: missions run on closed networks). Without /usr/bin/chromium these tests
skip, except under CI=true where they fail.
"""

import os
from pathlib import Path

import pytest
from django.urls import reverse

from peaceops.core.classification import Classification
from peaceops.web import context, modules
from peaceops.web.tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(os.environ.get("PEACEOPS_SCREENSHOTS", "/tmp/peaceops-screenshots"))


def log_in(page, username):
    page.goto(page.base + reverse("web:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD.format(username))
    page.click("form.login button[type=submit]")
    page.wait_for_url(page.base + reverse("web:home"))


def choose(page, selector, **option):
    """Pick an option of a self-submitting select and wait for the page it loads."""
    with page.expect_navigation():
        page.select_option(selector, **option)


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def nav_urls():
    """Every page the navigation can offer a reader (pages that need a write right are left out)."""
    return [link["url"] for module in modules.MODULES for link in context.module_links(module, may=lambda a: False)]


def test_log_in_switch_mission_and_open_every_page(shell_world, page):
    log_in(page, "regional")
    assert page.locator("main h1").inner_text() == "MINURCAT"
    shoot(page, "dashboard")

    choose(page, "#scope-select", label="UNAMID")
    assert page.locator("main h1").inner_text() == "UNAMID"
    assert "Joint Special Representative" in page.locator("main").inner_text()

    for url in nav_urls():
        if url.startswith("/api/"):
            response = page.goto(page.base + url)
            assert response.status == 200, url
            continue
        response = page.goto(page.base + url)
        assert response.status == 200, url
        assert page.locator("nav.modules").count() == 1, url
        assert "Server Error" not in page.content(), url
    unbuilt = modules.not_built()
    if unbuilt:  # every module of DESIGN.md may be built by now
        page.goto(page.base + reverse("web:module", args=[unbuilt[0].slug]))
        assert "This module is not built yet" in page.locator("main").inner_text()
    shoot(page, "module-not-built")


def test_a_user_without_a_grant_cannot_see_or_reach_another_mission(shell_world, page):
    log_in(page, "minurcat")
    options = page.locator("#scope-select option").all_inner_texts()
    assert "MINURCAT" in options
    assert not any("UNAMID" in option for option in options)

    secret = shell_world.records[f"unamid_{Classification.CONFIDENTIAL.name.lower()}"]["person"]
    response = page.goto(page.base + reverse("registry:history", kwargs={"model": "person", "pk": secret.pk}))
    assert response.status == 404
    text = page.locator("main").inner_text()
    assert "Not found" in text and secret.name not in text
    shoot(page, "denied")


def test_switch_to_french(shell_world, page):
    log_in(page, "minurcat")
    choose(page, "#language-select", value="fr")
    assert page.locator("html").get_attribute("lang") == "fr"
    main = page.locator("main").inner_text()
    assert "Pays hôtes" in main and "Modifications récentes" in main
    assert "Tableau de bord" in page.locator("nav.modules").inner_text()
    shoot(page, "dashboard-fr")


def test_the_map_shows_headquarters_markers(shell_world, page):
    log_in(page, "regional")
    choose(page, "#scope-select", label=shell_world.region.name)
    page.goto(page.base + reverse("web:map"))
    page.wait_for_selector("#map[data-loaded]")
    markers = page.locator(".leaflet-marker-icon")
    assert sorted(markers.evaluate_all("els => els.map(e => e.title)")) == ["MINURCAT", "UNAMID"]
    assert page.locator("path.leaflet-interactive").count() >= 1  # Chad's shape
    assert page.locator(".leaflet-tile").count() == 0  # no tile server by default
    shoot(page, "map")
