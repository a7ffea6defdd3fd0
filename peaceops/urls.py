from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import DefaultRouter

from peaceops.accounts import api as accounts_api
from peaceops.cooperation.api import MeetingViewSet
from peaceops.coordination import api as coordination_api
from peaceops.incidents import api as incidents_api
from peaceops.incidents import api_sitrep
from peaceops.registry import api as registry_api

router = DefaultRouter()
for prefix, viewset in registry_api.ROUTES:
    router.register(prefix, viewset)
router.register("grants", accounts_api.GrantViewSet)
for prefix, viewset in incidents_api.ROUTES:
    router.register(prefix, viewset)
router.register("meetings", MeetingViewSet)
for prefix, viewset in coordination_api.ROUTES:
    router.register(prefix, viewset)

api_v1 = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-v1:schema"), name="docs"),
    path("token/", obtain_auth_token, name="token"),
    path("me/", accounts_api.me, name="me"),
    path("sitrep/", api_sitrep.sitrep, name="sitrep"),
    path("", include(router.urls)),
]

urlpatterns = [
    path("api/v1/", include((api_v1, "api-v1"))),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("registry/", include("peaceops.registry.urls")),
    path("incidents/", include("peaceops.incidents.urls")),
    path("coordination/", include("peaceops.coordination.urls")),
    path("", include("peaceops.web.urls")),
]
