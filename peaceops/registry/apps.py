from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "peaceops.registry"
    verbose_name = "Registry"
