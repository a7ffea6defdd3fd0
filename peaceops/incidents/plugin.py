"""What the incidents app (JOC) adds to the shell (peaceops.core.plugins)."""

from peaceops.core.plugins import Command, Link, NavLinks, NavModule, Pages, Plugin, Provider, _

PLUGIN = Plugin(
    pages=Pages("incidents/", "peaceops.incidents.urls"),
    api="peaceops.incidents.api",
    modules=(
        NavModule("incidents", _("JOC / Incidents"),
                  _("Incidents with time, place, category, actors, casualties, source and its reliability, "
                    "classification; imports of UCDP GED, ACLED and HXL files; daily situation reports per "
                    "mission and per region; a map."),
                  order=20, seeds=("000 app. 2", "001")),
    ),
    links=(
        NavLinks("incidents", (
            Link(_("Incident log"), url_name="incidents:list"),
            Link(_("New incident"), url_name="incidents:new", action="edit_incidents"),
            Link(_("Incident map"), url_name="incidents:map"),
            Link(_("Daily situation report"), url_name="incidents:sitrep"),
            Link(_("Import events"), url_name="incidents:import", action="edit_incidents"),
        )),
    ),
    commands=(
        Command("import-events", "import events (UCDP GED, ACLED, HXL, Insecurity Insight) into the incident log",
                order=80),
        Command("sitrep", "the daily situation report of a mission or region for a date (json, md, html, pdf)",
                order=120),
    ),
    report_sections=Provider("peaceops.incidents.report_sections", order=60),
    search=Provider("peaceops.incidents.search", order=10),
    dashboard=Provider("peaceops.incidents.dashboard", order=10),
)
