"""Template context every page of the shell needs: the scope switcher and the navigation."""

from django.urls import reverse

from peaceops.accounts.access import access_for
from peaceops.accounts.roles import Action
from peaceops.core import clock
from peaceops.web import modules, scope


def link_url(link: modules.Link) -> str:
    """A link's address. URL names are reversed strictly: a missing one fails loudly in tests."""
    return reverse(link.url_name) if link.url_name else link.path


def module_links(module: modules.Module, may=lambda action: True, may_system_wide=None) -> list[dict]:
    """``[{"title", "url"}]`` for a module: its own pages, or the page saying it is not built yet.

    ``may(action)`` says whether the reader may use a page that needs ``action`` in the current scope,
    ``may_system_wide(action)`` (default: ``may``) for pages that need it for the whole system; pages
    they may not use are left out rather than shown and refused.
    """
    if not module.built:
        return [{"title": module.title, "url": reverse("web:module", args=[module.slug])}]
    system = may_system_wide or may
    return [{"title": link.title, "url": link_url(link)} for link in module.links
            if not link.action or (system if link.system_wide else may)(link.action)]


def navigation(request) -> list[dict]:
    """One entry per module of DESIGN.md, in the order of web/modules.py, marking the current page."""
    access = access_for(request.user)
    current = scope.current(request)
    mission_id = current["id"] if current["kind"] == "mission" else None
    covers_region = scope.regions_for(request.user).exists()
    entries = []
    for module in modules.MODULES:
        links = module_links(module, may=lambda action: covers_region if action == modules.COVERS_REGION
                             else access.can(Action(action), mission_id),
                             may_system_wide=lambda action: access.can(Action(action), None))
        entries.append({"module": module, "links": links})
    # The current page is the link with the longest address that the path starts with, so that
    # /incidents/sitrep/ marks the sitrep and not the incident log at /incidents/.
    here = _current_url(request.path, [link["url"] for entry in entries for link in entry["links"]])
    for entry in entries:
        for link in entry["links"]:
            link["current"] = link["url"] == here
        entry["current"] = any(link["current"] for link in entry["links"])
    return entries


def _current_url(path: str, urls: list[str]) -> str | None:
    matches = [url for url in urls if path == url or (url != "/" and path.startswith(url))]
    return max(matches, key=len, default=None)


def shell(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"shell": scope.shell_context(request), "nav": navigation(request)}


def scenario(request):
    """The scenario's day, for the banner every page shows while the app runs as of a fixed date."""
    return {"scenario_day": clock.scenario_day()}
