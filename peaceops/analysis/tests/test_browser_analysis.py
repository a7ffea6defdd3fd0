"""The replay page in a real browser: stepping week by week changes what the JMAC would have seen.

Run with ``pytest -m browser peaceops/analysis/tests/test_browser_analysis.py`` (needs Debian's Chromium;
see peaceops/web/tests/test_browser.py).
"""

import pytest
from django.urls import reverse

from peaceops.web.tests.test_browser import log_in, shoot

pytestmark = pytest.mark.browser


def test_replay_steps_through_dates_and_the_alert_appears(analysis_world, page):
    log_in(page, "minurcat")
    page.goto(page.base + reverse("analysis:replay") + "?as_of=2008-12-27")
    assert page.locator("#replay-date").inner_text() == "2008-12-27"
    assert page.locator("#alerts tr.alert-row").count() == 0  # the surge had not begun
    for expected in ("2009-01-03", "2009-01-10", "2009-01-17", "2009-01-24", "2009-01-31"):
        with page.expect_navigation():
            page.click("#next-week")
        assert page.locator("#replay-date").inner_text() == expected
    row = page.locator("#alerts tr.alert-row").first
    assert "Ouaddai" in row.inner_text() and "North Darfur" not in page.locator("main").inner_text()
    shoot(page, "analysis-replay")
    with page.expect_navigation():
        page.click("#prev-month")
    assert page.locator("#replay-date").inner_text() == "2008-12-31"

    page.goto(page.base + reverse("analysis:groups"))
    page.click("text=Janjaweed")
    page.wait_for_selector("#group-map .leaflet-interactive")  # the group's incidents drawn by the vendored Leaflet
    shoot(page, "analysis-group")


def test_escalating_an_alert_in_place(analysis_world, page):
    log_in(page, "minurcat")
    page.goto(page.base + reverse("analysis:alerts") + "?as_of=2009-01-31")
    row = page.locator("#alerts tr.alert-row").first
    row.locator("input[name=note]").fill("Tell UNAMID")
    row.locator("button[value=escalate]").click()
    page.wait_for_selector("#alerts tr.alert-row td.status:has-text('Escalated')")  # swapped in by htmx
    assert "Tell UNAMID" in page.locator("#alerts").inner_text()
