"""Classification levels of records, lowest first.

Pure module: the web, the API and the exports all compare levels through these integers.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Classification(models.IntegerChoices):
    UNCLASSIFIED = 0, _("Unclassified")
    CONFIDENTIAL = 1, _("Confidential")
    STRICTLY_CONFIDENTIAL = 2, _("Strictly confidential")


LEVELS = tuple(Classification.values)
HIGHEST = max(LEVELS)
