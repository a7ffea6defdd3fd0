"""The mandates pages (namespace "mandates"), mounted at /mandates/."""

from peaceops.mandates import views, views_checklist, views_plans

app_name = "mandates"

urlpatterns = views.urlpatterns + views_plans.urlpatterns + views_checklist.urlpatterns
