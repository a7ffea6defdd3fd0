"""The results framework end to end in a browser: a planner builds MINURCAT's ISF from the library, enters a figure,
runs an assessment that changes a task's priority, sees the dashboard, drafts the SG report at /reports/ and
exports it as DOCX.

Run with ``pytest -m browser peaceops/mandates/tests/test_browser_mandates.py`` (needs Debian's Chromium).
"""

import docx
import pytest
from django.urls import reverse

from peaceops.accounts.access import SYSTEM
from peaceops.core.classification import Classification
from peaceops.jobs.testing import run_and_open_result
from peaceops.mandates import services
from peaceops.mandates.models import FrameworkItem, FrameworkObjective, FrameworkOutput, Isf
from peaceops.testing import make_user
from peaceops.web.tests.test_browser import log_in, shoot

pytestmark = pytest.mark.browser


@pytest.fixture
def library(world):
    objective = FrameworkObjective.objects.create(ref="004/3", number=3, title="A safe and secure environment")
    output = FrameworkOutput.objects.create(objective=objective, ref="004/3.2", number="3.2",
                                              title="Police capacity built")
    FrameworkItem.objects.create(objective=objective, output=output, ref="004/3.2/B-S-1", kind="benchmark",
                                   horizon="short", text="National police deployed in the camps and key towns",
                                   section="3.2.2", source="seed 004 §3.2.2")
    make_user("planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    return services.task_create(SYSTEM, mission=world.minurcat, text="Support the DIS", paragraph="OP 6",
                                priority="medium")


def test_planner_builds_the_isf_measures_assesses_and_drafts_the_sg_report(world, library, page):
    task = library
    log_in(page, "planner")
    page.click("nav >> text=Integrated Strategic Frameworks")
    page.fill("#id_title", "MINURCAT ISF 2010")
    page.fill("#id_country", "TCD")
    page.fill("#id_start_date", "2010-01-01")
    page.fill("#id_end_date", "2010-12-31")
    with page.expect_navigation():
        page.click("#new-isf button")
    isf = Isf.objects.get(title="MINURCAT ISF 2010")

    page.select_option("form.add-objective select[name=library_objective]", label="3. A safe and secure environment")
    with page.expect_navigation():
        page.click("form.add-objective button")
    page.select_option("form.add-output select[name=library_output]", label="3.2 Police capacity built")
    with page.expect_navigation():
        page.click("form.add-output button")
    with page.expect_navigation():
        page.click("a.pick")
    with page.expect_navigation():
        page.click("button.add-benchmark")
    assert "National police deployed in the camps" in page.locator("li.benchmark").inner_text()

    page.click("summary:has-text('Add an indicator')")
    page.fill("form.indicator-form input[name=name]", "DIS officers deployed")
    page.fill("form.indicator-form input[name=unit]", "officers")
    page.fill("form.indicator-form input[name=baseline]", "0")
    page.fill("form.indicator-form input[name=target]", "100")
    page.fill("form.indicator-form input[name=target_period]", "2010-12-01")
    page.check("form.indicator-form input[name=by_sex]")
    with page.expect_navigation():
        page.click("form.indicator-form button")
    shoot(page, "mandates-isf-builder")

    with page.expect_navigation():
        page.click("li.indicator a")
    page.fill("#measurement-form input[name=period]", "2010-03")
    page.fill("#measurement-form input[name=value]", "30")
    with page.expect_navigation():
        page.click("#measurement-form button")
    page.fill("#measurement-form input[name=period]", "2010-03")
    page.select_option("#measurement-form select[name=sex]", "f")
    page.fill("#measurement-form input[name=value]", "6")
    with page.expect_navigation():
        page.click("#measurement-form button")
    assert "Measurement saved" in page.locator("main").inner_text()

    page.goto(page.base + reverse("mandates:dashboard", args=[isf.pk]))
    assert page.locator("section.indicator svg.spark").count() == 1
    assert page.locator("section.indicator svg.bars").count() == 1  # by sex
    assert page.locator("section.indicator").get_attribute("data-rag") == "red"  # 30% of the way
    shoot(page, "mandates-dashboard")

    page.goto(page.base + reverse("mandates:assessment", args=[isf.pk]))
    page.fill("#id_narrative", "DIS deployment behind schedule; the exit depends on it.")
    page.select_option(f"select[name=priority_{task.pk}]", "high")
    page.fill(f"input[name=reason_{task.pk}]", "exit strategy")
    with page.expect_navigation():
        page.click("#assessment-form button")
    assert "1 priorities changed" in page.locator("main").inner_text()
    assert "Medium → High" in page.locator("li.decision").inner_text()
    task.refresh_from_db()
    assert task.priority == "high"

    page.goto(page.base + reverse("reports:list"))
    page.select_option("#draft-form select[name=kind]", "sg_report")
    page.fill("#draft-form input[name=period_start]", "2010-01-01")
    page.fill("#draft-form input[name=period_end]", "2010-12-31")
    with page.expect_navigation():
        page.click("#draft-form button[type=submit]")  # to the drafting job's page
    run_and_open_result(page)
    assert "Mandate implementation: MINURCAT" in page.locator("main").inner_text()
    shoot(page, "mandates-sg-report")

    with page.expect_download() as download:  # the SG report exported as the Council's DOCX
        page.click("a.button:has-text('Export DOCX')")
    exported = docx.Document(download.value.path())
    headings = [p.text for p in exported.paragraphs if p.style.name.startswith("Heading")]
    assert any(h.startswith("Mandate implementation: MINURCAT") for h in headings), headings
