"""The example app's search provider (peaceops.core.search): one fixed record, for any reader."""

from peaceops.core.plugins import SearchGroup, SearchHit


def search(user, words, limit):
    if "almanac" not in (word.casefold() for word in words):
        return []
    return [SearchGroup(key="almanac", title="Almanac", count=1, hits=(SearchHit("Almanac day", "/almanac/"),))]
