"""Every page in French shows no message left in English.

A French reader (the language cookie) visits every GET page of the demo, as the crawl of odd input does, and
the visible text of each page is compared with the English msgids of the catalogues: a msgid shown as it is,
whose French differs from it, is a message left untranslated (a string never marked for translation, a
catalogue not compiled, a label built in Python outside gettext). Words that French writes the same
("Score", "Application", "Notifications", "CSV") have a translation equal to the msgid and are not counted;
data (place names, descriptions, actor names) is not in the catalogues and is not counted either.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.contrib.auth import get_user_model
from django.test import Client, TestCase

import peaceops
from peaceops.demo.loader import load_demo
from peaceops.web.tests import test_odd_input  # the module, not its class: pytest would run that crawl here

ROOT = Path(peaceops.__file__).parent
SKIPPED = ("/api/", "/admin/")
# Shown verbatim and rightly so: the language menu names English in English.
OWN_NAMES = {"English"}
# Data the demo wrote in English that happens to equal a msgid (a component named "disarmament", a meeting
# subject "Security", an indicator's unit "people"): records, not messages.
DATA_WORDS = {"Human Rights", "Security", "people", "disarmament", "demobilisation", "reinsertion", "reintegration"}
# A drafted report's sections are a document in the language it was drafted in (stored text), not the page's.
STORED_TEXT = re.compile(r'<section class="card report-section".*?</section>', re.S)


def english_only_msgids() -> dict[str, re.Pattern]:
    """msgid -> a pattern matching it as shown (placeholders as any text), for msgids whose French differs."""
    patterns = {}
    for path in sorted(ROOT.glob("*/locale/fr/LC_MESSAGES/django.po")) + [ROOT / "locale/fr/LC_MESSAGES/django.po"]:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.translated() or entry.msgid_plural:
                continue
            text = " ".join(entry.msgid.split())
            if entry.msgstr.strip() == entry.msgid.strip() or len(text) < 4 or not re.search(r"[a-z]{3}", text) \
                    or text in OWN_NAMES | DATA_WORDS:
                continue
            parts = re.split(r"%\(\w+\)[sd]|%[sd]|\{\w*\}", text)
            if len(parts) > 1 and sum(len(p.strip()) for p in parts) < 12:
                continue  # mostly placeholders: too little English to know it by
            patterns[entry.msgid] = re.compile("^" + ".+?".join(re.escape(p) for p in parts) + "$")
    return patterns


class _Text(HTMLParser):
    """The visible text of a page, one chunk per text node (scripts, styles and the SVG's tooltips left out)."""

    def __init__(self):
        super().__init__()
        self.chunks, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "title", "code", "pre"):
            self.skip += 1
        for name, value in attrs:
            if name in ("placeholder", "aria-label") and value:
                self.chunks.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title", "code", "pre") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        text = " ".join(data.split()).strip(" :·–—()")
        if text and not self.skip:
            self.chunks.append(text)


def untranslated_on(html: str, patterns: dict[str, re.Pattern]) -> set[str]:
    parser = _Text()
    parser.feed(STORED_TEXT.sub("", html))
    found = set()
    for chunk in set(parser.chunks):
        for msgid, pattern in patterns.items():
            if pattern.match(chunk) or pattern.match(chunk.rstrip(".:")):
                found.add(msgid)
    return found


def test_the_scanner_finds_english_left_on_a_page_and_ignores_shared_words():
    patterns = {"Open requests for information": re.compile("^Open requests for information$"),
                "No. %(id)s: %(reason)s": re.compile("^No\\. .+?: .+?$")}
    page = "<h2>Open requests for information</h2><p>Score</p><script>var x='Open requests for information'</script>"
    assert untranslated_on(page, patterns) == {"Open requests for information"}
    assert untranslated_on("<h2>Demandes d’information ouvertes</h2>", patterns) == set()


class TestFrenchPages(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()

    def test_every_page_in_french_shows_no_english_message(self):
        patterns = english_only_msgids()
        assert len(patterns) > 500
        crawler = test_odd_input.TestOddInput()
        pages = {}
        for username in ("admin", "joc.minurcat", "planner.region"):
            user = get_user_model().objects.get(username=username)
            client = Client(raise_request_exception=False)
            client.force_login(user)
            client.cookies["django_language"] = "fr"
            for _route, url in crawler.pages(user):
                if url.startswith(SKIPPED) or "format=" in url or url in pages:
                    continue
                response = client.get(url)
                if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                    continue
                body = b"".join(response.streaming_content) if response.streaming else response.content
                pages[url] = untranslated_on(body.decode(), patterns)
        assert len(pages) > 60, f"only {len(pages)} pages answered"
        left = {url: sorted(found) for url, found in pages.items() if found}
        assert not left, "English left on French pages:\n" + "\n".join(f"{url}: {found}" for url, found in left.items())
