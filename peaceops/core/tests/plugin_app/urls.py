"""The example app's own pages, mounted under /almanac/ by the project because its plugin.py declares them."""

from django.http import HttpResponse
from django.urls import path


def days(request):
    return HttpResponse("almanac days")


app_name = "plugin_app"
urlpatterns = [path("", days, name="days")]
