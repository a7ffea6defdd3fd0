"""Everything the example app adds to the shell, in one declaration (peaceops.core.plugins)."""

from peaceops.core.plugins import Command, Link, NavLinks, NavModule, Pages, Plugin, Provider

PLUGIN = Plugin(
    pages=Pages("almanac/", "peaceops.core.tests.plugin_app.urls"),
    api="peaceops.core.tests.plugin_app.api",
    modules=(NavModule("almanac", "Almanac", "Dates worth remembering, as a new module would add them.", order=75),),
    links=(
        NavLinks("almanac", (Link("Almanac days", url_name="plugin_app:days"),)),
        # An app may also add a page to a module another app heads, here after the reports' own.
        NavLinks("reports", (Link("Almanac for reports", url_name="plugin_app:days"),), order=200),
    ),
    commands=(Command("almanac", "print the almanac's days"),),
    report_sections=Provider("peaceops.core.tests.plugin_app.report_sections", order=5),
    search=Provider("peaceops.core.tests.plugin_app.search", order=99),
)
