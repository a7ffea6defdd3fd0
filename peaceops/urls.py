"""The project's URLs: every installed app's pages and API, as each declares them (peaceops.core.urlconf)."""

from peaceops.core.urlconf import api_router, build_urlpatterns

router = api_router()  # the API's viewsets; the security walks of the tests go through router.registry
urlpatterns = build_urlpatterns(router)

# Error pages inside the shell's layout (templates 400/403/404.html); Django's 400 renders without the request.
handler400 = "peaceops.web.views.bad_request"
