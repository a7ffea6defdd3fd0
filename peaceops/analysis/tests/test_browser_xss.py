"""Stored DOM XSS on the armed-group map: an incident's admin1 (typed by an officer or imported from an
``adm_1`` column) shown in a Leaflet tooltip must appear as text and never run.

Run with ``pytest -m browser peaceops/analysis/tests/test_browser_xss.py`` (needs Debian's Chromium).
"""

import pytest
from django.urls import reverse

from peaceops.incidents.models import Incident
from peaceops.web.tests.test_browser import log_in

pytestmark = pytest.mark.browser

PAYLOAD = "<img src=x onerror=alert(1)>"


def test_a_hostile_admin1_shows_as_text_on_the_group_map(analysis_world, page):
    chad = [i.pk for i in analysis_world["incidents"]["chad"]]
    Incident.objects.filter(pk__in=chad).update(admin1=PAYLOAD)
    dialogs, violations = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)

    log_in(page, "minurcat")
    for url in (reverse("analysis:groups"), reverse("analysis:group", args=[analysis_world["group"].pk])):
        page.goto(page.base + url)
        page.wait_for_selector("#group-map[data-ready='1'] .leaflet-interactive")
        marker = page.locator("#group-map path.leaflet-interactive").last
        marker.hover(force=True)
        tooltip = page.locator(".leaflet-tooltip")
        tooltip.wait_for()
        assert PAYLOAD in tooltip.inner_text()  # the text itself, literally
        assert page.locator(".leaflet-tooltip img").count() == 0  # not an element
        page.wait_for_timeout(300)  # an onerror would fire by now
    assert dialogs == []
    assert violations == []  # nothing on the page needed what the policy forbids
