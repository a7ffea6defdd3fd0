from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "peaceops.web"
    verbose_name = "Web shell"
