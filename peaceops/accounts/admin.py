"""Django's admin is a superuser's tool: it shows every record, so no one else may open it."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from peaceops.accounts import services
from peaceops.accounts.models import ApiToken, Grant


def _superusers_only(request) -> bool:
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = _superusers_only
admin.site.site_header = "peaceops administration"


@admin.register(Grant)
class GrantAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "mission", "region", "clearance"]
    list_filter = ["role", "clearance", "mission", "region"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Administrators see and revoke tokens; they are created by their users or 'peaceops token create'."""

    list_display = ["prefix", "user", "name", "created", "expires", "last_used", "revoked"]
    list_filter = ["revoked", "expires"]
    search_fields = ["prefix", "user__username", "name"]
    readonly_fields = ["user", "name", "prefix", "created", "expires", "last_used", "revoked", "revoked_by"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False  # a key made here could not be shown to anyone: only its digest is kept

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):
        for token in queryset.select_related("user"):
            services.token_revoke(token, actor=request.user)
        self.message_user(request, f"{queryset.count()} token(s) revoked.")
