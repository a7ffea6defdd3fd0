from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalysisConfig(AppConfig):
    """JMAC analysis: trends, hotspots, early warning with as-of replay, forecasts, armed groups, security levels,
    threat assessment (DESIGN.md; seed 000 §III.C, §IV.A, §IV.C).
    """

    name = "peaceops.analysis"
    verbose_name = _("Analysis (JMAC)")
