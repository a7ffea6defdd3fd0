"""What the leadership app adds to the shell (peaceops.core.plugins)."""

from peaceops.core.plugins import Link, NavLinks, Pages, Plugin, Provider, _

PLUGIN = Plugin(
    pages=Pages("leadership/", "peaceops.leadership.urls"),
    api="peaceops.leadership.api",
    links=(
        NavLinks("mandates", (
            Link(_("Political strategy and decisions"), url_name="leadership:index"),
        ), order=120),
    ),
    report_sections=Provider("peaceops.leadership.report_sections", order=25),
    # The demo part's code lives with the scenario it reads (peaceops.demo sits above every app).
    demo_parts=(Provider("peaceops.demo.part_leadership", order=60),),
)
