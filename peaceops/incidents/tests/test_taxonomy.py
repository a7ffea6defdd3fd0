"""Dataset event types map onto the JOC categories as docs/incidents-import.md tabulates."""

import pytest

from peaceops.incidents import taxonomy
from peaceops.incidents.taxonomy import Category


@pytest.mark.parametrize("violence, category", [(1, Category.ARMED_CLASH), (2, Category.ARMED_CLASH),
                                                (3, Category.ATTACK_ON_CIVILIANS)])
def test_ucdp_type_of_violence(violence, category):
    assert taxonomy.from_ucdp(violence) == category


def test_ucdp_unknown_type_is_refused():
    with pytest.raises(KeyError):
        taxonomy.from_ucdp(4)


@pytest.mark.parametrize("event_type, category", [
    ("Battle-No change of territory", Category.ARMED_CLASH),
    ("Battle-Government regains territory", Category.ARMED_CLASH),
    ("Violence against civilians", Category.ATTACK_ON_CIVILIANS),
    ("Riots/Protests", Category.PROTEST),
    ("Remote violence", Category.EXPLOSIVE_DEVICE),
    ("Strategic development", Category.OTHER),
    ("Headquarters or base established", Category.TROOP_MOVEMENT),
])
def test_acled_old_event_types(event_type, category):
    assert taxonomy.from_acled(event_type) == category


@pytest.mark.parametrize("event_type, sub_type, category", [
    ("Battles", "Armed clash", Category.ARMED_CLASH),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", Category.EXPLOSIVE_DEVICE),
    ("Protests", "Peaceful protest", Category.PROTEST),
    ("Riots", "Mob violence", Category.PROTEST),
    ("Violence against civilians", "Attack", Category.ATTACK_ON_CIVILIANS),
    ("Violence against civilians", "Abduction/forced disappearance", Category.ABDUCTION),
    ("Violence against civilians", "Sexual violence", Category.SEXUAL_VIOLENCE),
    ("Strategic developments", "Looting/property destruction", Category.BANDITRY),
    ("Strategic developments", "Agreement", Category.OTHER),
])
def test_acled_current_event_and_sub_event_types(event_type, sub_type, category):
    assert taxonomy.from_acled(event_type, sub_type) == category


def test_acled_unknown_event_type_is_refused():
    with pytest.raises(KeyError):
        taxonomy.from_acled("Alien landing")


@pytest.mark.parametrize("killed, injured, kidnapped, arrested, category", [
    (1, 0, 0, 0, Category.ATTACK_ON_UN_OR_HUMANITARIAN),
    (0, 2, 0, 0, Category.ATTACK_ON_UN_OR_HUMANITARIAN),
    (0, 0, 3, 0, Category.ABDUCTION),
    (1, 0, 3, 0, Category.ATTACK_ON_UN_OR_HUMANITARIAN),
    (0, 0, 0, 2, Category.ATTACK_ON_UN_OR_HUMANITARIAN),
])
def test_insecurity_insight_victim_counts(killed, injured, kidnapped, arrested, category):
    assert taxonomy.from_insecurity_insight(killed, injured, kidnapped, arrested) == category


def test_free_text_types_use_word_starts():
    assert taxonomy.from_text("3") == Category.ATTACK_ON_CIVILIANS
    assert taxonomy.from_text("IED attack") == Category.EXPLOSIVE_DEVICE
    assert taxonomy.from_text("two civilians died") == Category.OTHER  # "ied" inside "died" is no IED
    assert taxonomy.from_text("Kidnapping") == Category.ABDUCTION
