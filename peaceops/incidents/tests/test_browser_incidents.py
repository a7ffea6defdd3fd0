"""A watch officer logs an incident with the keyboard and finds it in the log, on the map and in the sitrep.

Playwright drives Debian's Chromium against pytest-django's live server. Run with
``pytest -m browser peaceops/incidents/tests/test_browser_incidents.py``. Without /usr/bin/chromium
the test skips, except under CI=true where it fails (never ``playwright install``: closed networks).
"""

# ruff: noqa: F811 (pytest fixtures imported from log_fixtures are parameters of the tests)

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from peaceops.incidents.models import Incident
from peaceops.incidents.tests.log_fixtures import log_world  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESCRIPTION = "Armed men fired on the market at Goz Beida"


def shoot(page, name):
    folder = Path(os.environ.get("PEACEOPS_SCREENSHOTS", "/tmp/peaceops-screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def log_in(page, username):
    page.goto(page.base + "/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"{username}-pass-9x!")
    page.keyboard.press("Enter")
    page.wait_for_url(page.base + "/")


def test_watch_officer_enters_an_incident_and_reads_it_back_everywhere(log_world, page):
    log_in(page, "watch")

    # Entry, by keyboard: the date has the focus and holds today; Tab moves on; Enter saves.
    page.goto(page.base + "/incidents/new/")
    shoot(page, "incident-form")
    assert page.evaluate("document.activeElement.id") == "id_start_date"
    assert page.input_value("#id_start_date") == dt.date.today().isoformat()
    page.keyboard.press("Tab")  # time: left empty
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_category"
    page.keyboard.type("1")  # "1 · Armed clash"
    assert page.input_value("#id_category") == "armed_clash"
    page.keyboard.press("Tab")
    page.keyboard.type("Goz Beida market")
    page.keyboard.press("Tab")
    page.keyboard.type("TD0101")
    page.keyboard.press("Tab")  # leaving the P-code looks it up and fills the place
    expect(page.locator("#id_admin2")).to_have_value("Batha Est")  # no string eval: the page's CSP forbids it
    assert page.input_value("#id_country") == "TCD" and page.input_value("#id_latitude") == "13.5"
    page.focus("#id_description")
    page.keyboard.type(DESCRIPTION)
    page.keyboard.press("Tab")
    page.keyboard.type("2")  # deaths, side A
    page.focus("#id_side_a")
    page.keyboard.type("Janjawid")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/incidents/\d+/$"))
    incident = Incident.objects.get(description=DESCRIPTION)
    assert page.inner_text("#incident-status") == "Draft"
    assert "Janjaweed" in page.inner_text("#actors")  # found by its alias
    assert incident.owning_mission.acronym == "MINURCAT" and incident.deaths_best == 2

    # The log.
    page.goto(page.base + "/incidents/?category=armed_clash")
    assert DESCRIPTION in page.inner_text("#incident-table")

    # The map: the officer reads three reports with coordinates (two from the fixture, the new one).
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page.base + "/incidents/map/")
    page.wait_for_selector("#incident-map[data-ready='1']")
    assert page.get_attribute("#incident-map", "data-total") == "3"
    page.wait_for_selector(".incident-pin, .incident-cluster")
    # Time slider: from today only, in the browser.
    page.evaluate("""() => { const s = document.getElementById('slider-from');
        s.value = s.max; s.dispatchEvent(new Event('input')); }""")
    page.wait_for_selector("#incident-map[data-shown='1']")
    expect(page.locator(".incident-pin")).to_have_count(1)
    shoot(page, "incident-map")
    assert errors == []

    # The daily situation report of today for the officer's mission.
    page.goto(page.base + "/incidents/sitrep/")
    page.wait_for_selector(f"[data-incident='{incident.pk}']")
    assert DESCRIPTION in page.inner_text("main")
