from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "peaceops.notifications"
    label = "notifications"
    verbose_name = _("Notifications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from peaceops.accounts.access import register_sharing_source
        from peaceops.notifications.selectors import release_grants

        # An owner's release opens the chosen incidents, and only those, to the receiving mission's users.
        register_sharing_source(release_grants)
