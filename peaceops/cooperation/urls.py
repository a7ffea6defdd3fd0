"""The inter-mission cooperation pages (namespace "cooperation")."""

app_name = "cooperation"

urlpatterns: list = []
