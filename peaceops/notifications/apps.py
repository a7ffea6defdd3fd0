from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from peaceops.reports import signals as report_signals


class NotificationsConfig(AppConfig):
    name = "peaceops.notifications"
    label = "notifications"
    verbose_name = _("Notifications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # import here: these modules read models, which are not loaded when this module is read
        from peaceops.accounts.access import register_sharing_source
        from peaceops.notifications import report_notices
        from peaceops.notifications.selectors import release_grants

        # An owner's release opens the chosen incidents, and only those, to the receiving mission's users.
        register_sharing_source(release_grants)
        # Report approvals are told to the missions concerned (reports sits below this app and cannot call it).
        report_signals.report_part_approved.connect(report_notices.part_approved, dispatch_uid="report-part-notice")
        report_signals.report_approved.connect(report_notices.approved, dispatch_uid="report-approved-notice")
