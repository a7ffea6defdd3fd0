"""What the reports app adds to the shell (peaceops.core.plugins)."""

from peaceops.core.plugins import Command, Link, NavLinks, NavModule, Pages, Plugin, Provider, _

PLUGIN = Plugin(
    pages=Pages("reports/", "peaceops.reports.urls"),
    api="peaceops.reports.api",
    modules=(
        NavModule("reports", _("Reports"),
                  _("Daily situation report, threat assessment, ISF progress, the Secretary-General's report to the "
                    "Security Council with its inter-mission cooperation section; as HTML, PDF, DOCX, CSV and HXL."),
                  order=70, seeds=("000 §IV.E", "004 §3")),
    ),
    links=(NavLinks("reports", (Link(_("Reports"), url_name="reports:list"),)),),
    commands=(
        Command("report", "draft a threat assessment or SG report from the data, list reports, export PDF, DOCX or "
                "Markdown", order=190),
    ),
    # The demo's reports are drafted from every other part, so they load last.
    demo_parts=(Provider("peaceops.demo.part_reports", order=900),),
    search=Provider("peaceops.reports.search", order=50),
    dashboard=Provider("peaceops.reports.dashboard", order=50),
)
