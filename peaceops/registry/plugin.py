"""What the registry adds to the shell (peaceops.core.plugins): its module, list pages, commands and search."""

from peaceops.core.plugins import Command, Link, NavLinks, NavModule, Pages, Plugin, Provider, _

PLUGIN = Plugin(
    pages=Pages("registry/", "peaceops.registry.urls"),
    api="peaceops.registry.api",
    modules=(
        NavModule("registry", _("Registry"),
                  _("Places (ISO 3166 countries, admin areas with P-codes), organisations, missions with their "
                    "mandating resolutions and integration model, components, posts and people with several hats, "
                    "typed reporting lines."),
                  order=10, seeds=("003 §1", "004 ch. 1")),
    ),
    links=(
        NavLinks("registry", (
            Link(_("Missions"), url_name="registry:mission-list"),
            Link(_("Organisations"), url_name="registry:organisation-list"),
            Link(_("Places"), url_name="registry:place-list"),
            Link(_("People"), url_name="registry:people-list"),
        )),
    ),
    commands=(
        Command("import-places", "load countries and admin areas (P-code gazetteer CSV, COD-AB GeoParquet, "
                "Natural Earth)", order=60),
        Command("areas", "missions' areas of responsibility and sectors over time: list, build from P-codes, "
                "import, end", order=70),
    ),
    search=Provider("peaceops.registry.search", order=30),
)
