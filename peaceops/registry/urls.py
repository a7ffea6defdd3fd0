from django.urls import path

from peaceops.registry import views

app_name = "registry"

urlpatterns = [
    path("", views.index, name="index"),
    path("missions/", views.mission_list, name="mission-list"),
    path("missions/<int:pk>/", views.mission_detail, name="mission-detail"),
    path("organisations/", views.organisation_list, name="organisation-list"),
    path("places/", views.place_list, name="place-list"),
    path("places/area/<str:pcode>/", views.area_detail, name="area-detail"),
    path("places/<str:iso3>/", views.country_detail, name="country-detail"),
    path("people/", views.people_list, name="people-list"),
    path("hats/<int:pk>/terms/", views.hat_terms, name="hat-terms"),
    path("<slug:model>/<int:pk>/history/", views.history, name="history"),
]
