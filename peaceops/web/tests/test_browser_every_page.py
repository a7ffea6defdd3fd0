"""Every page as every demo role, in a real browser at desktop and phone width.

For each demo role and each width (1280x800, 390x844), every GET page of the URL resolver that answers the role
with an HTML page is opened in Chromium, with ids of records the role may read. A page fails if it scrolls
sideways (``document.documentElement.scrollWidth > innerWidth``), if the browser logs an error (a script
error, a resource refused by the Content-Security-Policy, a missing file), or if axe-core (vendored from npm,
``vendor/axe-core``) finds a serious or critical accessibility violation of WCAG 2.1 A/AA.

axe scans each page once per width, as the first role that opens it (admin first: it sees every button and
form a page can show); a scan takes about as long as the visit, and scanning every role's copy of the same
template would double the suite for little. Every role still opens every page at both widths.

Pages the role may not open (403/404) or downloads are asked of the server only; the odd-input crawl
(``test_odd_input.py``) checks those answer inside the layout.
Run with ``pytest -m browser peaceops/web/tests/test_browser_every_page.py``.
"""

from collections import defaultdict
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from peaceops.demo import scenario
from peaceops.demo.loader import load_demo
from peaceops.web.tests.browser import log_in
from peaceops.web.tests.page_list import pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()
WIDTHS = ({"width": 1280, "height": 800}, {"width": 390, "height": 844})
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
BLOCKING = ("serious", "critical")


def _html_pages(username: str) -> list[str]:
    """The URLs that answer ``username`` with an HTML page (200), asked of the server in process."""
    user = get_user_model().objects.get(username=username)
    client = Client()
    client.force_login(user)
    urls = []
    for _route, url in pages(user):
        response = client.get(url)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html") \
                and not response.get("Content-Disposition"):
            urls.append(url)
    return urls


def _axe_violations(page) -> list[str]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE)  # evaluated by the browser's devtools protocol: the page's CSP does not apply
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    found = []
    for violation in results["violations"]:
        if violation["impact"] in BLOCKING:
            targets = ", ".join(str(node["target"][0]) for node in violation["nodes"][:3])
            found.append(f"{violation['impact']} {violation['id']} ({violation['help']}): {targets}")
    return found


def _visit(page, url: str, console: list, scan: bool) -> list[str]:
    console.clear()
    page.goto(page.base + url)
    problems = []
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if scroll > inner:
        problems.append(f"{scroll} px wide on a {inner} px screen")
    problems += [f"console: {text}" for text in console]
    if scan:
        problems += _axe_violations(page)
    return problems


@pytest.mark.parametrize("viewport", WIDTHS, ids=lambda viewport: str(viewport["width"]))
def test_every_page_as_every_role_fits_logs_no_error_and_passes_axe(browser, live_server, viewport):
    load_demo()
    failures = defaultdict(list)
    visited, scanned = 0, set()
    roles = sorted((demo.username for demo in scenario.DEMO_USERS), key=lambda name: name != "admin")
    for username in roles:
        context = browser.new_context(viewport=viewport, locale="en-GB")
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.base = live_server.url
        console = []
        page.on("console", lambda message, c=console: c.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error, c=console: c.append(str(error)))
        log_in(page, username)
        for url in _html_pages(username):
            route = url.split("?")[0]
            for problem in _visit(page, url, console, scan=route not in scanned):
                failures[problem].append(f"{username} {url}")
            scanned.add(route)
            visited += 1
        context.close()
    print(f"{visited} page visits, {len(scanned)} pages scanned by axe at {viewport['width']} px")
    assert visited > 100 and len(scanned) > 40, "every role opened its pages"
    report = [f"{problem}\n    on {len(where)} visits, e.g. {'; '.join(where[:4])}"
              for problem, where in sorted(failures.items())]
    assert not failures, f"{len(failures)} distinct problems:\n" + "\n".join(report)
