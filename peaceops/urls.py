from django.contrib import admin
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from peaceops.accounts import api as accounts_api
from peaceops.accounts import api_docs
from peaceops.analysis import api as analysis_api
from peaceops.assets import api as assets_api
from peaceops.cooperation import api as cooperation_api
from peaceops.coordination import api as coordination_api
from peaceops.incidents import api as incidents_api
from peaceops.incidents.sitrep import api as sitrep_api
from peaceops.leadership import api as leadership_api
from peaceops.mandates import api as mandates_api
from peaceops.notifications import api as notifications_api
from peaceops.registry import api as registry_api
from peaceops.reports import api as reports_api
from peaceops.web import search as web_search

router = DefaultRouter()
for prefix, viewset in registry_api.ROUTES:
    router.register(prefix, viewset)
router.register("grants", accounts_api.GrantViewSet)
for prefix, viewset in incidents_api.ROUTES:
    router.register(prefix, viewset)
# Each app lists its (prefix, viewset) pairs in api.ROUTES, and any endpoint outside a viewset in api.PATHS.
APPS_API = (cooperation_api, coordination_api, analysis_api, mandates_api, assets_api, reports_api,
            notifications_api, leadership_api)
for app_api in APPS_API:
    for prefix, viewset in app_api.ROUTES:
        router.register(prefix, viewset)

api_v1 = [
    path("schema/", api_docs.SchemaView.as_view(), name="schema"),
    path("docs/", api_docs.DocsView.as_view(url_name="api-v1:schema"), name="docs"),
    path("token/", accounts_api.obtain_token, name="token"),
    path("tokens/", accounts_api.tokens, name="tokens"),
    path("tokens/revoke/", accounts_api.revoke_token, name="revoke-token"),
    path("me/", accounts_api.me, name="me"),
    path("sitrep/", sitrep_api.sitrep, name="sitrep"),
    path("search/", web_search.search_api, name="search"),
    *[extra for app_api in APPS_API for extra in getattr(app_api, "PATHS", [])],
    path("", include(router.urls)),
]

urlpatterns = [
    path("api/v1/", include((api_v1, "api-v1"))),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("registry/", include("peaceops.registry.urls")),
    path("incidents/", include("peaceops.incidents.urls")),
    path("coordination/", include("peaceops.coordination.urls")),
    path("cooperation/", include("peaceops.cooperation.urls")),
    path("analysis/", include("peaceops.analysis.urls")),
    path("mandates/", include("peaceops.mandates.urls")),
    path("leadership/", include("peaceops.leadership.urls")),
    path("assets/", include("peaceops.assets.urls")),
    path("reports/", include("peaceops.reports.urls")),
    path("notifications/", include("peaceops.notifications.urls")),
    path("jobs/", include("peaceops.jobs.urls")),
    path("", include("peaceops.web.urls")),
]

# Error pages inside the shell's layout (templates 400/403/404.html); Django's 400 renders without the request.
handler400 = "peaceops.web.views.bad_request"
