"""What the coordination app adds to the shell (peaceops.core.plugins)."""

from peaceops.core.plugins import Command, Link, NavLinks, NavModule, Pages, Plugin, Provider, _

PLUGIN = Plugin(
    pages=Pages("coordination/", "peaceops.coordination.urls"),
    api="peaceops.coordination.api",
    modules=(
        NavModule("coordination", _("Coordination"),
                  _("Who does what where (3W) across components, agencies and NGOs, duplication and gap detection, "
                    "funding streams (assessed, voluntary, MDTF) and programme gaps, integration model per sector, "
                    "humanitarian-space rules."),
                  order=50, seeds=("002", "003 §2.4", "004 ch. 6")),
    ),
    links=(
        NavLinks("coordination", (
            Link(_("Who does what where"), url_name="coordination:activities"),
            Link(_("Duplications"), url_name="coordination:duplications"),
            Link(_("Needs"), url_name="coordination:needs"),
            Link(_("Gaps and coordination map"), url_name="coordination:gaps"),
            Link(_("Funding"), url_name="coordination:funding"),
            Link(_("Integration matrix"), url_name="coordination:integration"),
            Link(_("Humanitarian space"), url_name="coordination:humanitarian"),
            # 3W rows are shared reference data: uploading them needs the right system-wide (views.upload)
            Link(_("Upload a 3W file"), url_name="coordination:upload", action="edit_coordination",
                 system_wide=True),
        )),
    ),
    commands=(
        Command("import-3w", "import who-does-what-where files (OCHA 3W workbooks, HDX operational presence, "
                "HXL 3W)", order=90),
        Command("import-needs", "import needs per area and sector (CSV with HXL tags) for the coordination gaps "
                "view", order=130),
    ),
    report_sections=Provider("peaceops.coordination.report_sections", order=50),
    search=Provider("peaceops.coordination.search", order=60),
)
