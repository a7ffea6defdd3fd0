"""Who may read and change what: the single place where grants become query filters and write checks.

Every selector, API view, export and search narrows its queryset with :func:`visible`, so a
record a user is not cleared for is absent everywhere (not listed, not counted, not found by
id: a 404 rather than a 403, so its existence cannot be inferred either).

Every write is checked once, by :func:`require`, inside the service that makes it, before anything
is written; the service takes the acting principal explicitly: a user, or :data:`SYSTEM` for
loaders and jobs that act for the installation itself (docs/security.md).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from peaceops.accounts.models import Grant
from peaceops.accounts.roles import Action, Role, actions_for
from peaceops.core.classification import HIGHEST, LEVELS, Classification
from peaceops.core.errors import Denied


class SystemPrincipal:
    """The installation acting for itself: the demo loader, the command line without ``--user``, jobs.

    It has no database row (history records no user for it) and every right; services take it
    explicitly, so that "no actor" is never mistaken for "the system" (``None`` is refused).
    """

    is_authenticated = True
    is_active = True
    is_superuser = True
    is_staff = False
    pk = id = None
    username = "(system)"

    def get_username(self) -> str:
        return self.username

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM = SystemPrincipal()


@dataclass(frozen=True)
class SharedGrant:
    """Read access one mission gives another's users to a subject (information-sharing agreements, seed 000 §III.C.1).

    ``mission_id`` is the sharing mission, ``level`` the highest classification readable (the agreed
    level capped by the reader's own clearance), ``categories`` the only categories shared (empty: all).
    ``include_drafts``: the agreement explicitly shares rows not yet verified; without it only the rows
    meeting the subject's ``verified`` condition cross (a draft is the sharer's working copy, not yet
    information another mission should act on).
    """

    subject: str
    mission_id: int
    level: int
    categories: tuple[str, ...] = ()
    include_drafts: bool = False
    ids: tuple[int, ...] = ()  # a release of chosen rows: only these ids open (empty: every row of the subject)


# Who shares what with a user's missions. Apps register a source (peaceops.cooperation does, for its
# sharing agreements and neighbour warnings): ``source(mission_levels) -> [(subject, sharer_id,
# receiver_id, up_to, categories[, include_drafts[, ids]]), ...]``, asked once per request in :func:`compute_access`.
_SHARING_SOURCES: list[Callable] = []
NEIGHBOURS = "neighbours"  # the subject of models with SHARED_WITH_NEIGHBOURS = True


@dataclass(frozen=True)
class SharingSubject:
    """How a model's rows are shared: the subject, the field agreements' categories match, and a fixed
    condition every shared row must meet (e.g. ``{"status": "approved"}``: only approved reports).

    ``verified``: the condition a shared row must also meet unless the grant includes drafts (e.g.
    ``{"status__in": ["verified", "published"]}``).
    """

    subject: str
    category_field: str = ""
    only: tuple[tuple[str, object], ...] = ()
    verified: tuple[tuple[str, object], ...] = ()


# Models that cannot carry a ``SHARING_SUBJECT`` attribute themselves: label -> SharingSubject.
_MODEL_SUBJECTS: dict[str, SharingSubject] = {}


def register_sharing_source(source: Callable) -> None:
    if source not in _SHARING_SOURCES:
        _SHARING_SOURCES.append(source)


def register_sharing_subject(model_label: str, subject: str, category_field: str = "",
                             only: dict | None = None, verified: dict | None = None) -> None:
    _MODEL_SUBJECTS[model_label.lower()] = SharingSubject(subject, category_field, tuple((only or {}).items()),
                                                          tuple((verified or {}).items()))


def sharing_subject_of(model) -> SharingSubject | None:
    """How a model's rows can be shared, or None.

    A model declares ``SHARING_SUBJECT`` (and optionally ``SHARING_CATEGORY_FIELD``, ``SHARING_ONLY``),
    or ``SHARED_WITH_NEIGHBOURS = True``, or is registered with :func:`register_sharing_subject`.
    """
    if getattr(model, "SHARED_WITH_NEIGHBOURS", False):
        return SharingSubject(NEIGHBOURS)
    subject = getattr(model, "SHARING_SUBJECT", None)
    if subject:
        return SharingSubject(subject, getattr(model, "SHARING_CATEGORY_FIELD", ""),
                              tuple(getattr(model, "SHARING_ONLY", {}).items()))
    return _MODEL_SUBJECTS.get(model._meta.label_lower)


@dataclass(frozen=True)
class Access:
    """What one user is cleared for, computed once per request from their grants."""

    mission_levels: dict[int, int] = field(default_factory=dict)
    mission_actions: dict[int, frozenset[Action]] = field(default_factory=dict)
    system_level: int | None = None
    system_actions: frozenset[Action] = frozenset()
    authenticated: bool = False
    shared: tuple[SharedGrant, ...] = ()  # read-only; never widens what a user may write

    def level_for(self, mission_id: int | None) -> int | None:
        """The highest classification readable for a mission's records, or None for none."""
        levels = [self.system_level, self.mission_levels.get(mission_id) if mission_id else None]
        levels = [lvl for lvl in levels if lvl is not None]
        if mission_id is None and self.authenticated:
            levels.append(Classification.UNCLASSIFIED)  # shared reference data
        return max(levels) if levels else None

    def can_read(self, mission_id: int | None, classification: int) -> bool:
        level = self.level_for(mission_id)
        return level is not None and classification <= level

    def can(self, action: Action, mission_id: int | None = None) -> bool:
        if action in self.system_actions:
            return True
        return mission_id is not None and action in self.mission_actions.get(mission_id, frozenset())

    def can_read_shared(self, subject: str | None, mission_id: int | None, classification: int,
                        category: str | None = None) -> bool:
        """Whether a sharing grant opens one record of ``subject`` (reading only)."""
        return subject is not None and any(
            g.subject == subject and g.mission_id == mission_id and classification <= g.level
            and (not g.categories or category in g.categories) and not g.ids for g in self.shared)

    @property
    def mission_ids(self) -> set[int] | None:
        """Missions the user holds a grant for, or None meaning all of them (system-wide grant)."""
        return None if self.system_level is not None else set(self.mission_levels)


NO_ACCESS = Access()


def compute_access(user) -> Access:
    """Fold a user's grants (mission, region, system-wide) into an :class:`Access`."""
    # The registry's Mission, reached through the grant's own relation: accounts sits below the
    # registry in the layers and names its models only as relations (the registry reads access).
    mission_model = Grant._meta.get_field("mission").related_model
    if not user or not user.is_authenticated or not user.is_active:
        return NO_ACCESS
    if user.is_superuser:
        return Access(system_level=HIGHEST, system_actions=actions_for(Role), authenticated=True)

    mission_levels: dict[int, int] = {}
    mission_roles: dict[int, set[str]] = {}
    system_level, system_roles = None, set()
    grants = list(Grant.objects.filter(user=user).values("role", "mission_id", "region_id", "clearance"))
    region_missions = _missions_by_region({g["region_id"] for g in grants if g["region_id"]}, mission_model)
    for grant in grants:
        if grant["mission_id"]:
            missions = [grant["mission_id"]]
        elif grant["region_id"]:
            missions = region_missions.get(grant["region_id"], [])
        else:
            system_level = max(grant["clearance"], system_level or 0)
            system_roles.add(grant["role"])
            continue
        for mission_id in missions:
            mission_levels[mission_id] = max(grant["clearance"], mission_levels.get(mission_id, 0))
            mission_roles.setdefault(mission_id, set()).add(grant["role"])
    return Access(
        mission_levels=mission_levels,
        mission_actions={m: actions_for(r) for m, r in mission_roles.items()},
        system_level=system_level,
        system_actions=actions_for(system_roles),
        authenticated=True,
        shared=_shared_grants(mission_levels) if system_level is None else (),
    )


def _shared_grants(mission_levels: dict[int, int]) -> tuple[SharedGrant, ...]:
    """What other missions share with the user's missions, each capped by the user's clearance there."""
    if not mission_levels:
        return ()
    grants = set()
    for source in _SHARING_SOURCES:
        for subject, sharer_id, receiver_id, up_to, categories, *rest in source(mission_levels):
            cleared = mission_levels.get(receiver_id)
            if cleared is not None:
                grants.add(SharedGrant(subject, sharer_id, min(up_to, cleared), tuple(sorted(categories or ())),
                                       bool(rest and rest[0]), tuple(sorted(rest[1])) if len(rest) > 1 else ()))
    return tuple(sorted(grants, key=lambda g: (g.subject, g.mission_id, g.level, g.categories, g.include_drafts,
                                               g.ids)))


def _missions_by_region(region_ids, mission_model) -> dict[int, list[int]]:
    if not region_ids:
        return {}
    links = mission_model.regions.through.objects.filter(region_id__in=region_ids)
    result: dict[int, list[int]] = {}
    for link in links.values("region_id", "mission_id"):
        result.setdefault(link["region_id"], []).append(link["mission_id"])
    return result


def access_for(user) -> Access:
    """The user's :class:`Access`, cached on the user object for the rest of the request."""
    if user is None:
        return NO_ACCESS
    cached = getattr(user, "_peaceops_access", None)
    if cached is None:
        cached = compute_access(user)
        try:
            user._peaceops_access = cached
        except AttributeError:  # AnonymousUser instances are shared; do not cache on them
            pass
    return cached


def visibility_filter(access: Access, mission_field: str = "owning_mission",
                      classification_field: str = "classification", sharing: SharingSubject | None = None) -> Q:
    """A Q object keeping the rows ``access`` may read; ``sharing``: how the model's rows are shared."""
    if not access.authenticated:
        return Q(pk__in=[])
    allowed = Q(**{f"{mission_field}__isnull": True, f"{classification_field}": Classification.UNCLASSIFIED})
    if access.system_level is not None:
        allowed |= Q(**{f"{classification_field}__lte": access.system_level})
    for level in LEVELS:
        missions = [m for m, cleared in access.mission_levels.items() if cleared >= level]
        if missions:
            allowed |= Q(**{classification_field: level, f"{mission_field}__in": missions})
    if sharing is not None:
        for grant in access.shared:
            if grant.subject == sharing.subject:
                opened = Q(**{mission_field: grant.mission_id, f"{classification_field}__lte": grant.level},
                           **dict(sharing.only))
                if grant.categories and sharing.category_field:
                    opened &= Q(**{f"{sharing.category_field}__in": grant.categories})
                if sharing.verified and not grant.include_drafts:
                    opened &= Q(**dict(sharing.verified))
                if grant.ids:
                    opened &= Q(pk__in=grant.ids)
                allowed |= opened
    return allowed


def visible(queryset: QuerySet, user, mission_field: str | None = None,
            classification_field: str = "classification") -> QuerySet:
    """Narrow ``queryset`` to what ``user`` may read.

    The mission column defaults to the model's ``MISSION_FIELD`` (see ``core.models.Classified``).
    """
    mission_field = mission_field or getattr(queryset.model, "MISSION_FIELD", "owning_mission")
    sharing = sharing_subject_of(queryset.model)
    narrowed = queryset.filter(visibility_filter(access_for(user), mission_field, classification_field, sharing))
    parent = getattr(queryset.model, "PARENT_FIELD", None)
    if parent:
        # A child (a report's section, an ISF's objective, a post's hat) is read only with its parent: its own
        # level may be lower than the parent's, and what it says is about the parent.
        parent_model = queryset.model._meta.get_field(parent).related_model
        narrowed = narrowed.filter(**{f"{parent}__in": visible(parent_model._default_manager.all(), user).values("pk")})
    return narrowed


def mission_id_of(record) -> int | None:
    """The id of the mission that owns ``record``, following its ``MISSION_FIELD``."""
    target = record
    model = type(record)
    if not hasattr(model, "MISSION_FIELD") and not hasattr(model, "owning_mission_id"):
        return None  # a record no mission owns (reference data, grants)
    path = getattr(model, "MISSION_FIELD", "owning_mission").split("__")
    for name in path[:-1]:
        target = getattr(target, name)
        if target is None:
            return None
    return getattr(target, f"{path[-1]}_id")


def can_read_record(user, record) -> bool:
    """Whether ``user`` may read one already-loaded classified record (and the parent it hangs from)."""
    parent = getattr(type(record), "PARENT_FIELD", None)
    parent_id = getattr(record, f"{parent}_id", None) if parent else None
    if parent_id is not None:  # asked of the store: a parent loaded earlier may have been reclassified since
        parent_model = type(record)._meta.get_field(parent).related_model
        if not visible(parent_model._default_manager.filter(pk=parent_id), user).exists():
            return False
    access, mission_id = access_for(user), mission_id_of(record)
    if access.can_read(mission_id, record.classification):
        return True
    sharing = sharing_subject_of(type(record))
    if sharing is None:
        return False
    if "__" in sharing.category_field or sharing.only or sharing.verified or any(g.ids for g in access.shared):
        # a row condition (or a release of chosen rows): ask the database once
        return visible(type(record)._default_manager.filter(pk=record.pk), user).exists()
    category = getattr(record, sharing.category_field, None) if sharing.category_field else None
    return access.can_read_shared(sharing.subject, mission_id, record.classification, category)


def can(user, action: Action, mission_id: int | None = None) -> bool:
    return access_for(user).can(action, mission_id)


def history_user(actor):
    """The user a history row names for ``actor`` (None for :data:`SYSTEM`, which has no row)."""
    return actor if getattr(actor, "pk", None) is not None else None


_UNSET = object()


def require(actor, action: Action, target=None, *, mission_id=_UNSET, classification: int | None = None,
            shared_by_any: bool = False, what: str = "") -> None:
    """The one write check: refuse unless ``actor`` may do ``action`` on ``target``.

    ``target`` is a model instance (saved or not): its mission follows ``MISSION_FIELD`` and its
    classification must be within the actor's clearance there, and a parent it hangs from must be
    readable too. Without a target, name ``mission_id`` (None: shared records) and optionally a
    ``classification``. Shared records (no mission) need the action system-wide, or, with
    ``shared_by_any``, in any mission (reference data every mission contributes to, e.g. actors).
    Raises :class:`~peaceops.core.errors.Denied` with a reason; returns nothing.
    """
    if actor is None or not getattr(actor, "is_authenticated", False) or not getattr(actor, "is_active", False):
        raise Denied("An authenticated, active user is needed for this change.")
    if target is not None:
        if mission_id is _UNSET:
            mission_id = mission_id_of(target)
        if classification is None:
            classification = getattr(target, "classification", None)
    elif mission_id is _UNSET:
        raise TypeError("require() needs a target or a mission_id")
    refusal = _refusal(actor, action, mission_id, classification, shared_by_any)
    if refusal is not None:
        doing = f" ({what})" if what else ""
        raise Denied(refusal.replace("{doing}", doing), field="classification" if "clearance" in refusal else None)
    if target is not None:
        _require_readable_parents(actor, target)


def permits(actor, action: Action, mission_id: int | None, classification: int | None = None,
            shared_by_any: bool = False) -> bool:
    """:func:`require`'s answer as a yes or no, for writes that check many rows at once (imports)."""
    if actor is None or not getattr(actor, "is_authenticated", False) or not getattr(actor, "is_active", False):
        return False
    return _refusal(actor, action, mission_id, classification, shared_by_any) is None


def _refusal(actor, action: Action, mission_id, classification, shared_by_any: bool) -> str | None:
    access = access_for(actor)
    allowed = access.can(action, mission_id) or (
        mission_id is None and shared_by_any and any(action in acts for acts in access.mission_actions.values()))
    if not allowed:
        return (f"You may not do this{{doing}}: it needs the {action.value} right for "
                f"{'this mission' if mission_id else 'the whole system'}.")
    if classification is not None and not _cleared(access, mission_id, classification, shared_by_any):
        return "The classification is above your clearance for this mission."
    return None


def _cleared(access: Access, mission_id, classification: int, shared_by_any: bool) -> bool:
    if mission_id is None and shared_by_any:
        return classification == Classification.UNCLASSIFIED or access.can_read(None, classification)
    return access.can_read(mission_id, classification)


def _require_readable_parents(actor, target) -> None:
    """A child record (a section, a row of a meeting) is written only by someone who may read its parent."""
    path = getattr(type(target), "MISSION_FIELD", "owning_mission").split("__")
    record = target
    for name in path[:-1]:
        record = getattr(record, name, None)
        if record is None:
            return
        if hasattr(record, "classification") and hasattr(type(record), "_meta") and not can_read_record(actor, record):
            raise Denied("You may not change records under a parent you cannot read.")
