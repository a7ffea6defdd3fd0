"""Django's admin is a superuser's tool: it shows every record, so no one else may open it."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from peaceops.accounts.models import Grant


def _superusers_only(request) -> bool:
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = _superusers_only
admin.site.site_header = "peaceops administration"


@admin.register(Grant)
class GrantAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "mission", "region", "clearance"]
    list_filter = ["role", "clearance", "mission", "region"]
