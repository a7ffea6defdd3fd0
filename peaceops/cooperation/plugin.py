"""What the cooperation app adds to the shell (peaceops.core.plugins): it heads the inter-mission module."""

from peaceops.core.plugins import Link, NavLinks, NavModule, Pages, Plugin, Provider, _

PLUGIN = Plugin(
    pages=Pages("cooperation/", "peaceops.cooperation.urls"),
    api="peaceops.cooperation.api",
    modules=(
        NavModule("cooperation", _("Inter-mission cooperation"),
                  _("Shared asset pool (aircraft, FPUs, engineers, support-base services), requests and loans with "
                    "consent and cost sharing, utilisation, inter-mission meetings and actions, information-sharing "
                    "agreements and focal points, cooperation benchmarks."),
                  order=60, seeds=("000 §III-IV",)),
    ),
    links=(
        # Meetings, actions, information sharing, contractors, benchmarks (seed 000 §III-IV), after the assets'.
        NavLinks("cooperation", (
            Link(_("Inter-mission meetings"), url_name="cooperation:meetings"),
            Link(_("Meeting actions"), url_name="cooperation:actions"),
            Link(_("Information sharing"), url_name="cooperation:sharing"),
            Link(_("Contractors"), url_name="cooperation:contractors"),
            Link(_("Cooperation benchmarks"), url_name="cooperation:benchmarks"),
        ), order=20),
    ),
    report_sections=Provider("peaceops.cooperation.report_sections", order=30),
    # The demo part's code lives with the scenario it reads (peaceops.demo sits above every app).
    demo_parts=(Provider("peaceops.demo.part_cooperation", order=20),),
)
