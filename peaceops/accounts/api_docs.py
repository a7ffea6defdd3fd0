"""The OpenAPI schema and its Swagger UI, behind a login unless PEACEOPS_PUBLIC_API_SCHEMA opens them.

The schema lists every collection, filter and field of the installation: a map for an intruder.
The Swagger UI is drf-spectacular's "split" view, whose start-up script is a file of its own, so
that the page runs under a Content-Security-Policy without inline scripts.

The schema (about 700 KB) is the same for every reader, and generating and rendering it takes a
second or two: it is made once per process for each (peaceops version, API version, language,
format) and served from memory afterwards, so the docs page opens at once. A deployment is a
new version or a restart, either of which starts from an empty cache.
"""

import threading

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.utils.translation import get_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny, IsAuthenticated

import peaceops

_schemas: dict[tuple, tuple[bytes, str, str]] = {}
_lock = threading.Lock()


def _public() -> bool:
    return bool(getattr(settings, "PEACEOPS_PUBLIC_API_SCHEMA", False))


def clear_schema_cache() -> None:
    """Forget every cached schema (tests that change the URLs or the schema settings)."""
    with _lock:
        _schemas.clear()


class SchemaView(SpectacularAPIView):
    def get_permissions(self):
        return [AllowAny() if _public() else IsAuthenticated()]

    def schema_key(self, request) -> tuple:
        language = request.GET.get("lang") if settings.USE_I18N and request.GET.get("lang") else get_language()
        return (peaceops.__version__, settings.SPECTACULAR_SETTINGS.get("VERSION"), request.version, language,
                request.accepted_media_type)

    def get(self, request, *args, **kwargs):
        key = self.schema_key(request)
        cached = _schemas.get(key)
        if cached is None:
            with _lock:  # one request generates; others arriving meanwhile wait for its result
                cached = _schemas.get(key)
                if cached is None:
                    response = super().get(request, *args, **kwargs)
                    renderer = request.accepted_renderer
                    body = renderer.render(response.data, request.accepted_media_type, self.get_renderer_context())
                    content_type = request.accepted_media_type
                    if renderer.charset:
                        content_type = f"{content_type}; charset={renderer.charset}"
                    cached = (body, content_type, response["Content-Disposition"])
                    _schemas[key] = cached
        body, content_type, disposition = cached
        answer = HttpResponse(body, content_type=content_type)
        answer["Content-Disposition"] = disposition
        return answer


class DocsView(SpectacularSwaggerSplitView):
    permission_classes = [AllowAny]  # a person is sent to the login page instead of a bare 401
    template_name = "accounts/api_docs.html"  # drf-spectacular's page with a way back to the application

    def get(self, request, *args, **kwargs):
        if not _public() and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return super().get(request, *args, **kwargs)
