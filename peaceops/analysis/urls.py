"""The analysis pages (namespace "analysis")."""

app_name = "analysis"

urlpatterns: list = []
