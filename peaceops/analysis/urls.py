"""The analysis pages, mounted at /analysis/ (namespace "analysis")."""

from peaceops.analysis import views

app_name = "analysis"

urlpatterns = views.urlpatterns
