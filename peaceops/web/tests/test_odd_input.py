"""No page fails on odd input: every GET page, as every demo role, with odd query values.

The crawl reads every route of the URL resolver (ids filled with a record the role may read), notes which query
keys each page reads, then asks again with odd values in those keys (and in the usual filter keys): dates out of
any sane range or malformed, ids too large for the database, negative numbers, unknown choices. A page may answer
200, a form error, or a 400/403/404 page inside the layout; never a server error, never a bare error page.
"""

import sys
import time

from django.contrib.auth import get_user_model
from django.core.signals import got_request_exception
from django.http import QueryDict
from django.test import Client, TestCase
from django.utils.datastructures import MultiValueDict

from peaceops.demo import scenario
from peaceops.demo.loader import load_demo
from peaceops.web.tests import page_list

# The filter keys every list may read, asked of every page whether it reads them or not.
USUAL_KEYS = ("date", "as_of", "start", "end", "mission", "region", "country", "classification", "page",
              "page_size", "category", "status", "actor")
ODD_VALUES = ("0001-01-01", "9999-12-31", "bad", "2009-13-45", "99999999999999999999", "-1", "zz-unknown")
# For the keys a page was seen reading, each odd value alone (so that an early refusal hides no later crash).
ODD_ALONE = ("0001-01-01", "9999-12-31", "bad", "99999999999999999999", "-1")
BARE_OK = ("/api/",)  # JSON answers: their own error body


class _Reads:
    """Which query keys a request reads: QueryDict's read methods, recorded while ``active``."""

    keys: set = set()
    active = False

    @classmethod
    def patch(cls):
        cls.originals = {}
        for name in ("get", "getlist", "__getitem__", "__contains__"):
            original = getattr(MultiValueDict, name)
            cls.originals[name] = original

            def reading(self, key, *args, _original=original, **kwargs):
                if _Reads.active and isinstance(self, QueryDict) and isinstance(key, str):
                    _Reads.keys.add(key)
                return _original(self, key, *args, **kwargs)

            setattr(QueryDict, name, reading)

    @classmethod
    def unpatch(cls):
        for name in cls.originals:
            delattr(QueryDict, name)


class TestOddInput(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()

    def setUp(self):
        self.crashes = {}
        got_request_exception.connect(self._crashed)
        _Reads.patch()
        self.addCleanup(_Reads.unpatch)
        self.addCleanup(got_request_exception.disconnect, self._crashed)

    def _crashed(self, sender, request=None, **kwargs):
        error = sys.exc_info()[1]
        if request is not None:
            self.crashes[request.get_full_path()] = f"{type(error).__name__}: {error}"

    @staticmethod
    def pages(user) -> list[tuple[str, str]]:
        """(route, URL) of every GET page, its ids those of a record ``user`` may read, and the sitrep's formats."""
        urls = page_list.pages(user)
        urls += [(f"sitrep.{fmt}", f"/incidents/sitrep/?format={fmt}") for fmt in ("json", "md", "html")]
        urls += [("api-sitrep", "/api/v1/sitrep/?mission=MINURCAT")]
        return urls

    def _check(self, client, url, failures):
        started = time.monotonic()
        response = client.get(url)
        self.timings.append((time.monotonic() - started, url))
        status = response.status_code
        if status >= 500:
            failures.append(f"{status} {url}  {self.crashes.get(url, '')}")
        elif status in (400, 403, 404) and not url.startswith(BARE_OK) \
                and "json" not in response.get("Content-Type", ""):
            body = b"".join(response.streaming_content) if response.streaming else response.content
            if b'id="content"' not in body:
                failures.append(f"{status} outside the layout: {url}")
        return response

    def crawl(self, turn: int, username: str, reads: dict) -> list[str]:
        """One role's crawl; ``turn`` rotates the odd values so that the roles together try them all.

        The first role's plain visit of each page notes the keys it reads (``reads``, by route). Each role then
        asks once with every key odd at the same time and once per read key alone (the alone values shared out
        between the roles), so that a page refusing its first bad key still has its later keys tried.
        """
        user = get_user_model().objects.get(username=username)
        client = Client(raise_request_exception=False)
        client.force_login(user)
        failures = []
        for number, (route, url) in enumerate(self.pages(user)):
            joiner = "&" if "?" in url else "?"
            if route not in reads:
                _Reads.keys, _Reads.active = set(), True
                self._check(client, url, failures)
                _Reads.active = False
                reads[route] = sorted(_Reads.keys - {"next", "format"})
            keys = sorted(set(USUAL_KEYS) | set(reads[route]))
            query = "&".join(f"{key}={ODD_VALUES[(turn + number + k) % len(ODD_VALUES)]}"
                             for k, key in enumerate(keys))
            self._check(client, f"{url}{joiner}{query}", failures)
            for k, key in enumerate(reads[route]):
                if (turn + k) % 3 == 0:  # each key alone for a third of the roles
                    value = ODD_ALONE[(turn + number + k) % len(ODD_ALONE)]
                    self._check(client, f"{url}{joiner}{key}={value}", failures)
        return failures

    def test_no_page_fails_on_odd_query_values_for_any_demo_role(self):
        started = time.monotonic()
        self.timings, failures, reads = [], [], {}
        roles = sorted((demo.username for demo in scenario.DEMO_USERS), key=lambda name: name != "admin")
        for turn, username in enumerate(roles):  # admin first: it reaches every page, so it notes what they read
            failures += [f"{username}: {f}" for f in self.crawl(turn, username, reads)]
        print(f"{len(self.timings)} requests in {time.monotonic() - started:.1f} s")
        assert sum(map(len, reads.values())) > 20, "the pages were seen reading their query keys"
        assert not failures, f"{len(failures)} failures:\n" + "\n".join(sorted(set(failures)))
