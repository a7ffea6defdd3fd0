"""Reads of the registry. Every classified read goes through ``peaceops.accounts.access.visible``.

Missions, organisations, countries and admin areas are public reference data (readable by any
signed-in user); components, posts, hats, people, assignments and reporting lines are
classified and narrowed to what the reader is cleared for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from peaceops.accounts.access import access_for, can_read_record, visible
from peaceops.accounts.history import readable_history
from peaceops.core import clock
from peaceops.core.models import Classified
from peaceops.registry import rules, terms
from peaceops.registry.models import (
    AdminArea,
    Assignment,
    Component,
    Country,
    Hat,
    Mission,
    MissionResolution,
    Organisation,
    Person,
    Post,
    Region,
    ReportingLine,
    Resolution,
    TermsOfReference,
)

# --------------------------------------------------------------------------- lists


def _signed_in(user) -> bool:
    return access_for(user).authenticated


def mission_list(user) -> QuerySet[Mission]:
    """Missions (public records) with what the list page shows."""
    if not _signed_in(user):
        return Mission.objects.none()
    return (Mission.objects.select_related("predecessor", "successor", "lead_department")
            .prefetch_related("host_countries").order_by("start_date", "acronym"))


def mission_detail(user, mission_id: int) -> Mission | None:
    if not _signed_in(user):
        return None
    mission = (Mission.objects.select_related("predecessor", "successor", "lead_department")
               .prefetch_related("host_countries", "regions").filter(pk=mission_id).first())
    return mission


def mandating_resolutions(user, mission: Mission) -> QuerySet[MissionResolution]:
    if not _signed_in(user):
        return MissionResolution.objects.none()
    return (MissionResolution.objects.filter(mission=mission).select_related("resolution")
            .order_by("resolution__adopted_on", "resolution__number"))


def organisation_list(user, search: str = "") -> QuerySet[Organisation]:
    if not _signed_in(user):
        return Organisation.objects.none()
    organisations = Organisation.objects.select_related("country", "parent")
    if search:
        organisations = organisations.filter(Q(name__icontains=search) | Q(acronym__icontains=search))
    return organisations.order_by("kind", "acronym", "name")


def person_list(user, search: str = "") -> QuerySet[Person]:
    """People the user may read, each with the posts they hold that the user may also read."""
    people = visible(Person.objects.select_related("nationality", "organisation"), user)
    if search:
        people = people.filter(name__icontains=search)
    assignments = visible(Assignment.objects.select_related("post__mission"), user)
    assignments = assignments.filter(post__in=visible(Post.objects.all(), user))
    return people.prefetch_related(Prefetch("assignments", queryset=assignments, to_attr="visible_assignments"))


def country_list(user, search: str = "") -> QuerySet[Country]:
    """Countries with how many admin 1 areas each has, those with areas first."""
    if not _signed_in(user):
        return Country.objects.none()
    countries = Country.objects.annotate(area_count=Count("admin_areas", filter=Q(admin_areas__level=1)))
    if search:
        countries = countries.filter(Q(name__icontains=search) | Q(iso3__iexact=search) | Q(iso2__iexact=search))
    return countries.order_by("-area_count", "name").only("id", "iso3", "iso2", "name")


def country_by_iso3(user, iso3: str) -> Country | None:
    if not _signed_in(user):
        return None
    return Country.objects.filter(iso3=iso3.upper()).defer("geometry").first()


def admin_areas(user, *, country: Country | None = None, parent: AdminArea | None = None) -> QuerySet:
    """Areas one level down: a country's admin 1 areas, or the children of ``parent``."""
    if not _signed_in(user):
        return AdminArea.objects.none()
    areas = AdminArea.objects.defer("geometry").annotate(child_count=Count("children"))
    if parent is not None:
        return areas.filter(parent=parent).order_by("name")
    return areas.filter(country=country, parent__isnull=True).order_by("level", "name")


def admin_area_by_pcode(user, pcode: str) -> AdminArea | None:
    if not _signed_in(user):
        return None
    return AdminArea.objects.select_related("country", "parent__parent__parent").filter(pcode=pcode).first()


def places_search(user, query: str, limit: int = 100) -> QuerySet[AdminArea]:
    """Admin areas whose P-code starts with, or whose name contains, ``query``."""
    if not _signed_in(user) or not query.strip():
        return AdminArea.objects.none()
    query = query.strip()
    return (AdminArea.objects.defer("geometry").select_related("country", "parent")
            .filter(Q(pcode__istartswith=query) | Q(name__icontains=query)).order_by("pcode")[:limit])


# --------------------------------------------------------------------------- mission structure


@dataclass
class OrgNode:
    """A post in the organigram with the posts that report to it directly."""

    post: Post
    children: list[OrgNode] = field(default_factory=list)


@dataclass
class MissionStructure:
    mission: Mission
    readable: bool  # False: the user holds no grant that reaches this mission's structure
    components: list[Component] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    tree: list[OrgNode] = field(default_factory=list)
    other_lines: list[ReportingLine] = field(default_factory=list)  # dotted, coordination... between posts
    organisation_lines: list[ReportingLine] = field(default_factory=list)
    warnings: list[rules.RuleWarning] = field(default_factory=list)


def mission_structure(user, mission: Mission, today: dt.date | None = None) -> MissionStructure:
    """Components, posts with hats and current holders, the organigram and the rule warnings.

    Built only from records ``user`` may read, rules included: a warning never rests on, nor
    names, a record the user cannot see.
    """
    if access_for(user).level_for(mission.id) is None:
        return MissionStructure(mission=mission, readable=False)
    today = today or clock.today()
    components = list(visible(Component.objects.filter(mission=mission), user).select_related("organisation"))
    posts = list(_visible_posts(user, mission, today))
    post_ids = {post.id for post in posts}
    lines = [line for line in visible(ReportingLine.objects.filter(from_post__in=post_ids), user)
             .select_related("to_organisation", "from_post", "to_post")
             if line.to_post_id is None or line.to_post_id in post_ids]
    direct = [line for line in lines if line.kind == ReportingLine.Kind.DIRECT and line.to_post_id]
    structure = MissionStructure(
        mission=mission, readable=True, components=components, posts=posts,
        tree=organigram(posts, direct),
        other_lines=[line for line in lines if line.to_post_id and line.kind != ReportingLine.Kind.DIRECT],
        organisation_lines=[line for line in lines if line.to_organisation_id],
    )
    structure.warnings = rules.check_mission(_facts(mission, components, posts, lines))
    return structure


def _visible_posts(user, mission, today):
    holders = (visible(Assignment.objects.all(), user)
               .filter(Q(start_date__isnull=True) | Q(start_date__lte=today))
               .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
               .filter(person__in=visible(Person.objects.all(), user))
               .select_related("person"))
    # A readable post may sit in a component classified above the reader: its name shows only when readable.
    readable_component = visible(Component.objects.filter(pk=OuterRef("component_id")), user)
    return (visible(Post.objects.filter(mission=mission), user)
            .annotate(component_readable=Exists(readable_component))
            .select_related("component")
            .prefetch_related(Prefetch("hats", queryset=visible(Hat.objects.select_related("on_behalf_of"), user),
                                       to_attr="visible_hats"),
                              Prefetch("assignments", queryset=holders, to_attr="current_assignments")))


def organigram(posts: list, direct_lines: list) -> list[OrgNode]:
    """A forest of posts along direct lines; a post with several direct superiors hangs under the first."""
    nodes = {post.id: OrgNode(post) for post in posts}
    superior: dict[int, int] = {}
    for line in sorted(direct_lines, key=lambda line: line.id or 0):
        if line.from_post_id in nodes and line.to_post_id in nodes:
            superior.setdefault(line.from_post_id, line.to_post_id)
    roots = []
    for post_id, node in nodes.items():
        boss = superior.get(post_id)
        if boss is None or _leads_back(superior, boss, post_id):
            roots.append(node)
        else:
            nodes[boss].children.append(node)
    _sort(roots)
    return roots


def _leads_back(superior: dict[int, int], start: int, goal: int) -> bool:
    """Whether climbing from ``start`` reaches ``goal`` (a cycle: show the post as a root instead)."""
    seen = set()
    while start is not None and start not in seen:
        if start == goal:
            return True
        seen.add(start)
        start = superior.get(start)
    return False


def _sort(nodes: list[OrgNode]) -> None:
    nodes.sort(key=lambda node: (_RANK.get(node.post.function, len(_RANK)), node.post.title))
    for node in nodes:
        _sort(node.children)


_RANK = {name: rank for rank, name in enumerate(
    ["srsg", "jsr", "dsrsg", "force_commander", "police_commissioner", "chief_of_staff", "director_support"])}


def _facts(mission, components, posts, lines) -> rules.MissionFacts:
    return rules.MissionFacts(
        acronym=mission.acronym,
        components=tuple(rules.ComponentFacts(
            id=c.id, name=c.name, kind=c.kind,
            organisation_acronym=c.organisation.acronym if c.organisation else "",
            organisation_name=c.organisation.name if c.organisation else "") for c in components),
        posts=tuple(rules.PostFacts(
            id=p.id, title=p.title, function=p.function,
            hats=tuple(rules.HatFacts(role=h.role, terms_of_reference=h.terms_of_reference,
                                      responsibilities=tuple(h.responsibilities or ()),
                                      label=str(h.get_role_display())) for h in p.visible_hats))
            for p in posts),
        lines=tuple(rules.LineFacts(
            from_post_id=line.from_post_id, kind=line.kind, to_post_id=line.to_post_id,
            to_organisation_acronym=line.to_organisation.acronym if line.to_organisation else "") for line in lines),
    )


# --------------------------------------------------------------------------- history

HISTORY_MODELS = {
    "country": Country, "adminarea": AdminArea, "region": Region, "organisation": Organisation,
    "resolution": Resolution, "mission": Mission, "missionresolution": MissionResolution,
    "component": Component, "post": Post, "hat": Hat, "person": Person, "assignment": Assignment,
    "reportingline": ReportingLine,
}


def record_with_history(user, model_name: str, pk: int):
    """``(record, entries)`` for a record the user may read, else None (the page answers 404).

    For a classified record, versions above the reader's clearance are left out
    (see peaceops.accounts.history).
    """
    model = HISTORY_MODELS.get(model_name)
    if model is None or not _signed_in(user):
        return None
    queryset = model.objects.filter(pk=pk)
    if issubclass(model, Classified):
        queryset = visible(queryset, user)
    record = queryset.first()
    if record is None:
        return None
    return record, readable_history(user, record)


def may_read(user, record) -> bool:
    return can_read_record(user, record) if isinstance(record, Classified) else _signed_in(user)


# --------------------------------------------------------------------------- terms of reference


@dataclass
class TermsVersion:
    record: TermsOfReference
    segments: list  # (duty code or "", words): the text cut at its marks (registry.terms)
    duties: list  # (code, label) in the order of the text


def hat_with_terms(user, hat_id: int) -> tuple[Hat | None, list[TermsVersion]]:
    """A hat the user may read and the versions of its terms of reference they may read, latest first."""
    hat = visible(Hat.objects.filter(pk=hat_id), user).select_related("post__mission", "on_behalf_of").first()
    if hat is None:
        return None, []
    versions = []
    for record in visible(TermsOfReference.objects.filter(hat=hat), user).select_related("author"):
        parsed = terms.parse(record.text) if record.text else terms.Terms("", ())
        versions.append(TermsVersion(record, parsed.segments(),
                                     [(code, terms.DUTIES[code]) for code in parsed.duties]))
    return hat, versions
