"""The project's URLs built afresh while the example app is installed: the running process built its own
before the test installed the app, so the test builds them again with the project's own builder."""

from peaceops.core.urlconf import build_urlpatterns

urlpatterns = build_urlpatterns()
handler400 = "peaceops.web.views.bad_request"
