from django.apps import AppConfig

from peaceops.core import workbooks
from peaceops.core.private_files import sqlite_database_is_private


class CoreConfig(AppConfig):
    name = "peaceops.core"
    verbose_name = "Core"

    def ready(self):
        from django.db.backends.signals import connection_created

        connection_created.connect(sqlite_database_is_private, dispatch_uid="peaceops-private-sqlite")

        from django.core.signals import setting_changed

        configure_workbook_limits()
        setting_changed.connect(_workbook_setting_changed, dispatch_uid="peaceops-workbook-limits")


def configure_workbook_limits() -> None:
    """The workbook importers' limits (a Django-free module) from the settings."""
    from django.conf import settings

    workbooks.configure(max_unpacked_mb=getattr(settings, "PEACEOPS_MAX_WORKBOOK_MB", None),
                        max_ratio=getattr(settings, "PEACEOPS_MAX_WORKBOOK_RATIO", None))


def _workbook_setting_changed(setting, **kwargs) -> None:
    if setting in ("PEACEOPS_MAX_WORKBOOK_MB", "PEACEOPS_MAX_WORKBOOK_RATIO"):
        configure_workbook_limits()
