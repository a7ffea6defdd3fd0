"""REST endpoints of peaceops.analysis under /api/v1/: (prefix, viewset) pairs the router registers."""

ROUTES: list[tuple] = []
# Endpoints outside a viewset (django.urls.path objects), mounted under /api/v1/.
PATHS: list = []
