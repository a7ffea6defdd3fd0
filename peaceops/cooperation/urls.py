"""The inter-mission cooperation pages (namespace "cooperation")."""

from peaceops.cooperation import views

app_name = "cooperation"

urlpatterns = views.urlpatterns
