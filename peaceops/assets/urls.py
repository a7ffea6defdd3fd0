"""The assets pages (namespace "assets"), mounted at /assets/."""

from peaceops.assets import views

app_name = "assets"

urlpatterns = views.urlpatterns
