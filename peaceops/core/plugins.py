"""How an app plugs itself into the shell: what it declares, and the registry that reads the declarations.

Each installed app may hold one module ``plugin.py`` with one object ``PLUGIN = Plugin(...)`` saying what it
adds to the shell: navigation (a module of the menu it heads, pages it adds to a module), a report-section
provider, console commands, demo parts and a search provider. The central places (``web.modules``,
``reports.services``, ``cli``, ``demo.loader``, the search page) read these declarations and never name an
app, so adding an app edits no other one (docs/plugins.md). The project's URLs are built the same way: each app
names its page module and its API module, and ``peaceops.urls`` mounts them.

``plugin.py`` holds plain data and imports nothing but this module: it is read before Django is set up
(``peaceops help``) and its providers are named by dotted path, imported only when used. This module imports
no app (core is the lowest layer); it finds the apps through ``django.apps.apps``.
"""

from __future__ import annotations

import pkgutil
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

DECLARATION_MODULE = "plugin"

# Link.action of pages for readers who cover a region (a grant over one, or system-wide), not a roles.Action.
COVERS_REGION = "covers_region"


def _(message: str) -> str:
    """Marks a string for makemessages without translating it here; the templates translate at render time."""
    return message


@dataclass(frozen=True)
class Link:
    """One page of the menu: a URL name (reversed strictly: a missing name is a bug, not a hidden link) or a
    fixed path for pages served outside the URL names we own."""

    title: str
    url_name: str = ""  # reversed with django.urls.reverse, e.g. "registry:mission-list"
    path: str = ""  # used as is when the page lives outside the URL names we own
    action: str = ""  # a peaceops.accounts.roles.Action the page needs in the current scope; "" for reading;
    # COVERS_REGION: a page for readers who cover a region (a grant over one, or system-wide)
    system_wide: bool = False  # the action is needed for the whole system, not only in the current scope

    def __post_init__(self):
        if bool(self.url_name) == bool(self.path):
            raise ValueError(f"link {self.title!r} needs exactly one of url_name or path")


@dataclass(frozen=True)
class NavModule:
    """A module of the menu (DESIGN.md's modules), headed by the app that declares it; ``order`` places it."""

    slug: str
    title: str
    summary: str  # what DESIGN.md says the module holds and does
    order: int
    seeds: tuple[str, ...] = ()


@dataclass(frozen=True)
class NavLinks:
    """Pages an app adds to a module (its own or another app's); ``order`` places them among the module's."""

    module: str  # a NavModule slug
    links: tuple[Link, ...]
    order: int = 100


@dataclass(frozen=True)
class Command:
    """A console command (a Django management command of the app, ``import-places`` -> ``import_places``)."""

    name: str
    help: str  # one line, shown by ``peaceops help``
    order: int = 500


@dataclass(frozen=True)
class Provider:
    """A module named by dotted path, imported when first used; ``order`` sets who is asked first."""

    module: str
    order: int = 100


@dataclass(frozen=True)
class Pages:
    """The app's pages: a URL module (with ``app_name`` and ``urlpatterns``) mounted under ``prefix``.

    ``prefix`` is ``"incidents/"``-like; the shell's own root pages use ``""`` and are mounted last, so that
    no app's prefix is hidden behind them.
    """

    prefix: str
    module: str  # dotted path, imported when the project's URLs are built


@dataclass(frozen=True)
class Plugin:
    """Everything one app adds to the shell.

    ``report_sections``: a module with ``sections(request: DraftRequest) -> list[DraftSection]``
    (peaceops.reports.drafting). ``demo_parts``: modules with ``load(context)`` and ``COUNTED``, loaded by
    ``order`` after the scenario. ``search``: a module with ``search(user, words, limit) -> list[SearchGroup]``.
    ``dashboard``: a module with ``TILES = ((board, function), ...)`` (peaceops.web.dashboards).
    ``pages``: the app's page URLs (:class:`Pages`). ``api``: a module with ``ROUTES = [(prefix, viewset), ...]``
    and optionally ``PATHS = [django.urls.path(...), ...]``, mounted under ``/api/v1/`` (peaceops.urls).
    """

    modules: tuple[NavModule, ...] = ()
    links: tuple[NavLinks, ...] = ()
    commands: tuple[Command, ...] = ()
    report_sections: Provider | None = None
    demo_parts: tuple[Provider, ...] = ()
    search: Provider | None = None
    dashboard: Provider | None = None
    pages: Pages | None = None
    api: str = ""


@dataclass(frozen=True)
class SearchHit:
    """One record found: its label, where it is shown, and a line of context."""

    title: str
    url: str
    detail: str = ""
    classification: int | None = None  # the record's level, marked on the hit (None: reference data, unmarked)


@dataclass(frozen=True)
class SearchGroup:
    """The records of one kind found for a query: ``count`` all of them, ``hits`` the first few."""

    key: str  # stable, e.g. "incidents"
    title: str  # shown as is: the provider translates it
    count: int
    hits: tuple[SearchHit, ...] = field(default_factory=tuple)
    more_url: str = ""  # the kind's own list filtered by the query, when it has one


def _plugin_of(package: str) -> Plugin | None:
    name = f"{package}.{DECLARATION_MODULE}"
    try:
        if find_spec(name) is None:
            return None
    except ModuleNotFoundError:
        return None
    plugin = getattr(import_module(name), "PLUGIN", None)
    if not isinstance(plugin, Plugin):
        raise TypeError(f"{name}.PLUGIN must be a peaceops.core.plugins.Plugin, not {type(plugin).__name__}")
    return plugin


@lru_cache(maxsize=16)
def _declared(packages: tuple[str, ...]) -> tuple[tuple[str, Plugin], ...]:
    return tuple((package, plugin) for package in packages if (plugin := _plugin_of(package)) is not None)


def installed_packages() -> tuple[str, ...]:
    """The installed apps' packages in INSTALLED_APPS order (so a test's own app counts while it is installed).

    Before Django is set up (``peaceops help`` in a broken environment) it falls back to this project's
    packages, whose declarations are plain data.
    """
    from django.apps import apps

    if apps.ready:
        return tuple(config.name for config in apps.get_app_configs())
    project = Path(__file__).resolve().parent.parent
    return tuple(f"{project.name}.{info.name}" for info in pkgutil.iter_modules([str(project)]) if info.ispkg)


def declarations() -> tuple[tuple[str, Plugin], ...]:
    """``(app package, Plugin)`` of every installed app that declares one, in INSTALLED_APPS order."""
    return _declared(installed_packages())


def nav_modules() -> list[tuple[NavModule, tuple[Link, ...]]]:
    """The menu's modules in their order, each with the pages every app adds to it (in the links' order)."""
    modules: dict[str, NavModule] = {}
    added: dict[str, list[tuple[int, int, tuple[Link, ...]]]] = {}
    for position, (package, plugin) in enumerate(declarations()):
        for module in plugin.modules:
            if module.slug in modules:
                raise ValueError(f"{package}: the menu module {module.slug!r} is declared twice")
            modules[module.slug] = module
        for group in plugin.links:
            added.setdefault(group.module, []).append((group.order, position, group.links))
    unknown = sorted(set(added) - set(modules))
    if unknown:
        raise ValueError(f"links declared for menu modules nobody declares: {unknown}")
    return [(module, tuple(link for _o, _p, links in sorted(added.get(module.slug, []), key=lambda g: g[:2])
                           for link in links))
            for module in sorted(modules.values(), key=lambda m: (m.order, m.slug))]


def commands() -> list[Command]:
    """Every declared console command, by order then name; a name declared twice is a bug."""
    found: dict[str, Command] = {}
    for package, plugin in declarations():
        for command in plugin.commands:
            if command.name in found:
                raise ValueError(f"{package}: the command {command.name!r} is declared twice")
            found[command.name] = command
    return sorted(found.values(), key=lambda c: (c.order, c.name))


def _providers(kind: str) -> list[Provider]:
    found = []
    for _package, plugin in declarations():
        value = getattr(plugin, kind)
        found.extend(value if isinstance(value, tuple) else ([value] if value else []))
    return sorted(found, key=lambda p: (p.order, p.module))


def provider_modules(kind: str) -> list:
    """The imported modules of one kind of provider (``report_sections``, ``demo_parts``, ``search``), in order."""
    return [import_module(provider.module) for provider in _providers(kind)]


def page_mounts() -> list[Pages]:
    """Every app's pages, in INSTALLED_APPS order with the root (``""``) last; a prefix used twice is a bug."""
    mounts: dict[str, Pages] = {}
    for package, plugin in declarations():
        if plugin.pages is None:
            continue
        if plugin.pages.prefix in mounts:
            raise ValueError(f"{package}: the page prefix {plugin.pages.prefix!r} is declared twice")
        mounts[plugin.pages.prefix] = plugin.pages
    return sorted(mounts.values(), key=lambda pages: pages.prefix == "")


def api_modules() -> list[str]:
    """The API modules every app declares, in INSTALLED_APPS order (the order of the API root's listing)."""
    return [plugin.api for _package, plugin in declarations() if plugin.api]
