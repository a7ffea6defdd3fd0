"""What the web shell declares for itself: the dashboard, the map and the API documentation (peaceops.core.plugins)."""

from peaceops.core.plugins import Link, NavLinks, NavModule, Pages, Plugin, _

PLUGIN = Plugin(
    pages=Pages("", "peaceops.web.urls"),  # the shell's root pages, mounted after every app's
    api="peaceops.web.search",
    modules=(
        NavModule("dashboard", _("Dashboard"),
                  _("The current mission or region at a glance: structure, leadership, host countries, "
                    "mandating resolutions and recent changes."), order=0),
        NavModule("map", _("Map"),
                  _("Mission headquarters, host countries and their admin areas, drawn without any external "
                    "tile server."), order=80),
        NavModule("api", _("API"), _("The versioned REST API under /api/v1/ and its OpenAPI documentation."),
                  order=90),
    ),
    links=(
        NavLinks("dashboard", (Link(_("Dashboard"), url_name="web:home"),)),
        NavLinks("map", (Link(_("Map"), url_name="web:map"),)),
        NavLinks("api", (Link(_("API documentation"), path="/api/v1/docs/"),)),
    ),
)
