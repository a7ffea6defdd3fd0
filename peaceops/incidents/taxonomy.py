"""The incident categories the JOC uses, and how each source's own types map onto them.

Pure module (no Django imports beyond lazy translation of labels). Documented in docs/incidents.md.
"""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _


class Category(TextChoices):
    ARMED_CLASH = "armed_clash", _("Armed clash")
    ATTACK_ON_CIVILIANS = "attack_on_civilians", _("Attack on civilians")
    ATTACK_ON_UN_OR_HUMANITARIAN = "attack_on_un_humanitarian", _("Attack on UN or humanitarian personnel")
    BANDITRY = "banditry", _("Banditry or hijacking")
    ABDUCTION = "abduction", _("Abduction")
    SEXUAL_VIOLENCE = "sexual_violence", _("Sexual violence")
    EXPLOSIVE_DEVICE = "explosive_device", _("Explosive device")
    PROTEST = "protest", _("Protest or unrest")
    DISPLACEMENT = "displacement", _("Displacement movement")
    TROOP_MOVEMENT = "troop_movement", _("Troop movement")
    OTHER = "other", _("Other")
