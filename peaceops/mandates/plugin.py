"""What the mandates app adds to the shell (peaceops.core.plugins)."""

from peaceops.core.plugins import Command, Link, NavLinks, NavModule, Pages, Plugin, Provider, _

PLUGIN = Plugin(
    pages=Pages("mandates/", "peaceops.mandates.urls"),
    api="peaceops.mandates.api",
    modules=(
        NavModule("mandates", _("Mandates and results"),
                  _("Resolutions, mandated tasks (priority and sequencing), ISF objectives shared by mission, UNCT "
                    "and government, the results framework as a template library, benchmarks with horizons, "
                    "indicators with baseline, target and measurements, periodic assessments, transition "
                    "readiness and handover, mandate review."),
                  order=40, seeds=("001", "003 §2-3", "004 ch. 3-6")),
    ),
    links=(
        NavLinks("mandates", (
            Link(_("Mandated tasks"), url_name="mandates:mandate"),
            Link(_("Framework library"), url_name="mandates:library"),
            Link(_("Integrated Strategic Frameworks"), url_name="mandates:isf-list"),
            Link(_("Risk register"), url_name="mandates:risk-register"),
            Link(_("Lessons shared between missions"), url_name="mandates:lessons"),
            Link(_("Integration checklist"), url_name="mandates:checklist-index"),
        )),
    ),
    commands=(
        Command("import-framework", "load seed 004 as the framework library (ch. 3-6: objectives, outputs, "
                "benchmarks; ch. 1-2: leadership guidance)", order=100),
        Command("import-measurements", "import indicator measurements (CSV, XLSX, HXL) for the ISF, checked line "
                "by line", order=110),
        Command("checklist", "print a mission's integration checklist: shown by the registry, answered with evidence, "
                "gaps", order=115),
    ),
    report_sections=Provider("peaceops.mandates.report_sections", order=20),
    # The demo parts' code lives with the scenario it reads (peaceops.demo sits above every app).
    demo_parts=(Provider("peaceops.demo.part_mandates", order=40), Provider("peaceops.demo.part_plans", order=50),
                Provider("peaceops.demo.part_checklist", order=55)),
    search=Provider("peaceops.mandates.search", order=70),
    dashboard=Provider("peaceops.mandates.dashboard", order=40),
)
