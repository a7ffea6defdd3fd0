"""The modules of DESIGN.md as the shell shows them: one list used by the navigation, the pages and the tests.

Pure module: no Django imports. Titles and descriptions are marked with ``_`` so that
``makemessages`` collects them; templates translate them at render time (``{% translate %}``).
A link is either a URL name (reversed strictly: a missing name is a bug, not a hidden link) or a
fixed path for pages served outside the shell. A module that is not built yet has no links of its
own: the shell serves a page saying plainly what it will hold (``web:module``).
"""

from dataclasses import dataclass, field


def _(message: str) -> str:
    """Marks a string for translation without translating it here (the template does)."""
    return message


@dataclass(frozen=True)
class Link:
    title: str
    url_name: str = ""  # reversed with django.urls.reverse, e.g. "registry:mission-list"
    path: str = ""  # used as is when the page lives outside the URL names we own
    action: str = ""  # a peaceops.accounts.roles.Action the page needs in the current scope; "" for reading;
    # COVERS_REGION: a page for readers who cover a region (a grant over one, or system-wide)
    system_wide: bool = False  # the action is needed for the whole system, not only in the current scope

    def __post_init__(self):
        if bool(self.url_name) == bool(self.path):
            raise ValueError(f"link {self.title!r} needs exactly one of url_name or path")


@dataclass(frozen=True)
class Module:
    slug: str
    title: str
    summary: str  # what DESIGN.md says the module holds and does
    seeds: tuple[str, ...] = ()
    links: tuple[Link, ...] = field(default_factory=tuple)

    @property
    def built(self) -> bool:
        return bool(self.links)


COVERS_REGION = "covers_region"  # Link.action of pages for readers who cover a region, not a roles.Action


# The five seed documents (DESIGN.md, table of seeds), by their number.
SEEDS = {
    "000": "Angelo, Inter-mission Cooperation: Sudan and Central Africa (NUPI 2011)",
    "001": "IPI/France seminar, Making Peace While Maintaining It (2015)",
    "002": "ISS seminar, Multidimensional and Integrated Peace Operations (2007)",
    "003": "Eide et al., Report on Integrated Missions (2005)",
    "004": "Challenges Forum, Considerations for Mission Leadership (2010)",
}

# The registry's list pages, built by the registry app: the one place for their URL names.
REGISTRY_LINKS = (
    Link(_("Missions"), url_name="registry:mission-list"),
    Link(_("Organisations"), url_name="registry:organisation-list"),
    Link(_("Places"), url_name="registry:place-list"),
    Link(_("People"), url_name="registry:people-list"),
)

# The incidents module's pages (JOC): the log, entry, map, daily sitrep and imports.
INCIDENT_LINKS = (
    Link(_("Incident log"), url_name="incidents:list"),
    Link(_("New incident"), url_name="incidents:new", action="edit_incidents"),
    Link(_("Incident map"), url_name="incidents:map"),
    Link(_("Daily situation report"), url_name="incidents:sitrep"),
    Link(_("Import events"), url_name="incidents:import", action="edit_incidents"),
    Link(_("My imports"), url_name="jobs:history", action="edit_incidents"),  # the uploads' jobs and line reports
)

# The coordination module's pages: 3W, duplications, funding cell, integration matrix.
COORDINATION_LINKS = (
    Link(_("Who does what where"), url_name="coordination:activities"),
    Link(_("Duplications"), url_name="coordination:duplications"),
    Link(_("Needs"), url_name="coordination:needs"),
    Link(_("Gaps and coordination map"), url_name="coordination:gaps"),
    Link(_("Funding"), url_name="coordination:funding"),
    Link(_("Integration matrix"), url_name="coordination:integration"),
    Link(_("Humanitarian space"), url_name="coordination:humanitarian"),
    # 3W rows are shared reference data: uploading them needs the right system-wide (coordination.views.upload)
    Link(_("Upload a 3W file"), url_name="coordination:upload", action="edit_coordination", system_wide=True),
    Link(_("My imports"), url_name="jobs:history", action="edit_coordination"),
)

# The pages of the analysis, mandates, assets, cooperation and reports apps; each app's own tuple.
ANALYSIS_LINKS: tuple[Link, ...] = (
    Link(_("Early-warning alerts"), url_name="analysis:alerts"),
    Link(_("Replay"), url_name="analysis:replay"),
    Link(_("Trends"), url_name="analysis:trends"),
    Link(_("Hotspots"), url_name="analysis:hotspots"),
    Link(_("Armed groups"), url_name="analysis:groups"),
    Link(_("Security levels"), url_name="analysis:levels"),
    Link(_("Forecasts"), url_name="analysis:forecasts"),
    Link(_("Regional fusion"), url_name="analysis:fusion", action=COVERS_REGION),  # seed 000 §IV.C.1
)
MANDATES_LINKS: tuple[Link, ...] = (
    Link(_("Mandated tasks"), url_name="mandates:mandate"),
    Link(_("Framework library"), url_name="mandates:library"),
    Link(_("Integrated Strategic Frameworks"), url_name="mandates:isf-list"),
    Link(_("Risk register"), url_name="mandates:risk-register"),
    Link(_("Lessons shared between missions"), url_name="mandates:lessons"),
)
COOPERATION_LINKS: tuple[Link, ...] = (
    # The shared asset pool (peaceops.assets; seed 000 §IV.B.3: assets shared across missions).
    Link(_("Asset pool"), url_name="assets:pool"),
    Link(_("Loan calendar"), url_name="assets:calendar"),
    Link(_("Asset requests"), url_name="assets:requests"),
    Link(_("New asset request"), url_name="assets:request-new", action="edit_coordination"),
    Link(_("Cost sharing"), url_name="assets:costs"),
    Link(_("Asset utilisation"), url_name="assets:utilisation"),
    # Meetings, actions, information sharing, contractors, benchmarks (peaceops.cooperation; seed 000 §III-IV).
    Link(_("Inter-mission meetings"), url_name="cooperation:meetings"),
    Link(_("Meeting actions"), url_name="cooperation:actions"),
    Link(_("Information sharing"), url_name="cooperation:sharing"),
    Link(_("Contractors"), url_name="cooperation:contractors"),
    Link(_("Cooperation benchmarks"), url_name="cooperation:benchmarks"),
    # Alerts other missions notify, requests for their evidence and releases (peaceops.notifications).
    Link(_("Notifications"), url_name="notifications:inbox"),
)
REPORTS_LINKS: tuple[Link, ...] = (Link(_("Reports"), url_name="reports:list"),)

MODULES: tuple[Module, ...] = (
    Module(
        "dashboard", _("Dashboard"),
        _("The current mission or region at a glance: structure, leadership, host countries, "
          "mandating resolutions and recent changes."),
        links=(Link(_("Dashboard"), url_name="web:home"),),
    ),
    Module(
        "registry", _("Registry"),
        _("Places (ISO 3166 countries, admin areas with P-codes), organisations, missions with their "
          "mandating resolutions and integration model, components, posts and people with several hats, "
          "typed reporting lines."),
        seeds=("003 §1", "004 ch. 1"),
        links=REGISTRY_LINKS,
    ),
    Module(
        "incidents", _("JOC / Incidents"),
        _("Incidents with time, place, category, actors, casualties, source and its reliability, "
          "classification; imports of UCDP GED, ACLED and HXL files; daily situation reports per mission "
          "and per region; a map."),
        seeds=("000 app. 2", "001"),
        links=INCIDENT_LINKS,
    ),
    Module(
        "analysis", _("JMAC / Analysis"),
        _("Trends, hotspots, early-warning indicators and forecasts, armed groups and their cross-border "
          "movements, displacement toward borders, security phases per area and their consistency across "
          "borders, the quarterly joint regional security threat assessment."),
        seeds=("000 §III.C", "000 §IV.A", "000 §IV.C"),
        links=ANALYSIS_LINKS,
    ),
    Module(
        "mandates", _("Mandates and results"),
        _("Resolutions, mandated tasks (priority and sequencing), ISF objectives shared by mission, UNCT and "
          "government, the results framework as a template library, benchmarks with horizons, indicators "
          "with baseline, target and measurements, periodic assessments, transition readiness and handover, "
          "mandate review."),
        seeds=("001", "003 §2-3", "004 ch. 3-6"),
        links=MANDATES_LINKS,
    ),
    Module(
        "coordination", _("Coordination"),
        _("Who does what where (3W) across components, agencies and NGOs, duplication and gap detection, "
          "funding streams (assessed, voluntary, MDTF) and programme gaps, integration model per sector, "
          "humanitarian-space rules."),
        seeds=("002", "003 §2.4", "004 ch. 6"),
        links=COORDINATION_LINKS,
    ),
    Module(
        "cooperation", _("Inter-mission cooperation"),
        _("Shared asset pool (aircraft, FPUs, engineers, support-base services), requests and loans with "
          "consent and cost sharing, utilisation, inter-mission meetings and actions, information-sharing "
          "agreements and focal points, cooperation benchmarks."),
        seeds=("000 §III-IV",),
        links=COOPERATION_LINKS,
    ),
    Module(
        "reports", _("Reports"),
        _("Daily situation report, threat assessment, ISF progress, the Secretary-General's report to the "
          "Security Council with its inter-mission cooperation section; as HTML, PDF, DOCX, CSV and HXL."),
        seeds=("000 §IV.E", "004 §3"),
        links=REPORTS_LINKS,
    ),
    Module(
        "map", _("Map"),
        _("Mission headquarters, host countries and their admin areas, drawn without any external tile server."),
        links=(Link(_("Map"), url_name="web:map"),),
    ),
    Module(
        "api", _("API"),
        _("The versioned REST API under /api/v1/ and its OpenAPI documentation."),
        links=(Link(_("API documentation"), path="/api/v1/docs/"),),
    ),
)


def by_slug(slug: str) -> Module | None:
    return next((module for module in MODULES if module.slug == slug), None)


def not_built() -> list[Module]:
    return [module for module in MODULES if not module.built]


def seed_titles(module: Module) -> list[tuple[str, str, str]]:
    """``(seed number, passages, document title)`` per seed document a module comes from.

    ``("000 §III.C", "000 §IV.A")`` becomes ``[("000", "§III.C, §IV.A", "Angelo, ...")]``.
    """
    passages: dict[str, list[str]] = {}
    for ref in module.seeds:
        number, _sep, passage = ref.partition(" ")
        passages.setdefault(number, [])
        if passage:
            passages[number].append(passage)
    return [(number, ", ".join(parts), SEEDS.get(number, "")) for number, parts in passages.items()]
