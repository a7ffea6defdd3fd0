from django.apps import AppConfig

from peaceops.core import backup


class AccountsConfig(AppConfig):
    name = "peaceops.accounts"
    verbose_name = "Accounts and permissions"

    def ready(self):
        # import here: the token module reads the ApiToken model, not loaded when this module is read
        from peaceops.accounts.tokens import record_from_legacy_token

        # Backups of installations that kept Django REST framework's plaintext tokens restore as digests.
        backup.register_legacy_converter(backup.LEGACY_TOKEN_MODEL, record_from_legacy_token)
