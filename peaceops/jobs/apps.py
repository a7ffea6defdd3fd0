from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "peaceops.jobs"
    verbose_name = "Background jobs"

    def ready(self):
        # Each domain app declares the jobs it offers in its own ``jobs.py`` (as admin.py declares
        # admin pages): this app sits below them in the layers and never imports them by name.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("jobs")
