"""The example app's API: one endpoint outside a viewset, mounted under /api/v1/ from its declaration."""

from django.http import JsonResponse
from django.urls import path


def almanac_days(request):
    return JsonResponse({"days": 1})


ROUTES: list[tuple] = []
PATHS = [path("almanac/", almanac_days, name="almanac")]
