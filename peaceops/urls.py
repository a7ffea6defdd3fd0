"""The project's URLs: every installed app's pages and API, as each declares them (peaceops.core.urlconf)."""

from peaceops.core.urlconf import build_urlpatterns

urlpatterns = build_urlpatterns()

# Error pages inside the shell's layout (templates 400/403/404.html); Django's 400 renders without the request.
handler400 = "peaceops.web.views.bad_request"
