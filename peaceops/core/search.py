"""The global search: the words of a query, and the groups every app's search provider finds for them.

Each app that holds records worth finding declares a provider in its ``plugin.py``
(``Plugin(search=Provider("peaceops.<app>.search"))``, peaceops.core.plugins): a module with::

    def search(user, words: list[str], limit: int) -> list[SearchGroup]

that reads through the app's own selectors (so the reader finds only what they may read: missions and
classification levels they are cleared for) and keeps the records holding every word. This module
imports no app.
"""

from __future__ import annotations

import unicodedata
from functools import reduce
from operator import and_, or_

from django.db.models import Q

from peaceops.core import plugins
from peaceops.core.plugins import SearchGroup

# A query is a handful of words: more would only lengthen the SQL (each word is one OR of LIKEs per field).
MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
MAX_WORD_LENGTH = 60
MIN_QUERY_LENGTH = 2
HITS_PER_GROUP = 5


def words(query: str | None) -> list[str]:
    """The distinct words of ``query``, at most ``MAX_WORDS``; none when it is blank or too short to mean much.

    Control characters (a NUL byte PostgreSQL refuses, line breaks) separate words; SQL and HTML
    metacharacters stay as they are: the ORM binds them as values and the templates escape them.
    """
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in (query or "")[:MAX_QUERY_LENGTH])
    found: list[str] = []
    for word in text.split():
        word = word[:MAX_WORD_LENGTH]
        if word.casefold() not in {w.casefold() for w in found}:
            found.append(word)
    if sum(len(w) for w in found) < MIN_QUERY_LENGTH:
        return []
    return found[:MAX_WORDS]


def every_word(words_: list[str], *fields: str, extra=None) -> Q:
    """Rows holding every word in one of ``fields`` (case-insensitive); ``extra(word)`` adds a Q per word."""
    per_word = []
    for word in words_:
        alternatives = [Q(**{f"{name}__icontains": word}) for name in fields]
        if extra is not None:
            alternatives.append(extra(word))
        per_word.append(reduce(or_, alternatives))
    return reduce(and_, per_word) if per_word else Q(pk__in=[])


def group(key: str, title: str, queryset, hit, limit: int, more_url: str = "") -> SearchGroup | None:
    """A group of the first ``limit`` rows of ``queryset`` (``hit(row) -> SearchHit``), or None if it is empty."""
    count = queryset.count()
    if not count:
        return None
    return SearchGroup(key=key, title=str(title), count=count, hits=tuple(hit(row) for row in queryset[:limit]),
                       more_url=more_url)


def search(user, query: str | None, limit: int = HITS_PER_GROUP) -> tuple[list[str], list[SearchGroup]]:
    """The words read from ``query`` and what each installed app's provider finds for ``user``, in order."""
    found_words = words(query)
    if not found_words or user is None or not getattr(user, "is_authenticated", False):
        return found_words, []
    groups: list[SearchGroup] = []
    for provider in plugins.provider_modules("search"):
        groups.extend(g for g in provider.search(user, found_words, limit) if g is not None)
    return found_words, groups
