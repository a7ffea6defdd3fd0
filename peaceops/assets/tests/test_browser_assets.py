"""The asset pool end to end, in a real browser: MINURCAT requests a UNAMID helicopter, the consents are given,
the loan shows on both missions' calendars, the cost report splits it, and an overlapping request is refused.

Run with ``pytest -m browser peaceops/assets/tests/test_browser_assets.py`` (needs Debian's Chromium).
"""

import pytest
from django.urls import reverse

from peaceops.web.tests.test_browser import log_in, shoot

pytestmark = pytest.mark.browser


def _as(page, username):
    page.context.clear_cookies()
    log_in(page, username)


def _ask(page, pool, start, end):
    page.goto(page.base + reverse("assets:request-new"))
    page.select_option("#id_mission", str(pool["world"].minurcat.pk))
    page.select_option("#id_asset", str(pool["heli"].pk))
    page.fill("#id_start_date", start)
    page.fill("#id_end_date", end)
    page.fill("#id_purpose", "Fly the BONUCA delegation to Entebbe")
    page.select_option("#id_destination_country", str(pool["world"].chad.pk))
    page.fill("#id_seats", "12")
    page.fill("#id_flight_hours", "6")
    page.fill("#id_share_requester", "60")
    page.fill("#id_share_owner", "40")
    page.click("#request-form button[type=submit]")
    page.wait_for_load_state()


def _decide(page, party, person=""):
    row = page.locator(f"tr.consent[data-party={party}]").filter(has=page.locator("form.decide")).first
    row.locator("select[name=decision]").select_option("give")
    if person:
        row.locator("input[name=given_by_person]").fill(person)
        row.locator("input[name=decided_on]").fill("2009-12-01")
    with page.expect_navigation():
        row.locator("button[type=submit]").click()


def test_helicopter_request_consents_calendars_costs_and_refusal(pool, page):
    _as(page, "minurcat_planner")
    _ask(page, pool, "2009-12-08", "2009-12-12")
    assert page.locator("#request-status").inner_text() == "awaiting consents"
    request_url = page.url
    shoot(page, "assets-request")

    _as(page, "unamid_lead")
    page.goto(request_url)
    _decide(page, "owning_mission")
    _decide(page, "paying_mission")  # UNAMID pays 40%: it consents to paying too
    _as(page, "hq")
    page.goto(request_url)
    _decide(page, "headquarters")
    _as(page, "minurcat_lead")
    page.goto(request_url)
    for _ in range(3):  # Chad and Sudan, and Bangladesh as contributing country
        party = "host_government" if page.locator("tr.consent[data-party=host_government] form.decide").count() \
            else "contributing_country"
        _decide(page, party, person="Minister of Foreign Affairs (Fictitious)")
    assert page.locator("#request-status").inner_text() == "approved"
    shoot(page, "assets-consents")

    for user in ("minurcat_lead", "unamid_lead"):
        _as(page, user)
        page.goto(page.base + reverse("assets:calendar") + "?year=2009")
        calendar = page.locator("#loan-calendar").inner_text()
        assert "Mi-8 helicopter UNAMID-01" in calendar and "MINURCAT" in calendar and "UNAMID" in calendar

    page.goto(page.base + reverse("assets:costs") + "?year=2009")
    totals = page.locator("#cost-totals").inner_text()
    assert "15,120.00" in totals and "10,080.00" in totals  # 6 h x 4,200 USD, split 60/40
    shoot(page, "assets-costs")

    _as(page, "minurcat_planner")
    _ask(page, pool, "2009-12-11", "2009-12-14")
    assert "booked from 2009-12-08 to 2009-12-12" in page.locator("#request-form").inner_text()
    shoot(page, "assets-refused")
