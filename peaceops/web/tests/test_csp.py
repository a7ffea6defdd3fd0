"""Content-Security-Policy: every HTML page forbids inline script, and no template or script needs it.

A name typed by an officer or brought by an import (an incident's admin1, a group's name) that
reached HTML unescaped could otherwise run as script in every reader's session. Two layers: the
scripts escape data with one helper (web/static/web/escape.js) and the policy forbids inline script.
"""

import re
from pathlib import Path

import pytest
from django.urls import reverse

PACKAGE = Path(__file__).resolve().parents[2]
TEMPLATES = sorted(p for p in PACKAGE.glob("*/templates/**/*.html"))
SCRIPTS = sorted(p for p in PACKAGE.glob("*/static/**/*.js") if "vendor" not in p.parts)
SKIP = ("/logout/", "/i18n/", "/static/", "/api/", "/admin/")


def script_src(response) -> str:
    policy = response.get("Content-Security-Policy", "")
    directives = dict((part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip())
    return directives.get("script-src", directives.get("default-src", ""))


def assert_strict(response, url):
    assert "Content-Security-Policy" in response, f"{url}: no Content-Security-Policy header"
    source = script_src(response)
    assert source and "'unsafe-inline'" not in source and "'unsafe-eval'" not in source, f"{url}: {source}"


def test_every_html_page_carries_a_policy_without_inline_script(shell_world, client):
    client.force_login(shell_world.users["admin"])
    home = client.get(reverse("web:home"))
    links = set(re.findall(r'href="(/[^"#?]*)', home.content.decode())) - {"/"}
    checked = 0
    for url in sorted(links):
        if url.startswith(SKIP):
            continue
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            assert_strict(response, url)
            checked += 1
    assert checked >= 10  # the navigation's pages were reached
    for url in ("/", "/api/v1/docs/", "/admin/"):
        assert_strict(client.get(url), url)
    client.logout()
    assert_strict(client.get(reverse("web:login")), "login")


def test_an_error_page_carries_the_policy_too(db, client):
    assert_strict(client.get("/no-such-page/"), "404")


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_template_has_inline_script_or_handlers(template):
    text = template.read_text()
    for tag in re.findall(r"<script\b[^>]*>", text, flags=re.I):
        assert "src=" in tag or 'type="application/json"' in tag, f"inline script: {tag}"
    handlers = re.findall(r"<[^>]*\son[a-z]+\s*=", text, flags=re.I)
    assert not handlers, f"inline event handler: {handlers[0]}"
    assert "javascript:" not in text.lower()


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_scripts_write_data_into_html_only_through_the_escaping_helper(script):
    text = script.read_text()
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\(|document\.write\(", text)
    # Leaflet reads a string given to bindTooltip/bindPopup as HTML: escaped text, or a DOM node built with textContent.
    for argument in re.findall(r"\.bind(?:Tooltip|Popup)\(\s*([A-Za-z_]+\(?)", text):
        assert argument in ("esc(", "label", "link", "popupText("), f"{script.name}: bindTooltip/bindPopup({argument}"
    if ".bindTooltip(" in text or ".bindPopup(" in text:
        assert "window.peaceops.escapeHtml" in text or "popupText" in text or "link" in text
