"""Structural rules from the seeds, checked against one mission's structure. Pure module: no Django.

The caller (``selectors.mission_structure``) builds the facts from the records the reader may
see, so a warning never reveals a record the reader is not cleared for. Each rule quotes the
seed passage it comes from in ``source``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peaceops.registry import terms

OCHA = "OCHA"
OCHA_NAME = "office for the coordination of humanitarian affairs"
INTER_MISSION_TAG = terms.INTER_MISSION_COOPERATION
HEAD_OF_MISSION_FUNCTIONS = frozenset({"srsg", "jsr"})

SOURCE_OCHA = ("seed 003 §2.4.3 (p. 28 ff.): OCHA offices 'will be physically distinct, open to the wider "
               "community ... but not be integrated'; rec. 3.4.3 (§3.4, p. 39 ff.): the OCHA office "
               "'will not be part of the mission structure'")
SOURCE_HUMAN_RIGHTS = ("seed 003 rec. 3.4.9 (§3.4, p. 39 ff.): 'There should continue to be a Human Rights "
                       "Advisor that directly reports to the SRSG'; see §2.4.4 (p. 33)")
SOURCE_INTER_MISSION = ("seed 000 §IV.E.1 (p. 41): 'In each mission, one of the DSRSGs should have in her/his "
                        "terms of reference the responsibility to promote inter-mission cooperation.'")
SOURCE_MULTI_HAT = ("seed 003 §2.4.3 (p. 28 ff.): the 'multi-hatted DSRSG' needs unambiguous terms of reference "
                    "saying 'when to wear what hat'; §2.5 (p. 35); rec. 3.5.4 (§3.5, p. 41 ff.): 'specific terms of "
                    "reference are needed'")


@dataclass(frozen=True)
class RuleWarning:
    code: str
    message: str
    subject: str  # what the warning is about, e.g. "MINURCAT Humanitarian office"
    source: str  # the seed passage the rule comes from


Warning = RuleWarning  # noqa: A001 - the name the rest of the project uses for rule findings


@dataclass(frozen=True)
class ComponentFacts:
    id: int
    name: str
    kind: str
    organisation_acronym: str = ""
    organisation_name: str = ""


@dataclass(frozen=True)
class HatFacts:
    role: str
    terms_of_reference: str = ""
    responsibilities: tuple[str, ...] = ()  # topics; not read by the rules (they read ``duties``)
    label: str = ""  # the role as a reader names it ("UNDP Resident Representative"); the code when empty

    @property
    def duties(self) -> tuple[str, ...]:
        """The duties marked in the terms of reference (``[[duty|words]]``, registry.terms)."""
        return terms.duties_of(self.terms_of_reference)


@dataclass(frozen=True)
class PostFacts:
    id: int
    title: str
    function: str
    hats: tuple[HatFacts, ...] = ()


@dataclass(frozen=True)
class LineFacts:
    from_post_id: int
    kind: str
    to_post_id: int | None = None
    to_organisation_acronym: str = ""


@dataclass(frozen=True)
class MissionFacts:
    acronym: str
    components: tuple[ComponentFacts, ...] = ()
    posts: tuple[PostFacts, ...] = ()
    lines: tuple[LineFacts, ...] = field(default=())


def check_mission(mission: MissionFacts) -> list[RuleWarning]:
    """Every warning the four structural rules raise for ``mission``."""
    return [
        *ocha_inside_mission(mission),
        *human_rights_not_reporting_to_head(mission),
        *no_dsrsg_for_inter_mission_cooperation(mission),
        *multi_hatted_without_terms(mission),
    ]


def _is_ocha(component: ComponentFacts) -> bool:
    return (component.organisation_acronym.upper() == OCHA
            or component.organisation_name.strip().lower() == OCHA_NAME
            or (component.kind == "humanitarian" and re.search(r"\bOCHA\b", component.name) is not None))


def ocha_inside_mission(mission: MissionFacts) -> list[RuleWarning]:
    # seed 003 §2.4.3 and rec. 3.4.3: OCHA supports the HC with an office of the wider
    # humanitarian community, under the HC's authority but "not part of the mission structure".
    return [
        RuleWarning(
            code="ocha_inside_mission",
            message=(f"{component.name} is an OCHA office inside the structure of {mission.acronym}; the OCHA "
                     "office should support the Humanitarian Coordinator from outside the mission structure."),
            subject=f"{mission.acronym} {component.name}",
            source=SOURCE_OCHA,
        )
        for component in mission.components
        if _is_ocha(component)
    ]


def human_rights_not_reporting_to_head(mission: MissionFacts) -> list[RuleWarning]:
    # seed 003 rec. 3.4.9: "There should continue to be a Human Rights Advisor that directly
    # reports to the SRSG" (the trade-offs of that line are discussed in §2.4.4).
    heads = {post.id for post in mission.posts if post.function in HEAD_OF_MISSION_FUNCTIONS}
    reports_to_head = {line.from_post_id for line in mission.lines
                       if line.kind == "direct" and line.to_post_id in heads}
    return [
        RuleWarning(
            code="human_rights_not_reporting_to_srsg",
            message=(f"{post.title} has no direct reporting line to the head of mission (SRSG) of "
                     f"{mission.acronym}."),
            subject=f"{mission.acronym} {post.title}",
            source=SOURCE_HUMAN_RIGHTS,
        )
        for post in mission.posts
        if post.function == "human_rights" and post.id not in reports_to_head
    ]


def _covers_inter_mission(hat: HatFacts) -> bool:
    # The duty counts only where the current terms of reference mark it in their text (registry.terms): a tag
    # beside a text saying the opposite, or words in passing, are not a responsibility "in her/his terms of
    # reference" (seed 000 §IV.E.1).
    return INTER_MISSION_TAG in hat.duties


def no_dsrsg_for_inter_mission_cooperation(mission: MissionFacts) -> list[RuleWarning]:
    # seed 000 §IV.E.1: "In each mission, one of the DSRSGs should have in her/his terms of
    # reference the responsibility to promote inter-mission cooperation."
    dsrsg_hats = [hat for post in mission.posts for hat in post.hats if hat.role == "dsrsg"]
    if any(_covers_inter_mission(hat) for hat in dsrsg_hats):
        return []
    found = "no DSRSG" if not dsrsg_hats else f"{len(dsrsg_hats)} DSRSG(s), none of them"
    return [RuleWarning(
        code="no_dsrsg_for_inter_mission_cooperation",
        message=(f"{mission.acronym} has {found} with inter-mission cooperation in the terms of reference."),
        subject=mission.acronym,
        source=SOURCE_INTER_MISSION,
    )]


def multi_hatted_without_terms(mission: MissionFacts) -> list[RuleWarning]:
    # seed 003 §2.4.3 / §2.5 / rec. 3.5.4: a multi-hatted post needs terms of reference that say
    # what each hat covers and "when to wear what hat".
    warnings = []
    for post in mission.posts:
        if len(post.hats) < 2:
            continue
        bare = [hat.label or hat.role for hat in post.hats if not hat.terms_of_reference.strip()]
        if bare:
            warnings.append(RuleWarning(
                code="multi_hatted_without_terms",
                message=(f"{post.title} wears {len(post.hats)} hats; no terms of reference for: "
                         f"{', '.join(bare)}."),
                subject=f"{mission.acronym} {post.title}",
                source=SOURCE_MULTI_HAT,
            ))
    return warnings
