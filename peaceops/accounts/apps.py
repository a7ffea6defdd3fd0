from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "peaceops.accounts"
    verbose_name = "Accounts and permissions"
