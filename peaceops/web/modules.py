"""The modules of DESIGN.md as the shell shows them: one list used by the navigation, the pages and the tests.

The list is assembled from what each installed app declares in its ``plugin.py`` (peaceops.core.plugins):
the app heading a module declares its title, summary and seeds, and every app adds its own pages to it.
Titles and descriptions are marked with ``_`` in those declarations so that ``makemessages`` collects
them; templates translate them at render time (``{% translate %}``). A link is either a URL name
(reversed strictly: a missing name is a bug, not a hidden link) or a fixed path for pages served outside
the shell. A module without pages of its own is shown as a page saying plainly what it will hold
(``web:module``).
"""

from dataclasses import dataclass, field

from peaceops.core import plugins
from peaceops.core.plugins import COVERS_REGION, Link

__all__ = ["COVERS_REGION", "Link", "Module", "SEEDS", "by_slug", "not_built", "seed_titles"]


@dataclass(frozen=True)
class Module:
    slug: str
    title: str
    summary: str  # what DESIGN.md says the module holds and does
    seeds: tuple[str, ...] = ()
    links: tuple[Link, ...] = field(default_factory=tuple)

    @property
    def built(self) -> bool:
        return bool(self.links)


# The five seed documents (DESIGN.md, table of seeds), by their number.
SEEDS = {
    "000": "Angelo, Inter-mission Cooperation: Sudan and Central Africa (NUPI 2011)",
    "001": "IPI/France seminar, Making Peace While Maintaining It (2015)",
    "002": "ISS seminar, Multidimensional and Integrated Peace Operations (2007)",
    "003": "Eide et al., Report on Integrated Missions (2005)",
    "004": "Challenges Forum, Considerations for Mission Leadership (2010)",
}


def modules() -> tuple[Module, ...]:
    """The menu's modules in order, with the pages the installed apps declare for each."""
    return tuple(Module(nav.slug, nav.title, nav.summary, nav.seeds, links) for nav, links in plugins.nav_modules())


def __getattr__(name: str):
    # ``modules.MODULES`` is read at each use, so that an app installed later (a test's own app) shows.
    if name == "MODULES":
        return modules()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def by_slug(slug: str) -> Module | None:
    return next((module for module in modules() if module.slug == slug), None)


def not_built() -> list[Module]:
    return [module for module in modules() if not module.built]


def seed_titles(module: Module) -> list[tuple[str, str, str]]:
    """``(seed number, passages, document title)`` per seed document a module comes from.

    ``("000 §III.C", "000 §IV.A")`` becomes ``[("000", "§III.C, §IV.A", "Angelo, ...")]``.
    """
    passages: dict[str, list[str]] = {}
    for ref in module.seeds:
        number, _sep, passage = ref.partition(" ")
        passages.setdefault(number, [])
        if passage:
            passages[number].append(passage)
    return [(number, ", ".join(parts), SEEDS.get(number, "")) for number, parts in passages.items()]
