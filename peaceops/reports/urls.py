"""The reports pages, mounted at /reports/ (namespace "reports")."""

from peaceops.reports import views

app_name = "reports"

urlpatterns = views.urlpatterns
