"""Under the Content-Security-Policy the pages still work: Swagger UI, the Leaflet map, the
self-submitting selects that once were inline handlers; and nothing asks for what the policy forbids.

Run with ``pytest -m browser peaceops/web/tests/test_browser_csp.py`` (needs Debian's Chromium).
"""

import pytest
from django.urls import reverse

from peaceops.web.tests.test_browser import log_in

pytestmark = pytest.mark.browser


def watch_policy(page) -> list:
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    return violations


def test_swagger_ui_renders_under_the_policy(shell_world, page):
    violations = watch_policy(page)
    log_in(page, "admin")
    page.goto(page.base + "/api/v1/docs/")
    page.wait_for_selector(".swagger-ui .info .title")  # the bundle ran and loaded the schema
    assert "peaceops API" in page.locator(".swagger-ui .info .title").inner_text()
    page.wait_for_selector(".swagger-ui .opblock")
    assert violations == []


def test_map_and_self_submitting_selects_work_under_the_policy(shell_world, page):
    violations = watch_policy(page)
    log_in(page, "minurcat")
    page.goto(page.base + reverse("web:map"))
    page.wait_for_selector("#map .leaflet-marker-icon")  # Leaflet drew the HQ markers
    with page.expect_navigation():
        page.select_option("#language-select", "fr")  # data-autosubmit, no onchange= handler
    assert page.locator("html").get_attribute("lang") == "fr"
    with page.expect_navigation():
        page.select_option("#language-select", "en")
    assert violations == []
