"""The duplication and funding pages in a real browser: the duplication and gap views work there, not only in tests.

Run with ``pytest -m browser peaceops/coordination/tests/test_browser_coordination.py`` (needs Debian's Chromium;
see peaceops/web/tests/test_browser.py).
"""

import pytest
from django.urls import reverse

from peaceops.coordination.tests.test_views import coordination  # noqa: F401  (fixture)
from peaceops.web.tests.test_browser import log_in, shoot

pytestmark = pytest.mark.browser


def test_duplication_and_funding_gap_seen_in_the_browser(coordination, page):  # noqa: F811
    log_in(page, "minurcat")
    page.click("nav >> text=Duplications")
    page.wait_for_url(page.base + reverse("coordination:duplications"))
    finding = page.locator("#duplications li.finding").first
    assert "DDR in TD19" in finding.inner_text()
    assert "UNDP" in finding.inner_text() and "MINURCAT DDR unit" in finding.inner_text()
    assert "UNAMID" not in page.locator("main").inner_text()
    shoot(page, "coordination-duplications")

    page.goto(page.base + reverse("coordination:funding") + "?country=TCD")
    gap = page.locator("#funding-gaps li.funding-gap").first
    assert "DDR Vakaga: demobilisation runs (paid from assessed) while reintegration has no funding" \
        in gap.inner_text()
    assert "UNAMID hidden DDR" not in page.locator("main").inner_text()
    shoot(page, "coordination-funding")

    page.goto(page.base + reverse("coordination:activities") + "?country=TCD")
    page.wait_for_selector("#threew-map .leaflet-interactive")  # the Vakaga point drawn by the vendored Leaflet
    shoot(page, "coordination-3w")


def test_gaps_map_and_list_seen_in_the_browser(coordination, page):  # noqa: F811
    import datetime as dt

    from peaceops.coordination import services
    from peaceops.core.classification import Classification

    admin = coordination.users["admin"]
    this_year = dt.date.today().year
    services.need_create(user=admin, country="TCD", sector="FSC", admin1_pcode="TD19",
                         start_date=dt.date(this_year, 1, 1), people_in_need=9500)
    services.need_create(user=admin, country="TCD", sector="HEA", admin1_pcode="TD19",
                         start_date=dt.date(this_year, 1, 1), mission=coordination.unamid,
                         classification=Classification.CONFIDENTIAL)
    log_in(page, "minurcat")
    page.click("nav >> text=Gaps and coordination map")
    page.wait_for_url(page.base + reverse("coordination:gaps"))
    gap = page.locator("#gaps li.gap").first
    assert "Food Security in TD19" in gap.inner_text()
    assert "9,500 in need" in gap.inner_text()
    assert page.locator("#gaps li.gap").count() == 1  # UNAMID's confidential need stays hidden
    row = page.locator("#area-states tr.state-both")
    assert "TD19" in row.inner_text()  # the DDR duplication and the food gap in the same province
    page.wait_for_selector("#coordination-map .area-both")  # drawn by the vendored Leaflet
    shoot(page, "coordination-gaps")
