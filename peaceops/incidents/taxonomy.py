"""The incident categories the JOC uses, and how each source's own types map onto them.

Pure module (no Django imports beyond lazy translation of labels). Documented in docs/incidents.md;
the mappings are tabulated in docs/incidents-import.md.
"""

import re

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


# --- how each dataset's own event types map onto the JOC categories ------------------------
# The mappings are the documentation: docs/incidents-import.md prints them as a table.

# UCDP GED type_of_violence: 1 state-based conflict, 2 non-state conflict, 3 one-sided violence
# (an organised actor against civilians).
UCDP_TYPE_OF_VIOLENCE = {
    1: Category.ARMED_CLASH,
    2: Category.ARMED_CLASH,
    3: Category.ATTACK_ON_CIVILIANS,
}
UCDP_TYPE_NAMES = {1: "State-based conflict", 2: "Non-state conflict", 3: "One-sided violence"}

# ACLED EVENT_TYPE as the older exports (upper-case header, to 2018) wrote them.
ACLED_OLD_EVENT_TYPES = {
    "battle-no change of territory": Category.ARMED_CLASH,
    "battle-government regains territory": Category.ARMED_CLASH,
    "battle-non-state actor overtakes territory": Category.ARMED_CLASH,
    "violence against civilians": Category.ATTACK_ON_CIVILIANS,
    "remote violence": Category.EXPLOSIVE_DEVICE,  # shelling, air strikes, IEDs, suicide bombs
    "riots/protests": Category.PROTEST,
    "non-violent transfer of territory": Category.TROOP_MOVEMENT,
    "headquarters or base established": Category.TROOP_MOVEMENT,
    "strategic development": Category.OTHER,
    "non-violent activity by a conflict actor": Category.OTHER,
}

# ACLED event_type in current exports (lower-case header, since 2019).
ACLED_EVENT_TYPES = {
    "battles": Category.ARMED_CLASH,
    "violence against civilians": Category.ATTACK_ON_CIVILIANS,
    "explosions/remote violence": Category.EXPLOSIVE_DEVICE,
    "protests": Category.PROTEST,
    "riots": Category.PROTEST,
    "strategic developments": Category.OTHER,
}

# ACLED sub_event_type that says more than its event type: these win over the event type.
ACLED_SUB_EVENT_TYPES = {
    "abduction/forced disappearance": Category.ABDUCTION,
    "sexual violence": Category.SEXUAL_VIOLENCE,
    "looting/property destruction": Category.BANDITRY,
    "non-violent transfer of territory": Category.TROOP_MOVEMENT,
    "headquarters or base established": Category.TROOP_MOVEMENT,
    "disrupted weapons use": Category.EXPLOSIVE_DEVICE,  # IED defused, weapons seized
    "mob violence": Category.PROTEST,
    "violent demonstration": Category.PROTEST,
}


def from_ucdp(type_of_violence: int) -> Category:
    """Category for a UCDP type_of_violence (1, 2 or 3); KeyError for anything else."""
    return UCDP_TYPE_OF_VIOLENCE[int(type_of_violence)]


def from_acled(event_type: str, sub_event_type: str = "") -> Category:
    """Category for an ACLED event type (old or current spelling) and optional sub-event type.

    Unknown event types raise KeyError: the importer reports them as a bad field rather than
    filing the event under "other" without anyone noticing.
    """
    sub = (sub_event_type or "").strip().lower()
    if sub in ACLED_SUB_EVENT_TYPES:
        return ACLED_SUB_EVENT_TYPES[sub]
    key = (event_type or "").strip().lower()
    if key in ACLED_EVENT_TYPES:
        return ACLED_EVENT_TYPES[key]
    return ACLED_OLD_EVENT_TYPES[key]


def from_insecurity_insight(killed: int, injured: int, kidnapped: int, arrested: int) -> Category:
    """Category for an Insecurity Insight aid-worker incident from its victim counts.

    Every row of the aid-worker dataset is an incident against humanitarian personnel; only a
    kidnapping in which nobody was killed is filed as an abduction, so the sitrep's abduction
    line carries it. Arrests and detentions stay attacks on humanitarian personnel (seed 000
    app. 2: the JOC tracks threats to UN and humanitarian staff as one line).
    """
    if kidnapped and not killed:
        return Category.ABDUCTION
    return Category.ATTACK_ON_UN_OR_HUMANITARIAN


# Words in a free-text type column (HXL #event+type and the like) -> category, first match wins.
KEYWORDS = [
    ("sexual", Category.SEXUAL_VIOLENCE),
    ("abduct", Category.ABDUCTION),
    ("kidnap", Category.ABDUCTION),
    ("explos", Category.EXPLOSIVE_DEVICE),
    ("remote violence", Category.EXPLOSIVE_DEVICE),
    ("ied\\b", Category.EXPLOSIVE_DEVICE),
    ("battle", Category.ARMED_CLASH),
    ("clash", Category.ARMED_CLASH),
    ("against civilians", Category.ATTACK_ON_CIVILIANS),
    ("one-sided", Category.ATTACK_ON_CIVILIANS),
    ("protest", Category.PROTEST),
    ("riot", Category.PROTEST),
    ("loot", Category.BANDITRY),
    ("bandit", Category.BANDITRY),
    ("hijack", Category.BANDITRY),
    ("displace", Category.DISPLACEMENT),
]


def from_text(value: str) -> Category:
    """Best category for a free-text event type: exact ACLED/UCDP names first, then keywords."""
    raw = (value or "").strip()
    if raw.isdigit() and int(raw) in UCDP_TYPE_OF_VIOLENCE:
        return UCDP_TYPE_OF_VIOLENCE[int(raw)]
    try:
        return from_acled(raw)
    except KeyError:
        pass
    lowered = raw.lower()
    for word, category in KEYWORDS:
        if re.search(r"\b" + word, lowered):  # word starts only: "ied" must not match "died"
            return category
    return Category.OTHER
