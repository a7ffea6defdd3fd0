"""The role dashboards of the home page: boards of tiles, each tile offered by the app that owns its records.

The shell sits below the domain apps (pyproject.toml, import-linter "layers"), so it cannot read their
records itself. Each app that has something to say on a dashboard declares a module in its ``plugin.py``
(``dashboard=Provider("peaceops.<app>.dashboard", order=...)``, peaceops.core.plugins) holding ``TILES``:
``((board, function), ...)``. The function takes a :class:`Context` and returns a :class:`Tile` or
``None`` (nothing to show in this scope). The shell keeps the boards of the roles the user holds in the
scope and renders the tiles in the providers' order, then the order each module declares them.

Every tile reads through its app's selectors, which narrow to what the user may read
(``peaceops.accounts.access.visible``): a tile never counts a record of a mission or a level the
user is not cleared for. Every tile links to the page that lists what it counts, with the filter applied.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peaceops.accounts.roles import Role
from peaceops.core import plugins

# The boards, in the order a user holding several roles sees them (DESIGN.md, "Who uses it").
WATCH, ANALYST, PLANNER, LEADERSHIP = "watch", "analyst", "planner", "leadership"
BOARDS = {
    WATCH: _("Watch officer (JOC)"),
    ANALYST: _("Analyst (JMAC)"),
    PLANNER: _("Planner"),
    LEADERSHIP: _("Leadership"),
}
# A viewer reads the day's operating picture, as the watch officer keeps it; an administrator sees every board.
ROLE_BOARDS = {
    Role.VIEWER: (WATCH,),
    Role.OFFICER: (WATCH,),
    Role.ANALYST: (ANALYST,),
    Role.PLANNER: (PLANNER,),
    Role.LEADERSHIP: (LEADERSHIP,),
    Role.ADMINISTRATOR: tuple(BOARDS),
}


@dataclass(frozen=True)
class Context:
    """What a tile is computed for: the reader, the scope's missions and the day the dashboard opens on."""

    user: object
    day: dt.date
    mission_ids: tuple[int, ...]
    scope_kind: str  # "mission" or "region"
    scope_label: str  # the mission's acronym or the region's name
    memo: dict = field(default_factory=dict, compare=False)  # results two tiles share (alerts: watch and analyst)

    @property
    def mission(self) -> str | None:
        """The acronym of the mission in scope, or None for a region."""
        return self.scope_label if self.scope_kind == "mission" else None

    def scope_query(self) -> dict:
        """The query keys that name the scope on pages that take ``mission=`` or ``region=`` (the sitrep)."""
        return {"mission": self.scope_label} if self.scope_kind == "mission" else {"region": self.scope_label}

    def shared(self, key: str, compute):
        """``compute()`` once per dashboard, for tiles of several boards that read the same figures."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]


@dataclass
class Row:
    label: str
    value: object = ""  # a count, or a short text
    url: str = ""
    tone: str = ""  # "red", "amber", "green", "grey" or ""


@dataclass
class Tile:
    key: str  # unique on the page, e.g. "incidents.today"
    title: str
    url: str  # the page listing what the tile counts, filtered
    value: int | None = None  # the headline figure, if the tile has one
    caption: str = ""  # what the figure counts
    rows: list[Row] = field(default_factory=list)
    svg: str = ""  # an inline drawing the app built and escaped itself (a small map)
    empty: str = ""  # said when there is neither a figure nor a row
    hint: str = ""
    tone: str = ""  # the headline's colour: "red", "amber", "green" or ""


def link(url_name: str, args=None, **query) -> str:
    """A page's address with its filter in the query string (empty values left out)."""
    url = reverse(url_name, args=args)
    query = {key: value for key, value in query.items() if value not in (None, "", [])}
    return f"{url}?{urlencode(query, doseq=True)}" if query else url


def providers() -> tuple[tuple[str, object], ...]:
    """``(board, function)`` of every installed app's declared dashboard module, in the providers' order."""
    found = []
    for module in plugins.provider_modules("dashboard"):
        for board, function in getattr(module, "TILES", ()):
            if board not in BOARDS:
                raise ValueError(f"{module.__name__}: unknown board {board!r} (one of {', '.join(BOARDS)})")
            found.append((board, function))
    return tuple(found)


def boards_for(roles) -> list[str]:
    """The boards of the roles, each once, in the order of :data:`BOARDS`."""
    wanted = {board for role in roles for board in ROLE_BOARDS.get(Role(role), ())}
    return [board for board in BOARDS if board in wanted]


def build(context: Context, roles) -> list[dict]:
    """``[{"key", "title", "tiles"}]`` for the boards of ``roles``; a board without any tile is left out."""
    boards = []
    for board in boards_for(roles):
        tiles = [tile for b, function in providers() if b == board for tile in [function(context)] if tile]
        if tiles:
            boards.append({"key": board, "title": BOARDS[board], "tiles": tiles})
    return boards
