from django.contrib.auth import views as auth_views
from django.urls import path

from peaceops.web import views

app_name = "web"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("scope/", views.choose_scope, name="choose-scope"),
    path("", views.home, name="home"),
]
