from django.contrib.auth import views as auth_views
from django.urls import path

from peaceops.web import search, views

app_name = "web"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),  # POST only (Django 5)
    path("scope/", views.choose_scope, name="choose-scope"),
    path("map/", views.map_page, name="map"),
    path("map/data/", views.map_data, name="map-data"),
    path("modules/<slug:slug>/", views.module_page, name="module"),
    path("search/", search.search_page, name="search"),
    path("", views.home, name="home"),
]
