from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    """Inter-mission cooperation (DESIGN.md: shared assets, meetings, focal points; seed 000 §III-IV)."""

    name = "peaceops.cooperation"
    verbose_name = _("Inter-mission cooperation")
