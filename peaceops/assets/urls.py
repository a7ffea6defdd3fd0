"""The assets pages (namespace "assets")."""

app_name = "assets"

urlpatterns: list = []
