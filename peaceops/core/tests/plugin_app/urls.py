"""The project's URLs with the example app's page mounted: what one line in peaceops/urls.py would do."""

from django.http import HttpResponse
from django.urls import include, path

from peaceops.urls import urlpatterns as project_urlpatterns


def days(request):
    return HttpResponse("almanac days")


urlpatterns = [path("almanac/", include(([path("", days, name="days")], "plugin_app"))), *project_urlpatterns]
handler400 = "peaceops.web.views.bad_request"
