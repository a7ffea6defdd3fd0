from django.apps import AppConfig


class DemoConfig(AppConfig):
    # Installed for its ``peaceops demo`` command; it has no models of its own (it loads the other apps').
    name = "peaceops.demo"
    verbose_name = "Demo scenario"
