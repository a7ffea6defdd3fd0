from django.urls import path

from peaceops.leadership import views

app_name = "leadership"

urlpatterns = [
    path("", views.index, name="index"),
    path("missions/<int:pk>/strategy/", views.strategy, name="strategy"),
    path("missions/<int:pk>/decisions/", views.decisions, name="decisions"),
]
