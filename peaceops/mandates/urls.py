"""The mandates pages (namespace "mandates"), mounted at /mandates/."""

from peaceops.mandates import views

app_name = "mandates"

urlpatterns = views.urlpatterns
