from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "peaceops.core"
    verbose_name = "Core"
