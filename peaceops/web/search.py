"""The global search: the box in the top bar of every page, its results page and its API endpoint.

What is found comes from every installed app's search provider (peaceops.core.search), each reading
through its own selectors: a reader finds only records of missions and levels they are cleared for.
Any query answers a normal page: a blank, too short, very long or odd one (SQL or HTML characters)
is read as plain words, bound as values and escaped on output.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response

from peaceops.core import search as global_search
from peaceops.core.classification import Classification


def _marking(hit) -> str:
    """A hit's classification marking (as the sitrep marks its items); "" for reference data."""
    return "" if hit.classification is None else str(Classification(hit.classification).label).upper()


def _as_dicts(groups) -> list[dict]:
    """The groups as the page and the API show them, each hit with its marking."""
    return [{"key": group.key, "title": group.title, "count": group.count, "more_url": group.more_url,
             "hits": [{"title": hit.title, "url": hit.url, "detail": hit.detail, "classification": hit.classification,
                       "marking": _marking(hit)} for hit in group.hits]}
            for group in groups]


@login_required
@require_GET
def search_page(request):
    query = request.GET.get("q", "")[: global_search.MAX_QUERY_LENGTH]
    words, groups = global_search.search(request.user, query)
    groups = _as_dicts(groups)
    return render(request, "web/search.html", {
        "query": query, "global_query": query, "words": words, "groups": groups,
        "total": sum(group["count"] for group in groups),
        "too_short": bool(query.strip()) and not words})


_HIT = inline_serializer("SearchHit", {"title": serializers.CharField(), "url": serializers.CharField(),
                                       "detail": serializers.CharField(),
                                       "classification": serializers.IntegerField(allow_null=True),
                                       "marking": serializers.CharField()}, many=True)
_GROUP = inline_serializer("SearchGroup", {"key": serializers.CharField(), "title": serializers.CharField(),
                                           "count": serializers.IntegerField(), "more_url": serializers.CharField(),
                                           "hits": _HIT})


@extend_schema(
    parameters=[OpenApiParameter("q", str, description="words to find, every one of them (at most 8)")],
    responses=inline_serializer("SearchResults", {"query": serializers.CharField(),
                                                  "words": serializers.ListField(child=serializers.CharField()),
                                                  "groups": serializers.ListField(child=_GROUP)}))
@api_view(["GET"])
def search_api(request):
    """Records the caller may read holding every word of ``q``: incidents, actors, places, people, reports, 3W
    activities, framework library items and lessons, grouped by kind with their count and the first few."""
    query = request.query_params.get("q", "")[: global_search.MAX_QUERY_LENGTH]
    words, groups = global_search.search(request.user, query)
    return Response({"query": query, "words": words, "groups": _as_dicts(groups)})


PATHS = [path("search/", search_api, name="search")]  # mounted under /api/v1/ by peaceops.urls
