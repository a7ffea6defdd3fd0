"""The coordination module's pages, mounted at /coordination/ (namespace "coordination")."""

from peaceops.coordination import views

app_name = "coordination"

urlpatterns = views.urlpatterns
