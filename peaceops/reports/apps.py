from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Reports drafted from the data, edited, approved and exported (threat assessment, SG report; seed 000 §IV.E,
    004 §3).
    """

    name = "peaceops.reports"
    verbose_name = _("Reports")
