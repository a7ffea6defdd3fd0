"""In a real browser: tick every report of the page, verify them at once; pick an actor by name.

Static scripts only (the CSP forbids inline ones): ``incidents/bulk.js`` and ``incidents/pickers.js``.
Run with ``pytest -m browser peaceops/incidents/tests/test_browser_log_bulk.py``.
"""

# ruff: noqa: F811 (pytest fixtures imported from log_fixtures are parameters of the tests)

import pytest
from playwright.sync_api import expect

from peaceops.incidents.models import Incident
from peaceops.incidents.tests.log_fixtures import log_world  # noqa: F401 (fixture)
from peaceops.incidents.tests.test_browser_incidents import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_select_all_then_verify_and_the_actor_picker(log_world, page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, "watch")
    page.goto(page.base + "/incidents/?sort=id")
    boxes = page.locator("input[name=ids]")
    expect(boxes).to_have_count(2)  # MINURCAT's open and confidential reports; UNAMID's are not listed
    page.check("#select-all")
    assert all(box.is_checked() for box in boxes.all())
    boxes.first.uncheck()
    assert page.evaluate("document.getElementById('select-all').indeterminate") is True
    page.check("#select-all")
    page.click("button[value=verify]")
    expect(page.locator(".messages, main")).to_contain_text("2 reports now have the status Verified.")
    assert set(Incident.objects.filter(owning_mission=log_world.minurcat).values_list("status", flat=True)) == {
        "verified"}

    # The actor filter suggests names the officer may know of, as they type.
    page.fill("#id_actor", "")
    page.type("#id_actor", "janj")
    expect(page.locator("#actor-suggestions option")).to_have_count(1)
    assert page.get_attribute("#actor-suggestions option", "value") == "Janjaweed"
    page.fill("#id_actor", "hidden")
    page.type("#id_actor", " b")
    page.wait_for_timeout(600)
    assert page.locator("#actor-suggestions option").count() == 0  # only in a report of another mission
    assert errors == []
