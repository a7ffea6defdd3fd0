"""What the shared asset pool adds to the shell (peaceops.core.plugins): its pages open the cooperation module."""

from peaceops.core.plugins import Command, Link, NavLinks, Pages, Plugin, Provider, _

PLUGIN = Plugin(
    pages=Pages("assets/", "peaceops.assets.urls"),
    api="peaceops.assets.api",
    links=(
        # The shared asset pool (seed 000 §IV.B.3: assets shared across missions).
        NavLinks("cooperation", (
            Link(_("Asset pool"), url_name="assets:pool"),
            Link(_("Loan calendar"), url_name="assets:calendar"),
            Link(_("Asset requests"), url_name="assets:requests"),
            Link(_("New asset request"), url_name="assets:request-new", action="edit_coordination"),
            Link(_("Cost sharing"), url_name="assets:costs"),
            Link(_("Asset utilisation"), url_name="assets:utilisation"),
        ), order=10),
    ),
    commands=(
        Command("assets", "the shared asset pool: cost-sharing report per region and year, idle assets for open "
                "requests", order=180),
    ),
    report_sections=Provider("peaceops.assets.report_sections", order=40),
    # The demo part's code lives with the scenario it reads (peaceops.demo sits above every app).
    demo_parts=(Provider("peaceops.demo.part_assets", order=30),),
    dashboard=Provider("peaceops.assets.dashboard", order=60),
)
