"""The whole plan in a browser: a planner adopts a library output with its activities and risks into MINURCAT's
ISF, assigns an activity to a UN agency with a voluntary-funded budget, raises a risk above the threshold and sees
it escalated on the plan, the ISF dashboard and the SG report draft.

Run with ``pytest -m browser peaceops/mandates/tests/test_browser_plans.py`` (needs Debian's Chromium).
"""

import datetime as dt

import pytest
from django.urls import reverse

from peaceops.accounts.access import SYSTEM
from peaceops.core.classification import Classification
from peaceops.jobs.testing import run_and_open_result
from peaceops.mandates import services
from peaceops.mandates.models import PlanRisk
from peaceops.mandates.tests.test_plans import make_library
from peaceops.registry.models import Organisation
from peaceops.testing import make_user
from peaceops.web.tests.test_browser import log_in, shoot

pytestmark = pytest.mark.browser


@pytest.fixture
def isf(world):
    make_library()
    Organisation.objects.create(name="UN High Commissioner for Refugees", acronym="UNHCR",
                                kind=Organisation.Kind.UN_AGENCY)
    make_user("planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    framework = services.isf_create(SYSTEM, mission=world.minurcat, country=world.chad, title="MINURCAT ISF 2010",
                                    start_date=dt.date(2010, 1, 1), end_date=dt.date(2010, 12, 31))
    services.objective_add(SYSTEM, framework, title="A safe and secure environment")
    return framework


def test_planner_adopts_assigns_and_sees_the_risk_escalated(world, isf, page):
    log_in(page, "planner")
    page.goto(page.base + reverse("mandates:isf", args=[isf.pk]))
    page.select_option("form.adopt-output select[name=library_output]",
                       label="3.2 Disarmament, demobilisation and reintegration")
    page.fill("form.adopt-output input[name=risk_owner]", "DSRSG/RC/HC")
    page.fill("form.adopt-output input[name=risk_review_on]", "2099-01-01")
    with page.expect_navigation():
        page.click("form.adopt-output button")
    assert "Adopted with 1 activities and 2 risks." in page.locator("main").inner_text()
    with page.expect_navigation():
        page.click("a.plan-link")
    assert "Register and verify ex-combatants" in page.locator("table.activities").inner_text()

    page.click("summary:has-text('Add an activity')")
    page.fill("form.add-activity input[name=text]", "Support the voluntary return of ex-combatants' families")
    page.select_option("form.add-activity select[name=responsible_organisation]",
                       label="UNHCR")
    page.fill("form.add-activity input[name=start_date]", "2010-06-01")
    page.fill("form.add-activity input[name=end_date]", "2010-12-31")
    page.select_option("form.add-activity select[name=funding_stream]", "voluntary")
    page.fill("form.add-activity input[name=amount]", "250000")
    with page.expect_navigation():
        page.click("form.add-activity button")
    activities = page.locator("table.activities").inner_text()
    assert "UNHCR" in activities and "250,000.00 USD · Voluntary contributions" in activities

    risk = PlanRisk.objects.order_by("id").first()
    form = page.locator(f"#risk-{risk.pk} form.rate")
    form.locator("input[name=likelihood]").fill("4")
    form.locator("input[name=impact]").fill("5")
    with page.expect_navigation():
        form.locator("button").click()
    assert "escalated to leadership" in page.locator(f"#risk-{risk.pk}").inner_text()
    assert page.locator("#risks svg.heat").count() == 1
    shoot(page, "mandates-output-plan")

    page.goto(page.base + reverse("mandates:dashboard", args=[isf.pk]))
    escalated = page.locator("#escalated").inner_text()
    assert "Risks escalated to leadership (1)" in escalated and risk.text in escalated

    page.goto(page.base + reverse("reports:list"))
    page.select_option("#draft-form select[name=kind]", "sg_report")
    page.fill("#draft-form input[name=period_start]", "2010-01-01")
    page.fill("#draft-form input[name=period_end]", "2010-12-31")
    with page.expect_navigation():
        page.click("#draft-form button[type=submit]")  # to the drafting job's page
    run_and_open_result(page)
    text = page.locator("main").inner_text()
    assert "Resource shortfalls and risks: MINURCAT" in text and risk.text in text
    shoot(page, "mandates-sg-report-risks")
