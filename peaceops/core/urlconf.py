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


def _api_modules():
    return [import_module(name) for name in plugins.api_modules()]


def api_router() -> DefaultRouter:
    """Every app's viewsets (``ROUTES``), in INSTALLED_APPS order."""
    router = DefaultRouter()
    for module in _api_modules():
        for prefix, viewset in getattr(module, "ROUTES", ()):
            router.register(prefix, viewset)
    return router


def api_patterns(router: DefaultRouter) -> list:
    """``/api/v1/``: each app's endpoints outside a viewset (``PATHS``), then the router's viewsets."""
    extra = [pattern for module in _api_modules() for pattern in getattr(module, "PATHS", ())]
    return [*extra, path("", include(router.urls))]


def build_urlpatterns(router: DefaultRouter | None = None) -> list:
    return [
        path("api/v1/", include((api_patterns(router or api_router()), "api-v1"))),
        path("admin/", admin.site.urls),
        path("i18n/", include("django.conf.urls.i18n")),
        *[path(pages.prefix, include(pages.module)) for pages in plugins.page_mounts()],
    ]
