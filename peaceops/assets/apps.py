from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssetsConfig(AppConfig):
    """The inter-mission shared asset pool: assets, requests, consents, loans and cost sharing (seed 000 §IV.B).
    """

    name = "peaceops.assets"
    verbose_name = _("Shared assets")
