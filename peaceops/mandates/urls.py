"""The mandates pages (namespace "mandates")."""

app_name = "mandates"

urlpatterns: list = []
