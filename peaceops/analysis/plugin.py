"""What the analysis app (JMAC) adds to the shell (peaceops.core.plugins)."""

from peaceops.core.plugins import COVERS_REGION, Command, Link, NavLinks, NavModule, Pages, Plugin, Provider, _

PLUGIN = Plugin(
    pages=Pages("analysis/", "peaceops.analysis.urls"),
    api="peaceops.analysis.api",
    modules=(
        NavModule("analysis", _("JMAC / Analysis"),
                  _("Trends, hotspots, early-warning indicators and forecasts, armed groups and their cross-border "
                    "movements, displacement toward borders, security phases per area and their consistency across "
                    "borders, the quarterly joint regional security threat assessment."),
                  order=30, seeds=("000 §III.C", "000 §IV.A", "000 §IV.C")),
    ),
    links=(
        NavLinks("analysis", (
            Link(_("Early-warning alerts"), url_name="analysis:alerts"),
            Link(_("Replay"), url_name="analysis:replay"),
            Link(_("Trends"), url_name="analysis:trends"),
            Link(_("Hotspots"), url_name="analysis:hotspots"),
            Link(_("Armed groups"), url_name="analysis:groups"),
            Link(_("Security levels"), url_name="analysis:levels"),
            Link(_("Forecasts"), url_name="analysis:forecasts"),
            Link(_("Regional fusion"), url_name="analysis:fusion", action=COVERS_REGION),  # seed 000 §IV.C.1
        )),
    ),
    commands=(
        Command("alerts", "early-warning alerts known on a date (surges, new armed actors, toward-border moves)",
                order=140),
        Command("forecast", "country-month forecasts in the VIEWS layout, and their evaluation against the VIEWS "
                "benchmarks", order=150),
        Command("analysis", "armed groups and the borders they cross, security levels and their divergences, "
                "hotspots, a region's fusion view", order=160),
        Command("analysis-refresh", "relink armed groups to incident actors and refresh the stored country "
                "forecasts", order=170),
    ),
    report_sections=Provider("peaceops.analysis.report_sections", order=10),
    # The demo part's code lives with the scenario it reads (peaceops.demo sits above every app).
    demo_parts=(Provider("peaceops.demo.part_analysis", order=10),),
    dashboard=Provider("peaceops.analysis.dashboard", order=20),
)
