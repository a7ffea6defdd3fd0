from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "peaceops.incidents"
    verbose_name = "JOC incidents"
