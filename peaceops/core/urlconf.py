"""The project's URLs, built from what each app declares (peaceops.core.plugins): its pages and its API.

Adding an app edits nothing here: its ``plugin.py`` names its page module (``Pages``) and its API module (one
with ``ROUTES`` and ``PATHS``), and :func:`build_urlpatterns` mounts them. ``peaceops.urls`` builds them once
for the process; a test that installs an app builds them again.
"""

from importlib import import_module

from django.contrib import admin
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from peaceops.core import plugins


def api_patterns() -> list:
    """``/api/v1/``: each app's endpoints outside a viewset (``PATHS``), then its viewsets (``ROUTES``)."""
    router = DefaultRouter()
    extra = []
    for module_name in plugins.api_modules():
        module = import_module(module_name)
        for prefix, viewset in getattr(module, "ROUTES", ()):
            router.register(prefix, viewset)
        extra.extend(getattr(module, "PATHS", ()))
    return [*extra, path("", include(router.urls))]


def build_urlpatterns() -> list:
    return [
        path("api/v1/", include((api_patterns(), "api-v1"))),
        path("admin/", admin.site.urls),
        path("i18n/", include("django.conf.urls.i18n")),
        *[path(pages.prefix, include(pages.module)) for pages in plugins.page_mounts()],
    ]
