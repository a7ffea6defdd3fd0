"""The integration checklist a mission's leadership answers, and what the registry answers by itself. Pure module.

The items come from three places, and each cites its passage:

- seed 004 ch. 1-2 (the library's guidance chapters): leadership team, integration with the UNCT, joint
  structures, integrated planning, the cross-cutting issues (§2.1) and mission management (§2.2);
- seed 003 §2.5 (leadership and management) and rec. 3.5.4-3.5.6 (terms of reference, communications
  strategy, oversight);
- seed 003 rec. 3.4.4: the ten structural features every integrated mission should have.

An item is answered in one of three ways (``status_of``): the registry shows it (``registry`` names a check
below, run on facts built only from records the reader may see), leadership answers it with a record as
evidence (a post, a reporting line, a document, a meeting: ``evidence`` says which kinds fit), or it is a
gap. A registry check may also find the item missing (a rule broken): that is a gap, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peaceops.registry import rules

EVIDENCE_KINDS = ("post", "line", "document", "meeting")
HEAD_FUNCTIONS = rules.HEAD_OF_MISSION_FUNCTIONS


@dataclass(frozen=True)
class Item:
    code: str
    group: str  # a key of GROUPS
    text: str
    source: str  # the seed passage, e.g. "seed 004 §2.1.1 (lines 404-406)"
    evidence: tuple[str, ...]  # which kinds of record can show it (EVIDENCE_KINDS)
    registry: str = ""  # the name of a check in CHECKS, when the registry can answer by itself
    library_ref: str = ""  # the section of the library it comes from, e.g. "004/2.1.1"


GROUPS = {
    "leadership": "Leadership, coordination and integration (seed 004 ch. 1)",
    "cross_cutting": "Cross-cutting issues (seed 004 §2.1)",
    "management": "Mission management (seed 004 §2.2)",
    "leadership_003": "Leadership and management (seed 003 §2.5, rec. 3.5.4-3.5.6)",
    "structure": "Structural features of an integrated mission (seed 003 rec. 3.4.4)",
}

_P, _L, _D, _M = "post", "line", "document", "meeting"

ITEMS: tuple[Item, ...] = (
    # seed 004 chapter 1
    Item("004-1.1-mlt", "leadership", "The mission leadership team is complete: head of mission, deputy (DSRSG), "
         "Chief of Staff, Director/Chief of Mission Support (and Force Commander, Police Commissioner where the "
         "mission has those components).",
         "seed 004 §1.1 (lines 211-215): the MLT is the HoM, one or two DSRSGs and the heads of components",
         (_P,), "mlt_complete", "004/1.1"),
    Item("004-1.3-dsrsg-rc-hc", "leadership", "A DSRSG is also Resident and Humanitarian Coordinator (the UNCT is "
         "structurally integrated with the mission).",
         "seed 004 §1.3 (line 256): 'the triple-hatted DSRSG/RC/HC, who coordinates the linkages between the "
         "peacekeeping mission and all other UN entities'", (_P,), "dsrsg_rc_hc", "004/1.3"),
    Item("004-1.3-joint-structures", "leadership", "Joint institutions exist: a Joint Operations Centre (JOC) and a "
         "Joint Mission Analysis Centre (JMAC).",
         "seed 004 §1.3 (line 248): 'joint institutions, such as the ... JOC, the ... JMAC, and an Integrated "
         "Support Service'", (_P,), "joint_structures", "004/1.3"),
    Item("004-1.3-mlt-unct-meetings", "leadership", "The MLT meets the heads of the UN agencies of the Country Team "
         "regularly.",
         "seed 004 §1.3 (line 248): 'regular meetings between the MLT and the heads of the various UN agencies of "
         "the Country Team'", (_M,), "", "004/1.3"),
    Item("004-1.3-protocols", "leadership", "Protocols let the mission and the UNCT operate with a common vision.",
         "seed 004 §1.3 (lines 259-263): 'protocols should be formulated to ensure that the mission and the UNCT "
         "are able to operate with a common vision'", (_D,), "", "004/1.3"),
    Item("004-1.4.1-collocation", "leadership", "Component headquarters are collocated (at mission and at "
         "regional/sector level).", "seed 004 §1.4.1 (line 288)", (_D, _P), "", "004/1.4.1"),
    Item("004-1.4.5-lines", "leadership", "Lines of responsibility and authority between the head of mission, the "
         "DSRSGs, the Force Commander, the Police Commissioner and other component heads are clear.",
         "seed 004 §1.4.5 (line 341): 'The lines of responsibility and authority between the SRSG, DSRSGs, Force "
         "Commander, Police Commissioner and other component heads need to be clear'", (_L,), "lines_to_head",
         "004/1.4.5"),
    Item("004-1.4.5-implementation-plan", "leadership", "A mission implementation plan specifies priorities and "
         "responsibilities.", "seed 004 §1.4.5 (line 341): 'The MLT should prepare a mission implementation plan'",
         (_D,), "", "004/1.4.5"),
    Item("004-1.4.6-coordination", "leadership", "Standing coordination arrangements bring the mission and the UNCT "
         "together, with terms of reference.",
         "seed 004 §1.4.6 (lines 351-355): 'standing coordination arrangements that bring together the "
         "peacekeeping mission and the UNCT'", (_M, _D, _L), "", "004/1.4.6"),
    Item("004-1.4.6-isf", "leadership", "The mission has an Integrated Strategic Framework (ISF) with the UNCT.",
         "seed 004 §1.4.6 (line 357): 'Each mission should develop an Integrated Strategic Framework (ISF)'",
         (_D,), "isf", "004/1.4.6"),
    Item("004-1.4.7-crisis-planning", "leadership", "Scenario and crisis plans exist, with the mission's partners.",
         "seed 004 §1.4.7 (line 374): 'Scenario and crisis planning by the mission and its partners in the field "
         "is essential'", (_D,), "", "004/1.4.7"),
    # seed 004 §2.1
    Item("004-2.1.1-poc-strategy", "cross_cutting", "A mission-wide strategy for the protection of civilians sets "
         "out the roles of all components.",
         "seed 004 §2.1.1 (line 406): 'The HoM will need to promulgate a mission-wide strategy ... with regard to "
         "the protection of civilians'", (_D,), "", "004/2.1.1"),
    Item("004-2.1.2-hr-strategy", "cross_cutting", "A comprehensive human rights strategy, with regular public "
         "reports.", "seed 004 §2.1.2 (lines 412-414): 'The MLT should develop a comprehensive strategy for human "
         "rights issues'", (_D,), "", "004/2.1.2"),
    Item("004-2.1.2-hr-to-head", "cross_cutting", "A human rights chief or adviser reports directly to the head of "
         "mission.", "seed 004 §2.1.2 (line 412): 'a dedicated human rights section'; seed 003 rec. 3.4.9: 'a Human "
         "Rights Advisor that directly reports to the SRSG'", (_P, _L), "human_rights_to_head", "004/2.1.2"),
    Item("004-2.1.3-gender", "cross_cutting", "Gender advisers, and regular meetings that review compliance with the "
         "policy on gender equality.", "seed 004 §2.1.3 (line 430): 'regular meetings designed specifically for "
         "this purpose. The MLT should consult and make effective use of gender advisers'", (_P, _M),
         "gender_adviser", "004/2.1.3"),
    Item("004-2.1.4-mine-action", "cross_cutting", "Mine action staff are part of the mission, with resources.",
         "seed 004 §2.1.4 (line 440): 'Staff should be treated as an integral part of the mission'", (_P,),
         "mine_action", "004/2.1.4"),
    Item("004-2.1.5-ssr", "cross_cutting", "An integrated approach to SSR: joint assessment, a shared work plan and "
         "benchmarks.", "seed 004 §2.1.5 (line 454): 'joint assessment and analysis, planning and adoption of a "
         "shared work plan and benchmarks'", (_D,), "", "004/2.1.5"),
    Item("004-2.1.6-ddr-plan", "cross_cutting", "An integrated DDR plan covering all stages, following the IDDRS.",
         "seed 004 §2.1.6 (line 476): 'developing and implementing an integrated plan covering all stages of "
         "the process'", (_D,), "", "004/2.1.6"),
    # seed 004 §2.2
    Item("004-2.2.1-designated-official", "management", "A Designated Official for security and a Security "
         "Management Team with contingency plans.",
         "seed 004 §2.2.1 (line 486): 'the HoM is often appointed the Designated Official (DO)'; 'the DO and the "
         "Security Management Team (SMT) ... should ensure that the mission has appropriate contingency plans'",
         (_P, _D), "designated_official", "004/2.2.1"),
    Item("004-2.2.2-pi-strategy", "management", "A public information strategy coordinated by the MLT, with the "
         "spokesperson or chief of public information in the MLT.",
         "seed 004 §2.2.2 (lines 492-494): 'A well-designed, early-deployed ... public information strategy'; 'The "
         "mission spokesperson and/or chief of public information should be considered senior staff'",
         (_D, _P), "public_information", "004/2.2.2"),
    Item("004-2.2.3-conduct", "management", "A conduct and discipline team, and measures against sexual "
         "exploitation and abuse.", "seed 004 §2.2.3 (lines 498-500): 'conduct and discipline teams'; 'the UN's "
         "policy of zero-tolerance'", (_P, _D), "conduct_discipline", "004/2.2.3"),
    Item("004-2.2.4-budget", "management", "A mission budget that counts assessed and other funds against the "
         "plans.", "seed 004 §2.2.4 (line 512): 'Plans need to consider both the assessed budget and other "
         "funds'", (_D,), "", "004/2.2.4"),
    # seed 003 §2.5 and rec. 3.5
    Item("003-2.5-srsg-authority", "leadership_003", "The head of mission has authority over the mission's "
         "finance and administration: Mission Support answers to the head of mission.",
         "seed 003 §2.5 (line 549): 'The SRSG needs authority and structure to ensure his or her overall "
         "financial, administrative and substantive control'", (_L,), "support_to_head"),
    Item("003-2.5-dsrsg-support", "leadership_003", "The multi-hatted DSRSG has an office and staff of their own, "
         "not 'make-shift' support.", "seed 003 §2.5 (line 551): 'the DSRSG had at best \"make-shift\" support'",
         (_P, _L)),
    Item("003-2.5-negotiation", "leadership_003", "Humanitarian access is negotiated by teams under the authority "
         "of the Humanitarian Coordinator, apart from the political process.",
         "seed 003 §2.5 (line 553): 'specialised negotiation teams under the authority of the HC might be "
         "established'", (_P, _D)),
    Item("003-2.5-training-cell", "leadership_003", "An integrated training cell, adequately resourced.",
         "seed 003 §2.5 (line 555): 'Only two missions visited had integrated training cells'", (_P,), "training"),
    Item("003-3.5.4-terms", "leadership_003", "Terms of reference for the head of mission, the DSRSGs and every "
         "hat of a multi-hatted post.", "seed 003 rec. 3.5.4 (line 625): 'Clear generic guidelines and specific "
         "terms of reference are needed ... between the SRSG, DSRSGs and the Force Commander'", (_P, _D),
         "terms_of_reference"),
    Item("003-3.5.5-communications", "leadership_003", "A communications strategy introduced at the outset of the "
         "mission.", "seed 003 rec. 3.5.5 (line 626): 'A communications strategy must be introduced at the outset "
         "of each mission'", (_D,)),
    Item("003-3.5.6-oversight", "leadership_003", "An independent oversight capacity reviews progress against "
         "benchmarks and senior management's terms of reference.",
         "seed 003 rec. 3.5.6 (line 627): 'an independent oversight capacity should be established'", (_P, _D)),
    # seed 003 rec. 3.4.4: the ten structural features (lines 598-610)
    Item("003-3.4.4-a-joc", "structure", "A joint operations centre open to all relevant UN organisations and "
         "other actors.", "seed 003 rec. 3.4.4, first feature (line 599)", (_P, _D), "joc"),
    Item("003-3.4.4-b-planning", "structure", "A strategic policy planning capacity reporting directly to the "
         "head of mission.", "seed 003 rec. 3.4.4, second feature (line 600)", (_P, _L), "planning_to_head"),
    Item("003-3.4.4-c-cabinet", "structure", "A 'cabinet structure' promoting coherence of the UN system in "
         "country.", "seed 003 rec. 3.4.4, third feature (line 601); rec. 3.4.1", (_M, _D)),
    Item("003-3.4.4-d-funding-cell", "structure", "A cell reporting directly to the head of mission on mission "
         "funding requirements and resource mobilisation.", "seed 003 rec. 3.4.4, fourth feature (line 602)",
         (_P, _L), "funding_to_head"),
    Item("003-3.4.4-e-mainstreaming", "structure", "A dedicated capacity to mainstream the mission's role and "
         "objectives throughout the mission.", "seed 003 rec. 3.4.4, fifth feature (line 603)", (_P, _D)),
    Item("003-3.4.4-f-outreach", "structure", "An external outreach capacity towards national and local "
         "organisations.", "seed 003 rec. 3.4.4, sixth feature (line 604)", (_P, _D), "outreach"),
    Item("003-3.4.4-g-evaluation", "structure", "Support for real-time evaluations of mission activities.",
         "seed 003 rec. 3.4.4, seventh feature (line 605)", (_P, _D)),
    Item("003-3.4.4-h-best-practices", "structure", "A best practices focal point.",
         "seed 003 rec. 3.4.4, eighth feature (line 607)", (_P,), "best_practices"),
    Item("003-3.4.4-i-security", "structure", "A common structure for operational security.",
         "seed 003 rec. 3.4.4, ninth feature (line 608)", (_P, _D), "common_security"),
    Item("003-3.4.4-j-training", "structure", "A common training framework and training facilities for all UN "
         "staff.", "seed 003 rec. 3.4.4, tenth feature (line 609)", (_P, _D), "training"),
)

BY_CODE = {item.code: item for item in ITEMS}


# --------------------------------------------------------------------------------------------------------
# What the registry shows by itself


@dataclass(frozen=True)
class Finding:
    """A registry check's answer: ``met`` True (shown), False (missing: a gap with its reason), None (the
    registry cannot tell: leadership answers with evidence)."""

    met: bool | None
    detail: str = ""


@dataclass(frozen=True)
class Facts:
    """The registry facts of one mission (as one reader may see them), and whether the mission has an ISF."""

    structure: rules.MissionFacts
    has_isf: bool = False
    isf_title: str = ""


def _posts(facts: Facts, *functions: str):
    return [post for post in facts.structure.posts if post.function in functions]


def _titled(facts: Facts, *words: str) -> list[str]:
    """Names of posts and components whose title holds one of ``words`` (case-insensitive)."""
    names = [post.title for post in facts.structure.posts] + [c.name for c in facts.structure.components]
    return [name for name in names if any(word in name.lower() for word in words)]


def _reports_to_head(facts: Facts, post_id: int, kinds=("direct",)) -> bool:
    heads = {post.id for post in _posts(facts, *HEAD_FUNCTIONS)}
    return any(line.from_post_id == post_id and line.kind in kinds and line.to_post_id in heads
               for line in facts.structure.lines)


def _titled_to_head(facts: Facts, *words: str) -> Finding:
    posts = [post for post in facts.structure.posts if any(word in post.title.lower() for word in words)]
    direct = [post.title for post in posts if _reports_to_head(facts, post.id)]
    if direct:
        return Finding(True, ", ".join(direct))
    if posts:
        return Finding(None, f"{posts[0].title}: no direct line to the head of mission")
    return Finding(None)


def _found(names: list[str]) -> Finding:
    return Finding(True, ", ".join(names)) if names else Finding(None)


def mlt_complete(facts: Facts) -> Finding:
    wanted = {"head of mission": HEAD_FUNCTIONS, "DSRSG": ("dsrsg",), "Chief of Staff": ("chief_of_staff",),
              "Mission Support": ("director_support",)}
    missing = [name for name, functions in wanted.items() if not _posts(facts, *functions)]
    if missing:
        return Finding(False, "missing: " + ", ".join(missing))
    return Finding(True, ", ".join(post.title for post in _posts(
        facts, *HEAD_FUNCTIONS, "dsrsg", "chief_of_staff", "director_support", "force_commander",
        "police_commissioner")))


def dsrsg_rc_hc(facts: Facts) -> Finding:
    for post in facts.structure.posts:
        roles = {hat.role for hat in post.hats}
        if (post.function == "dsrsg" or "dsrsg" in roles) and {"rc", "hc"} <= roles:
            return Finding(True, post.title)
    return Finding(False, "no post wears the DSRSG, RC and HC hats together: the UNCT is not structurally "
                          "integrated with the mission")


def joint_structures(facts: Facts) -> Finding:
    joc = _posts(facts, "joc") or _titled(facts, "joint operations centre")
    jmac = _posts(facts, "jmac") or _titled(facts, "joint mission analysis centre")
    missing = [name for name, present in (("JOC", joc), ("JMAC", jmac)) if not present]
    if missing:
        return Finding(False, "missing: " + ", ".join(missing))
    return Finding(True, "JOC and JMAC in the structure")


def joc(facts: Facts) -> Finding:
    found = _titled(facts, "joint operations centre")
    if not found:
        return Finding(False, "no Joint Operations Centre in the structure")
    # The registry shows the centre, not whether UN agencies and other actors may use it: evidence says that.
    return Finding(None, f"{found[0]} exists; its openness to UN agencies is for leadership to show")


def lines_to_head(facts: Facts) -> Finding:
    deputies = _posts(facts, "dsrsg", "force_commander", "police_commissioner", "chief_of_staff",
                      "director_support")
    loose = [post.title for post in deputies if not _reports_to_head(facts, post.id)]
    if not deputies:
        return Finding(None)
    if loose:
        return Finding(False, "no direct line to the head of mission: " + ", ".join(loose))
    return Finding(True, f"{len(deputies)} component heads report directly to the head of mission")


def isf(facts: Facts) -> Finding:
    return Finding(True, facts.isf_title) if facts.has_isf else Finding(False, "no ISF recorded for the mission")


def human_rights_to_head(facts: Facts) -> Finding:
    chiefs = _posts(facts, "human_rights")
    if not chiefs:
        return Finding(False, "no human rights post in the structure")
    warnings = rules.human_rights_not_reporting_to_head(facts.structure)
    if warnings:
        return Finding(False, warnings[0].message)
    return Finding(True, ", ".join(post.title for post in chiefs))


def gender_adviser(facts: Facts) -> Finding:
    return _found(_titled(facts, "gender"))


def mine_action(facts: Facts) -> Finding:
    return _found(_titled(facts, "mine action", "demining"))


def designated_official(facts: Facts) -> Finding:
    officials = [post.title for post in facts.structure.posts if any(hat.role == "do" for hat in post.hats)]
    if officials:
        return Finding(True, "Designated Official: " + ", ".join(officials))
    return Finding(None)


def public_information(facts: Facts) -> Finding:
    return _found(_titled(facts, "public information", "spokesperson"))


def conduct_discipline(facts: Facts) -> Finding:
    return _found(_titled(facts, "conduct and discipline"))


def support_to_head(facts: Facts) -> Finding:
    support = _posts(facts, "director_support")
    if not support:
        return Finding(None)
    if any(_reports_to_head(facts, post.id, ("direct", "budget")) for post in support):
        return Finding(True, f"{support[0].title} answers to the head of mission")
    return Finding(False, f"{support[0].title} has no direct or budget line to the head of mission")


def training(facts: Facts) -> Finding:
    return _found(_titled(facts, "training"))


def terms_of_reference(facts: Facts) -> Finding:
    leaders = [post for post in facts.structure.posts if post.function in (*HEAD_FUNCTIONS, "dsrsg")]
    bare = [f"{post.title} ({hat.label or hat.role})" for post in leaders for hat in post.hats
            if not hat.terms_of_reference.strip()]
    bare += [post.title for post in leaders if not post.hats]
    if not leaders:
        return Finding(None)
    if bare:
        return Finding(False, "no terms of reference: " + ", ".join(bare))
    return Finding(True, "terms of reference for " + ", ".join(post.title for post in leaders))


def planning_to_head(facts: Facts) -> Finding:
    return _titled_to_head(facts, "planning")


def funding_to_head(facts: Facts) -> Finding:
    return _titled_to_head(facts, "funding", "resource mobilisation", "resource mobilization")


def outreach(facts: Facts) -> Finding:
    return _found(_titled(facts, "outreach", "public information"))


def best_practices(facts: Facts) -> Finding:
    return _found(_titled(facts, "best practice"))


def common_security(facts: Facts) -> Finding:
    section = [c.name for c in facts.structure.components if c.kind == "security"] or _posts(facts, "security")
    if not section:
        return Finding(None)
    # The section is the mission's; whether the agencies share it (one SMT under one DO) is for evidence.
    official = designated_official(facts)
    if official.met:
        return Finding(True, f"security section; {official.detail}")
    return Finding(None, "a security section exists; whether it is common to the UN system is for leadership "
                         "to show")


CHECKS = {
    "mlt_complete": mlt_complete, "dsrsg_rc_hc": dsrsg_rc_hc, "joint_structures": joint_structures, "joc": joc,
    "lines_to_head": lines_to_head, "isf": isf, "human_rights_to_head": human_rights_to_head,
    "gender_adviser": gender_adviser, "mine_action": mine_action, "designated_official": designated_official,
    "public_information": public_information, "conduct_discipline": conduct_discipline,
    "support_to_head": support_to_head, "training": training, "terms_of_reference": terms_of_reference,
    "planning_to_head": planning_to_head, "funding_to_head": funding_to_head, "outreach": outreach,
    "best_practices": best_practices, "common_security": common_security,
}


# --------------------------------------------------------------------------------------------------------
# One item's result

REGISTRY, ANSWERED, GAP = "registry", "answered", "gap"


@dataclass(frozen=True)
class Answer:
    """Leadership's answer as the result needs it (the selectors build it from a readable ChecklistAnswer)."""

    status: str  # "met" | "partial" | "not_met"
    evidence: str  # how the evidence reads, e.g. "post: Chief, Civil Affairs"
    note: str = ""
    answered_on: str = ""


@dataclass(frozen=True)
class Result:
    item: Item
    state: str  # REGISTRY | ANSWERED | GAP
    finding: Finding | None = None
    answer: Answer | None = None
    reasons: tuple[str, ...] = field(default=())


def status_of(item: Item, facts: Facts, answer: Answer | None) -> Result:
    """Shown by the registry, answered with evidence, or a gap (with why)."""
    finding = CHECKS[item.registry](facts) if item.registry else None
    if finding is not None and finding.met:
        return Result(item, REGISTRY, finding, answer)
    reasons = []
    if finding is not None and finding.detail:
        reasons.append(finding.detail)
    if answer is not None and answer.status in ("met", "partial"):
        return Result(item, ANSWERED, finding, answer, tuple(reasons))
    if answer is not None:
        reasons.append("leadership: not in place")  # the note is shown with the answer
    elif finding is None or finding.met is None:
        reasons.append("no evidence yet")
    return Result(item, GAP, finding, answer, tuple(reasons))


def summary(results: list[Result]) -> dict[str, int]:
    counts = {REGISTRY: 0, ANSWERED: 0, GAP: 0}
    for result in results:
        counts[result.state] += 1
    return counts
