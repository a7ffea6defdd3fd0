from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "peaceops.accounts"
    verbose_name = "Accounts and permissions"

    def ready(self):
        from peaceops.accounts.tokens import record_from_legacy_token
        from peaceops.core import backup

        # Backups of installations that kept Django REST framework's plaintext tokens restore as digests.
        backup.register_legacy_converter(backup.LEGACY_TOKEN_MODEL, record_from_legacy_token)
