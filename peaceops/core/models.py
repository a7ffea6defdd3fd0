"""Abstract bases every module's records share."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from peaceops.core.classification import Classification


class Classified(models.Model):
    """A record that carries a classification and belongs to the mission ``MISSION_FIELD`` names.

    Every read goes through :func:`peaceops.accounts.access.visible`, which compares the two
    with the reader's grants. A record with no owning mission is shared reference data and is
    filtered on its classification alone. Subclasses whose mission is reached through another
    relation (a post's hats: ``post__mission``) set ``MISSION_FIELD`` instead of storing it twice.
    """

    MISSION_FIELD = "owning_mission"

    classification = models.PositiveSmallIntegerField(
        choices=Classification.choices, default=Classification.UNCLASSIFIED, verbose_name=_("classification")
    )

    class Meta:
        abstract = True


class SecuredRecord(Classified):
    """A classified record with its own owning-mission column."""

    owning_mission = models.ForeignKey(
        "registry.Mission",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owning mission"),
    )

    class Meta:
        abstract = True


class SourcedRecord(models.Model):
    """A fact taken from one of the seed documents keeps the passage it came from."""

    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("Seed document and passage, e.g. 'seed 000 app. 1'.")
    )

    class Meta:
        abstract = True
