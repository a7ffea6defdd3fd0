"""The analysis pages, mounted at /analysis/ (namespace "analysis")."""

from django.urls import path

from peaceops.analysis import views, views_fusion

app_name = "analysis"

urlpatterns = [*views.urlpatterns, path("fusion/", views_fusion.fusion, name="fusion")]
