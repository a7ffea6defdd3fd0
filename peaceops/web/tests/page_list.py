"""Every GET page of the URL resolver, with ids filled by records a given user may read.

Shared by the tests that visit every page as every demo role: the odd-input crawl (server side) and the
browser pass (width, console errors, accessibility). A page the walk does not know how to fill gets id 1.
"""

import re

from django.apps import apps
from django.urls import get_resolver

from peaceops.accounts.access import can_read_record
from peaceops.core.tests.test_canary import PAGE_IDS, SKIPPED_PREFIXES, _walk
from peaceops.registry.models import AdminArea
from peaceops.web import modules


def readable_id(user, label: str) -> int:
    """The first record of ``label`` the user may read (the first of all if the model has no level)."""
    model = apps.get_model(label)
    candidates = model.objects.order_by("pk")[:40]
    if "classification" in {f.name for f in model._meta.concrete_fields}:
        for record in candidates:
            if can_read_record(user, record):
                return record.pk
    first = model.objects.order_by("pk").first()
    return first.pk if first else 1


def _value(user, name: str, param: str, filled: dict):
    from peaceops.reports.models import Report

    if name == "reports:section-edit" and param == "section_id":
        section = Report.objects.get(pk=filled["report_id"]).sections.order_by("pk").first()
        return section.pk if section else 1
    if param == "report_id":
        return readable_id(user, "reports.Report")
    if name == "reports:approve-part":
        return readable_id(user, "registry.Mission")
    if name == "reports:export":
        return "md"
    if name == "registry:country-detail":
        return "TCD"
    if name == "registry:area-detail":
        return AdminArea.objects.order_by("pk").values_list("pcode", flat=True).first() or "TD01"
    if name == "web:module" or param == "slug":
        return modules.MODULES[0].slug
    label = PAGE_IDS.get(name)
    return readable_id(user, label) if label else 1  # a page the canary does not know yet


def pages(user) -> list[tuple[str, str]]:
    """(route, URL) of every GET page outside the API, its ids those of a record ``user`` may read."""
    urls = []
    for route, name in _walk(get_resolver().url_patterns):
        if route.startswith("api/") or route.startswith(SKIPPED_PREFIXES) or "(?P<" in route \
                or route.startswith("^"):
            continue
        params = re.findall(r"<(?:(\w+):)?(\w+)>", route)
        values = {}
        for _converter, param in params:
            values[param] = _value(user, name, param, values)
        urls.append((route, "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m, v=values: str(v[m.group(1)]), route)))
    return urls
