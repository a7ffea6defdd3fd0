"""The OpenAPI schema and its Swagger UI, behind a login unless PEACEOPS_PUBLIC_API_SCHEMA opens them.

The schema lists every collection, filter and field of the installation: a map for an intruder.
The Swagger UI is drf-spectacular's "split" view, whose start-up script is a file of its own, so
that the page runs under a Content-Security-Policy without inline scripts.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny, IsAuthenticated


def _public() -> bool:
    return bool(getattr(settings, "PEACEOPS_PUBLIC_API_SCHEMA", False))


class SchemaView(SpectacularAPIView):
    def get_permissions(self):
        return [AllowAny() if _public() else IsAuthenticated()]


class DocsView(SpectacularSwaggerSplitView):
    permission_classes = [AllowAny]  # a person is sent to the login page instead of a bare 401

    def get(self, request, *args, **kwargs):
        if not _public() and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return super().get(request, *args, **kwargs)
