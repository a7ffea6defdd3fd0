from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MandatesConfig(AppConfig):
    """Mandates and results: mandated tasks, the seed 004 framework library, the Integrated Strategic Framework,
    indicators, assessments, transition (DESIGN.md; seeds 001, 003 §2-3, 004 ch. 3-6).
    """

    name = "peaceops.mandates"
    verbose_name = _("Mandates and results")
