from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "peaceops.jobs"
    verbose_name = "Background jobs"

    def ready(self):
        # Each domain app declares the jobs it offers in its own ``jobs.py`` (as admin.py declares
        # admin pages): this app sits below them in the layers and never imports them by name.
        from django.utils.module_loading import autodiscover_modules

        # import here: the services read the models, which are not loaded when apps.py is read
        from peaceops.core import background
        from peaceops.jobs import services

        autodiscover_modules("jobs")
        # The pages of every app start jobs through core.background, which does not know this app: plug it in.
        background.register_starter(services.job_start)
