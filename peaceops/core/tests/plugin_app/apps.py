from django.apps import AppConfig


class PluginAppConfig(AppConfig):
    """An app the test suite installs for one test (test_plugins.py): it plugs itself in, editing no other app."""

    name = "peaceops.core.tests.plugin_app"
    label = "plugin_app"
    verbose_name = "Plugin example (tests)"
