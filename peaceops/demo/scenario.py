"""The demo scenario: the UN in Central Africa and Sudan, 2008-2010, as plain data.

Pure module (no Django): every fact below is written from the seed documents and keeps the
passage it came from in ``source``. Conventions for ``source``:

- ``seed 000 app. 1`` etc.: the fact is in that passage of the seed.
- ``public record``: a well-known fact the seeds do not state (a date, a town's coordinates).
- ``demo: assumption``: a plausible structural detail the seeds neither state nor contradict.
- ``demo: fictional``: an invented person, so that classified person records exist to test
  permissions. Their names say so too ("... Fictitious").
- ``demo: illustrative``: a deliberate deviation from a seed recommendation so that a registry
  rule has something to show. There is exactly one (UNMIS human rights line, see LINES).

Seed 000 is Angelo, *Inter-mission Cooperation* (NUPI 2011); seed 003 is Eide et al., *Report on
Integrated Missions* (2005).
"""

import datetime as dt
from dataclasses import dataclass

# Classification levels as in peaceops.core.classification (kept as plain ints: no Django here).
UNCLASSIFIED, CONFIDENTIAL, STRICTLY_CONFIDENTIAL = 0, 1, 2

REGION_NAME = "Central Africa and Sudan"
REGION_DESCRIPTION = (
    "Five neighbouring UN missions in four countries (Sudan, the DRC, Chad and the CAR) that between them "
    "held about half of the UN's peacekeepers in 2008-2010 (seed 000 §I.A)."
)
REGION_SOURCE = "seed 000 §I.A"

HOST_COUNTRIES = ("TCD", "CAF", "COD", "SDN")
# Countries the scenario refers to besides the hosts (Entebbe, the Dakar Process, key neighbours).
OTHER_COUNTRIES = ("UGA", "LBY", "SEN", "NGA", "GAB")


@dataclass(frozen=True)
class Org:
    acronym: str
    name: str
    kind: str  # a peaceops.registry.models.Organisation.Kind value
    source: str
    description: str = ""
    country: str | None = None  # ISO 3166 alpha-3
    parent: str | None = None  # acronym of another Org


@dataclass(frozen=True)
class Resolution:
    number: int
    adopted_on: dt.date
    title: str
    summary: str
    source: str


@dataclass(frozen=True)
class Mandate:
    """What a resolution did to a mission (registry MissionResolution)."""

    mission: str
    resolution: int
    action: str  # establishes / extends / modifies / authorises / terminates
    note: str = ""


@dataclass(frozen=True)
class Mission:
    acronym: str
    name: str
    kind: str  # peacekeeping / special_political / hybrid
    lead_department: str  # Org acronym
    host_countries: tuple[str, ...]
    start_date: dt.date
    end_date: dt.date | None
    predecessor: str | None
    integration_model: str  # separate / partial / full
    headquarters: str
    hq_lat: float
    hq_lon: float
    summary: str
    source: str


@dataclass(frozen=True)
class Component:
    mission: str
    name: str
    kind: str  # a Component.Kind value
    source: str
    classification: int = UNCLASSIFIED


@dataclass(frozen=True)
class Post:
    mission: str
    key: str  # the scenario's own handle, used by hats, lines and assignments
    title: str
    function: str  # a Post.Function value
    component: str | None
    source: str
    classification: int = UNCLASSIFIED


@dataclass(frozen=True)
class Hat:
    mission: str
    post: str
    role: str  # a Hat.Role value
    terms_of_reference: str
    responsibilities: tuple[str, ...]
    source: str
    on_behalf_of: str | None = None  # Org acronym


@dataclass(frozen=True)
class Person:
    name: str
    source: str
    mission: str | None = None  # owning mission
    organisation: str | None = None
    nationality: str | None = None
    classification: int = UNCLASSIFIED


@dataclass(frozen=True)
class Assignment:
    person: str
    mission: str
    post: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None


@dataclass(frozen=True)
class Line:
    """A reporting line from a post to a post (``to_mission``/``to_post``) or to an organisation."""

    mission: str
    from_post: str
    kind: str  # direct / dotted / coordination / political_guidance / budget
    note: str
    to_post: str | None = None
    to_mission: str | None = None  # defaults to ``mission``
    to_org: str | None = None


@dataclass(frozen=True)
class Meeting:
    title: str
    level: str  # operational / strategic / country_team
    starts_on: dt.date
    ends_on: dt.date
    place: str
    organiser: str | None
    attending: tuple[str, ...]
    subjects: tuple[str, ...]
    attendance_notes: str
    outcome_summary: str
    source: str
    classification: int = UNCLASSIFIED


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: str | None
    scope: str  # a mission acronym, the region name, "system" or "none"
    clearance: int
    can_see: str
    superuser: bool = False


# --------------------------------------------------------------------------------------------------
# Organisations: every body seed 000 names as an actor, plus the UNCT agencies of seed 003.
# --------------------------------------------------------------------------------------------------

S000_ACR = "seed 000 list of acronyms"

ORGANISATIONS: tuple[Org, ...] = (
    # UN Secretariat departments and offices.
    Org("DPKO", "Department of Peacekeeping Operations", "un_secretariat", f"{S000_ACR}; §I.B",
        "Leads four of the five missions (MINURCAT, MONUC/MONUSCO, UNAMID, UNMIS); MONUSCO sits in a separate "
        "directorate from the others (seed 000 §III.C.4)."),
    Org("DPA", "Department of Political Affairs", "un_secretariat", f"{S000_ACR}; §I.B",
        "Leads BONUCA/BINUCA; little high-level exchange with DPKO on the CAR (seed 000 §III.C.4)."),
    Org("DFS", "Department of Field Support", "un_secretariat", f"{S000_ACR}; §III.C.4",
        "Its resources did not match DPKO's concepts of operations (seed 000 §III.C.4)."),
    Org("DSS", "Department of Safety and Security", "un_secretariat", f"{S000_ACR}; §III.C.2",
        "Seed 000 calls it the 'Department of Security and Safety'. Encouraged daily contact between the "
        "missions' security sections (seed 000 §III.C.2)."),
    Org("OCHA", "Office for the Coordination of Humanitarian Affairs", "un_secretariat", f"{S000_ACR}; §III.C.1",
        "Seed 000 spells it 'Office for the Coordination of Humanitarian Assistance'. Protective of humanitarian "
        "neutrality; approached DPKO and the missions only with specific security requests (seed 000 §III.C.1). "
        "Its field offices serve the Humanitarian Coordinator and are not part of the mission structure "
        "(seed 003 rec. 3.4.3)."),
    Org("OMA", "Office of the Military Advisor", "un_secretariat", f"{S000_ACR}; §III.C.2",
        "Organised bi-annual meetings of the Force Commanders of the four DPKO missions (seed 000 §III.C.2).",
        parent="DPKO"),
    Org("IOT", "Integrated Operations Teams", "un_secretariat", "seed 000 app. 2; §III.C.4",
        "One team per mission at DPKO headquarters; they did not consult one another in a structured manner "
        "(seed 000 §III.C.4).", parent="DPKO"),
    Org("IMTF", "Integrated Mission Task Force", "un_secretariat", "seed 000 app. 2; §III.C.4",
        "Brings together DPKO, DFS, OCHA, UNDP and other funds and programmes; active only at the start of "
        "mission planning (seed 000 §III.C.4).", parent="DPKO"),
    Org("PBSO", "Peacebuilding Support Office", "un_secretariat", f"{S000_ACR}; §II.B.6",
        "Not properly linked to DPA, the department responsible for BONUCA/BINUCA (seed 000 §III.C.4 n. 15)."),
    Org("UNOWA", "United Nations Office for West Africa", "un_secretariat", "seed 000 §III.A",
        "DPA-supervised regional office in Dakar that from 2005 convened the West African missions' meetings, "
        "forerunners of inter-mission cooperation in Central Africa (seed 000 §III.A).", country="SEN", parent="DPA"),
    Org("DPA-Gabon", "DPA regional office for Central Africa (Gabon, forthcoming)", "un_secretariat",
        "seed 000 §III.A",
        "Forthcoming DPA office in Gabon covering the ECCAS member states, hence not Sudan (seed 000 §III.A).",
        country="GAB", parent="DPA"),
    # UN intergovernmental bodies and regional commission.
    Org("SC", "Security Council of the United Nations", "un_body", f"{S000_ACR}; §I.A",
        "Encouraged inter-mission cooperation in the region without writing it into the mandates "
        "(seed 000 §I.A, §III.C.4)."),
    Org("PBC", "Peacebuilding Commission", "un_body", f"{S000_ACR}; §III.C.4"),
    Org("GA-C5", "Fifth Committee (Administrative and Budgetary) of the General Assembly", "un_body",
        "seed 000 §IV.B.2", "Would need to discuss support to the Entebbe Support Base (seed 000 §IV.B.2)."),
    Org("ECA", "Economic Commission for Africa", "un_body", "seed 000 §III.C.4",
        "A UN regional office never drawn into a regional perspective with the missions (seed 000 §III.C.4)."),
    # UN country team agencies, funds and programmes.
    Org("UNDP", "United Nations Development Programme", "un_agency", f"{S000_ACR}; §III.C.4; seed 003 §2.4.1",
        "Should lead DDR and SSR programmes under the Resident Coordinator (seed 003 §2.4.1)."),
    Org("UNHCR", "Office of the United Nations High Commissioner for Refugees", "un_agency",
        "seed 003 §2.4.4; seed 000 §II.B.2", "Refugee camps in Chad (seed 000 §II.B.2)."),
    Org("UNICEF", "United Nations Children's Fund", "un_agency", "seed 003 §2.4.3"),
    Org("WFP", "World Food Programme", "un_agency", "seed 003 §2.4.2",
        "Ran its own humanitarian air service in the DRC beside DPKO's (seed 003 §2.4.2)."),
    Org("OHCHR", "Office of the High Commissioner for Human Rights", "un_agency", "seed 003 list of acronyms; §2.4.4"),
    Org("UNCT-TCD", "United Nations Country Team in Chad", "un_agency", "seed 000 §III.C.4",
        "Took over MINURCAT's tasks under the ISF turned exit strategy (seed 000 §III.C.4).", country="TCD"),
    Org("UNCT-CAF", "United Nations Country Team in the Central African Republic", "un_agency", "seed 000 app. 1",
        "The broader UN presence BINUCA works with (seed 000 app. 1).", country="CAF"),
    Org("UNCT-COD", "United Nations Country Team in the Democratic Republic of the Congo", "un_agency",
        "seed 000 §III; seed 003 §2.4.4", country="COD"),
    Org("UNCT-SDN", "United Nations Country Team in the Sudan", "un_agency", "seed 000 §III; seed 003 §2.4",
        country="SDN"),
    # Support base and mediation.
    Org("ESB", "Entebbe Support Base", "support_base", "seed 000 §III.B; §IV.B.1",
        "MONUC Support Base at Entebbe, Uganda: neutral venue of the December 2009 inter-mission meeting, "
        "scheduled to become a regional logistics centre outside MONUC's full control (seed 000 §III.B); proposed "
        "regional hub for shared administrative functions, air services and a JMAC/Regional Information Fusion "
        "Cell (seed 000 §IV.B.1-2, §IV.C.1).", country="UGA"),
    Org("JM", "UN/AU Joint Mediation Team for Darfur", "mediation", f"{S000_ACR}; §III.B",
        "Headed by the Joint Chief Mediator for Darfur. Never invited to the inter-mission meetings; its "
        "cooperation with UNAMID and MINURCAT stayed formal and administrative (seed 000 §III.B, §III.C.1).",
        country="SDN"),
    Org("AU-UN-Sudan", "Joint UN-AU negotiation team on Sudan", "mediation", "seed 000 §II.B.4",
        "Led by Thabo Mbeki; championed a 'peaceful coexistence strategy' for North and South Sudan "
        "(seed 000 §II.B.4).", country="SDN"),
    Org("Dakar Process", "Dakar Process (Chad-Sudan rapprochement)", "mediation", "seed 000 §II.A",
        "Agreed in March 2008, led by Libya and Senegal; meetings in 2008 without concrete results "
        "(seed 000 §II.A)."),
    # Regional organisations.
    Org("AU", "African Union", "regional", f"{S000_ACR}; §II"),
    Org("AMIS", "African Union Mission in the Sudan", "regional", "seed 000 app. 1",
        "Handed over to UNAMID on 31 December 2007 (seed 000 app. 1).", country="SDN", parent="AU"),
    Org("ECCAS", "Economic Community of Central African States", "regional", f"{S000_ACR}; §II.A",
        "Sudan is not a member; its November 2009 meeting in N'Djamena discussed delayed deployments "
        "(seed 000 §II.A, §III.C.2)."),
    Org("IGAD", "Intergovernmental Authority on Development", "regional", f"{S000_ACR}; §II"),
    Org("EU", "European Union", "regional", "seed 000 app. 1"),
    Org("EUFOR", "European Union military force in Chad and the CAR (EUFOR)", "regional", "seed 000 app. 1",
        "Handed its role to MINURCAT's military component on 15 March 2009 (seed 000 app. 1).", parent="EU"),
    # Host and other governments.
    Org("GOV-TCD", "Government of Chad", "host_government", "seed 000 §II.A",
        "Withdrew consent for MINURCAT in early 2010 (seed 000 §III.C.4).", country="TCD"),
    Org("DIS", "Détachement Intégré de Sécurité", "host_government", "seed 000 app. 1",
        "Chadian police/gendarme force selected, trained and mentored by MINURCAT, deployed around the refugee "
        "camps and key towns of eastern Chad (seed 000 app. 1).", country="TCD", parent="GOV-TCD"),
    Org("GOV-CAF", "Government of the Central African Republic", "host_government", "seed 000 §II.A, §II.B.5",
        "Sought a stronger MINURCAT presence and more complementarity with BONUCA (seed 000 §II.B.5).",
        country="CAF"),
    Org("GOV-COD", "Government of the Democratic Republic of the Congo", "host_government", "seed 000 §II.A; §III.C.4",
        "President Kabila signalled his wish for the mission's exit by the October 2011 elections "
        "(seed 000 §III.C.4).", country="COD"),
    Org("GOV-SDN", "Government of the Sudan", "host_government", "seed 000 §II.A, §II.B.5",
        "The most active opponent of inter-mission cooperation; refused visas for a meeting in Khartoum "
        "(seed 000 §II.B.5).", country="SDN"),
    Org("GOV-UGA", "Government of Uganda", "government", "seed 000 §II", country="UGA"),
    Org("UPDF", "Uganda People's Defence Force", "government", f"{S000_ACR}; §II.B.2",
        "Led operations against the LRA in eastern DRC; about 2,000 soldiers in south-eastern CAR from 2009 "
        "(seed 000 §II.B.2).", country="UGA", parent="GOV-UGA"),
    Org("GOV-LBY", "Government of Libya", "government", "seed 000 §II.A",
        "Co-led the Dakar Process (seed 000 §II.A).", country="LBY"),
    Org("GOV-SEN", "Government of Senegal", "government", "seed 000 §II.A",
        "Co-led the Dakar Process (seed 000 §II.A).", country="SEN"),
    Org("GOV-NGA", "Government of Nigeria", "government", "seed 000 §II", country="NGA"),
    # Other actors.
    Org("ICC", "International Criminal Court", "other", "seed 000 §III.C.1",
        "Its indictment of President Al-Bashir was followed by the expulsion of 10 international NGOs from Darfur "
        "(seed 000 §III.C.1)."),
    # Non-state armed groups and parties.
    Org("JEM", "Justice and Equality Movement", "armed_group", f"{S000_ACR}; §II.B.2",
        "Darfuri rebel movement that used refugee camps in Chad for rest and recruitment (seed 000 §II.B.2).",
        country="SDN"),
    Org("LRA", "Lord's Resistance Army", "armed_group", f"{S000_ACR}; §II.B.2",
        "Small groups in the border areas of Uganda, the DRC, Sudan and the CAR; leader Joseph Kony at large "
        "(seed 000 §II.B.2)."),
    Org("CAOG", "Chadian armed opposition groups", "armed_group", "seed 000 §II.A; §II.B.2",
        "Based in Sudan; attacked N'Djamena in February 2008 and eastern Chad in May 2009 (seed 000 §II.A).",
        country="TCD"),
    Org("SPLM/A", "Sudan People's Liberation Movement/Army", "armed_group", "seed 000 app. 1",
        "Signed the Comprehensive Peace Agreement with the Government of Sudan on 9 January 2005 "
        "(seed 000 app. 1).", country="SDN"),
)


# --------------------------------------------------------------------------------------------------
# Resolutions and missions (seed 000 appendix 1).
# --------------------------------------------------------------------------------------------------

RESOLUTIONS: tuple[Resolution, ...] = (
    Resolution(1590, dt.date(2005, 3, 24), "Establishment of UNMIS",
               "Establishes the United Nations Mission in the Sudan to support the Comprehensive Peace Agreement.",
               "seed 000 app. 1"),
    Resolution(1769, dt.date(2007, 7, 31), "Establishment of UNAMID",
               "Establishes the African Union/United Nations Hybrid Operation in Darfur; repeatedly extended.",
               "seed 000 app. 1"),
    Resolution(1778, dt.date(2007, 9, 25), "Establishment of MINURCAT",
               "Establishes MINURCAT in Chad and the CAR; one of the key UN references on inter-mission "
               "cooperation (seed 000 n. 2).", "seed 000 app. 1; n. 2"),
    Resolution(1861, dt.date(2009, 1, 14), "MINURCAT military component",
               "Authorises MINURCAT to take over the military component from EUFOR, which it did on "
               "15 March 2009.", "seed 000 app. 1; n. 2"),
    Resolution(1923, dt.date(2010, 5, 25), "MINURCAT drawdown",
               "Revises MINURCAT's mandate toward its exit; end of mission 31 December 2010.", "seed 000 app. 1"),
    Resolution(1925, dt.date(2010, 5, 28), "Establishment of MONUSCO",
               "MONUC becomes MONUSCO from 1 July 2010, with the word 'stabilization' in its name.",
               "seed 000 app. 1; §III.C.4"),
)

MISSIONS: tuple[Mission, ...] = (
    Mission(
        "BONUCA", "United Nations Peace Building Office in the Central African Republic", "special_political",
        "DPA", ("CAF",), dt.date(2000, 2, 15), dt.date(2009, 12, 31), None, "separate", "Bangui", 4.3947, 18.5582,
        "DPA field office in the CAR until 31 December 2009, replaced by BINUCA. Small field presence and limited "
        "logistics: its attendance at the inter-mission meetings depended on MINURCAT air transport from Bangui. "
        "No military component. DDR in the CAR (Vakaga) was its top priority.",
        "seed 000 app. 1; §III.B n. 12; §III.C.2; §III.C.4; start date: public record; integration: demo: assumption",
    ),
    Mission(
        "BINUCA", "United Nations Integrated Peace Building Office in the Central African Republic",
        "special_political", "DPA", ("CAF",), dt.date(2010, 1, 1), None, "BONUCA", "partial", "Bangui",
        4.3947, 18.5582,
        "A field office of the Department of Political Affairs, mandated by the Security Council to promote peace "
        "and stability in the CAR and reduce cross-border insecurity. It works with the broader UN presence in the "
        "CAR to encourage national dialogue and reconciliation and to help the CAR enact military reforms, "
        "implement human rights policies, train civilian police, and disarm, demobilise and reintegrate former "
        "soldiers; it also supports the development of professional media services.",
        "seed 000 app. 1; integration: 'Integrated' office, seed 003 §1.3 n. 13; headquarters: public record",
    ),
    Mission(
        "MINURCAT", "United Nations Mission in the Central African Republic and Chad", "peacekeeping", "DPKO",
        ("TCD", "CAF"), dt.date(2007, 9, 25), dt.date(2010, 12, 31), None, "separate", "N'Djamena", 12.1348, 15.0557,
        "Mandated to contribute to the protection of civilians (including IDPs, refugees and humanitarian "
        "workers), to promote human rights and the rule of law, widen the humanitarian space and promote regional "
        "peace. Authorised on 14 January 2009 to take over the military component from EUFOR, which it did on "
        "15 March 2009. It selected, trained and mentored the Chadian Détachement Intégré de Sécurité (DIS) "
        "around the refugee camps and key towns of eastern Chad. After Chad withdrew consent in early 2010 its "
        "mandate was revised toward consolidating gains and their sustainability; it left on 31 December 2010. "
        "It had no political mandate and was not an integrated mission.",
        "seed 000 app. 1; §III.C.4",
    ),
    Mission(
        "MONUC", "United Nations Organization Mission in the Democratic Republic of Congo", "peacekeeping", "DPKO",
        ("COD",), dt.date(1999, 11, 30), dt.date(2010, 6, 30), None, "partial", "Kinshasa", -4.3217, 15.3126,
        "UN peacekeeping operation in the DRC, replaced by MONUSCO on 1 July 2010. Dealt with inter-mission "
        "cooperation through its Director of Political Affairs; became interested only as the LRA moved north "
        "toward the tri-border area and its Entebbe base was to become a regional logistics centre. One of the "
        "first missions to apply the ISF.",
        "seed 000 app. 1; §III.B; §III intro; integration: seed 003 §1.3 n. 13; start date: public record",
    ),
    Mission(
        "MONUSCO", "United Nations Organization Stabilization Mission in the Democratic Republic of the Congo",
        "peacekeeping", "DPKO", ("COD",), dt.date(2010, 7, 1), None, "MONUC", "partial", "Kinshasa",
        -4.3217, 15.3126,
        "Established on 28 May 2010, took over from MONUC on 1 July 2010 as the DRC reached a new phase of "
        "post-conflict reconstruction. Authorised to use all necessary means to carry out its mandate, among "
        "other things the protection of civilians, humanitarian personnel and human rights defenders under "
        "imminent threat of physical violence, and support to the Government of the DRC in its stabilisation "
        "and peace consolidation efforts.",
        "seed 000 app. 1; integration: seed 003 §1.3 n. 13 (as MONUC); headquarters: public record",
    ),
    Mission(
        "UNAMID", "African Union/United Nations Hybrid Operation in Darfur", "hybrid", "DPKO", ("SDN",),
        dt.date(2007, 7, 31), None, None, "separate", "El Fasher", 13.6279, 25.3494,
        "Took over from the African Union Mission in the Sudan (AMIS) on 31 December 2007. Its core mandate is "
        "the protection of civilians; it supports the early and effective implementation of the Darfur Peace "
        "Agreement and prevents its disruption. It contributes to security for humanitarian assistance, monitors "
        "and verifies implementation of agreements, assists an inclusive political process, contributes to human "
        "rights and the rule of law, and monitors and reports on the situation along the borders with Chad and "
        "the CAR.",
        "seed 000 app. 1; integration: demo: assumption (the Sudan RC/HC hat sits in UNMIS)",
    ),
    Mission(
        "UNMIS", "United Nations Mission in the Sudan", "peacekeeping", "DPKO", ("SDN",), dt.date(2005, 3, 24), None,
        None, "partial", "Khartoum", 15.5007, 32.5599,
        "Supports the implementation of the Comprehensive Peace Agreement signed by the Government of Sudan and "
        "the SPLM/A on 9 January 2005, with functions in humanitarian assistance and the protection and "
        "promotion of human rights. It provides good offices and political support to the Sudanese parties, "
        "monitors and verifies their security arrangements and assists in good governance, post-conflict "
        "recovery and development.",
        "seed 000 app. 1; integration: seed 003 §1.3 n. 13; headquarters: public record",
    ),
)

MANDATES: tuple[Mandate, ...] = (
    Mandate("UNMIS", 1590, "establishes"),
    Mandate("UNAMID", 1769, "establishes", "repeatedly extended"),
    Mandate("MINURCAT", 1778, "establishes"),
    Mandate("MINURCAT", 1861, "authorises",
            "deployment of military component, taking over from EUFOR on 15 March 2009"),
    Mandate("MINURCAT", 1923, "terminates", "end of mission 31 December 2010"),
    Mandate("MONUSCO", 1925, "establishes", "takes over from MONUC on 1 July 2010"),
    Mandate("MONUC", 1925, "terminates", "succeeded by MONUSCO on 1 July 2010"),
)


# --------------------------------------------------------------------------------------------------
# Structure: components, posts, hats and reporting lines per mission.
# --------------------------------------------------------------------------------------------------

# Why each post exists: seed 000 §IV.C.2 lists the key managers of a strategic inter-mission meeting
# (Head of Mission, Force Commanders, Police Commissioners, Directors of Administration, JMAC,
# Political Affairs and Human Rights chiefs); app. 2 describes JMAC and JOC; seed 003 rec. 3.4.4
# lists a joint operations centre and a common security structure among the features of a mission.
S_POSTS = "seed 000 §IV.C.2; app. 2"

COMPONENTS_CATALOGUE = {
    "office": ("Office of the Head of Mission", "leadership", "seed 003 rec. 3.4.1 (cabinet structure)"),
    "force": ("Force", "military", "seed 000 §II.B.1; §III.C.2"),
    "police": ("United Nations Police (UNPOL)", "police", "seed 000 §III.B; list of acronyms"),
    "political": ("Political Affairs", "substantive", "seed 000 §III.C.1"),
    "human_rights": ("Human Rights", "substantive", "seed 000 §IV.C.2; seed 003 rec. 3.4.9"),
    "civil": ("Civil Affairs", "substantive", "seed 000 §III.C.3"),
    "jmac": ("Joint Mission Analysis Centre", "joint", "seed 000 app. 2"),
    "joc": ("Joint Operations Centre", "joint", "seed 000 app. 2"),
    "security": ("Security Section", "security", "seed 000 §III.C.2"),
    "support": ("Mission Support", "support", "seed 000 §III.B; §IV.B"),
}

# key -> (title, function, component key, source)
POSTS_CATALOGUE = {
    "head": ("Special Representative of the Secretary-General", "srsg", "office", "seed 000 §I.B; §III.B"),
    "dsrsg": ("Deputy Special Representative of the Secretary-General", "dsrsg", "office",
              "seed 000 §III.B; §IV.E.1"),
    "dsrsg_rc_hc": ("Deputy Special Representative of the Secretary-General, Resident and Humanitarian Coordinator",
                    "dsrsg", "office", "seed 003 §1.3 n. 13; §2.4.3; rec. 3.4.6-7"),
    "cos": ("Chief of Staff", "chief_of_staff", "office", "seed 000 §III.B"),
    "special_assistant": ("Special Assistant to the SRSG", "other", "office", "seed 000 §III.B"),
    "fc": ("Force Commander", "force_commander", "force", "seed 000 §III.C.2; §IV.C.2"),
    "pc": ("Police Commissioner", "police_commissioner", "police", "seed 000 §IV.C.2"),
    "dms": ("Director of Mission Support", "director_support", "support", "seed 000 §IV.C.2 (Directors of "
                                                                           "Administration)"),
    "jmac": ("Chief, Joint Mission Analysis Centre", "jmac", "jmac", "seed 000 app. 2; §IV.C.2"),
    "joc": ("Chief, Joint Operations Centre", "joc", "joc", "seed 000 app. 2"),
    "human_rights": ("Chief, Human Rights", "human_rights", "human_rights", "seed 000 §IV.C.2; seed 003 rec. 3.4.9"),
    "political": ("Director of Political Affairs", "political", "political", "seed 000 §III.B; §IV.C.2"),
    "civil": ("Chief, Civil Affairs", "other", "civil", "seed 000 §III.C.3"),
    "csa": ("Chief Security Adviser", "security", "security", "seed 000 §III.C.2"),
}

# Which posts each mission has, and why it differs from the catalogue.
MISSION_POSTS = {
    # A small DPA office with no military component (seed 000 §III.C.2) and limited logistics (§III.B).
    "BONUCA": ("head", "political", "human_rights", "csa", "dms"),
    # An integrated office: a DSRSG holds the RC/HC hats (seed 000 app. 1; seed 003 §1.3 n. 13).
    "BINUCA": ("head", "dsrsg_rc_hc", "political", "human_rights", "csa", "dms"),
    # Not integrated and without a political mandate (seed 000 §III.C.4): one DSRSG, no RC/HC hats,
    # no political affairs section; civil affairs ran intercommunity dialogue (§III.C.3).
    "MINURCAT": ("head", "dsrsg", "cos", "special_assistant", "fc", "pc", "dms", "jmac", "joc", "human_rights",
                 "civil", "csa"),
    # Partially integrated (seed 003 §1.3 n. 13): a political DSRSG and a DSRSG/RC/HC.
    "MONUC": ("head", "dsrsg", "dsrsg_rc_hc", "cos", "fc", "pc", "dms", "jmac", "joc", "human_rights", "political",
              "civil", "csa"),
    "MONUSCO": ("head", "dsrsg", "dsrsg_rc_hc", "cos", "fc", "pc", "dms", "jmac", "joc", "human_rights",
                "political", "civil", "csa"),
    # AU-UN hybrid led by a Joint Special Representative with a deputy (no RC/HC hat: demo: assumption).
    "UNAMID": ("head", "dsrsg", "cos", "fc", "pc", "dms", "jmac", "joc", "human_rights", "political", "civil", "csa"),
    "UNMIS": ("head", "dsrsg", "dsrsg_rc_hc", "cos", "fc", "pc", "dms", "jmac", "joc", "human_rights", "political",
              "civil", "csa"),
}

# Titles that differ from the catalogue in one mission.
TITLE_OVERRIDES = {
    ("UNAMID", "head"): ("Joint Special Representative (AU-UN)", "jsr"),
    ("UNAMID", "dsrsg"): ("Deputy Joint Special Representative", "dsrsg"),
    ("BONUCA", "head"): ("Representative of the Secretary-General, Head of Office", "srsg"),
    ("BINUCA", "head"): ("Representative of the Secretary-General, Head of Office", "srsg"),
    ("BONUCA", "dms"): ("Chief of Administration", "director_support"),
    ("BINUCA", "dms"): ("Chief of Administration", "director_support"),
    ("MONUC", "dsrsg"): ("Deputy Special Representative of the Secretary-General (Political)", "dsrsg"),
    ("MONUSCO", "dsrsg"): ("Deputy Special Representative of the Secretary-General (Political)", "dsrsg"),
    ("UNMIS", "dsrsg"): ("Deputy Special Representative of the Secretary-General (Political)", "dsrsg"),
}

# Records given a classification so that permissions can be seen at work (DESIGN.md: users).
CLASSIFIED_COMPONENTS = {("UNAMID", "jmac"): CONFIDENTIAL}
CLASSIFIED_POSTS = {("MINURCAT", "jmac"): CONFIDENTIAL, ("UNAMID", "jmac"): CONFIDENTIAL}


def _components() -> tuple[Component, ...]:
    result = []
    for mission, posts in MISSION_POSTS.items():
        keys = []
        for post in posts:
            component = POSTS_CATALOGUE[post][2]
            if component not in keys:
                keys.append(component)
        for key in keys:
            _, kind, source = COMPONENTS_CATALOGUE[key]
            result.append(Component(mission, component_name(mission, key), kind, source,
                                    CLASSIFIED_COMPONENTS.get((mission, key), UNCLASSIFIED)))
    return tuple(result)


def component_name(mission: str, key: str) -> str:
    if key == "office" and mission == "UNAMID":
        return "Office of the Joint Special Representative"
    return COMPONENTS_CATALOGUE[key][0]


def _posts() -> tuple[Post, ...]:
    result = []
    for mission, keys in MISSION_POSTS.items():
        for key in keys:
            title, function, component, source = POSTS_CATALOGUE[key]
            title, function = TITLE_OVERRIDES.get((mission, key), (title, function))
            result.append(Post(mission, key, title, function, component_name(mission, component), source,
                               CLASSIFIED_POSTS.get((mission, key), UNCLASSIFIED)))
    return tuple(result)


COMPONENTS = _components()
POSTS = _posts()


# Terms of reference. Seed 000 §IV.E.1 recommends that one DSRSG per mission hold inter-mission
# cooperation in her/his terms of reference, and §III.B says it was in nobody's job assignment,
# "not even ... the Deputy SRSG or the Chief of Staff": so no DSRSG hat below lists
# "inter_mission_cooperation" nor names it in its text (registry.rules reads both; the gap is
# what its rule should flag).
TOR_HEAD = (
    "Head of mission with overall authority over the UN presence; ensures that the efforts of the different "
    "components of the system are mutually reinforcing (seed 003 §2.5). Designated Official for security."
)
TOR_DSRSG_POLITICAL = (
    "Deputy to the head of mission for political affairs, rule of law and the mission's substantive "
    "components. Working with the neighbouring missions is not among the listed duties "
    "(seed 000 §III.B, §IV.E.1)."
)
TOR_DSRSG_MINURCAT = (
    "Deputy to the SRSG for the mission's civilian components: protection of civilians, human rights, rule of "
    "law and civil affairs in eastern Chad and north-eastern CAR. The mission is not integrated: the Resident "
    "and Humanitarian Coordinator for Chad heads the UN country team outside the mission (seed 000 §III.C.4). "
    "Working with the neighbouring missions is not among the listed duties (seed 000 §III.B, §IV.E.1)."
)
# The terms in force since their second version (demo part_leadership keeps both): the duties the text names are
# marked in it ([[duty|words]], registry.terms); inter-mission cooperation is not among them.
TOR_DSRSG_MINURCAT_MARKED = TOR_DSRSG_MINURCAT
for _words, _duty in (("protection of civilians", "protection_of_civilians"), ("human rights", "human_rights"),
                      ("rule of law", "rule_of_law"), ("civil affairs", "civil_affairs")):
    TOR_DSRSG_MINURCAT_MARKED = TOR_DSRSG_MINURCAT_MARKED.replace(_words, f"[[{_duty}|{_words}]]", 1)
TOR_DSRSG_DEPUTY = (
    "Deputy to the head of mission, and in the partially integrated model the senior official who links the "
    "mission with the UN country team (seed 003 §1.3 n. 13, §2.4.1). Working with the neighbouring missions is "
    "not among the listed duties (seed 000 §III.B, §IV.E.1)."
)
TOR_RC = (
    "As Resident Coordinator, leads the UN country team; is authorised and responsible for ensuring active "
    "interaction between the UNCT and mission planners (seed 003 rec. 3.3.5); coordinates DDR and SSR "
    "programmes led by UNDP (seed 003 §2.4.1); is advised by the UNCT's human rights offices on development "
    "policies (seed 003 rec. 3.4.9)."
)
TOR_HC = (
    "As Humanitarian Coordinator, under the overall authority of the SRSG, ensures that humanitarian principles "
    "are observed and humanitarian space protected (seed 003 rec. 3.4.6); determines the appropriateness of "
    "'hearts and minds' campaigns and QIPs, in consultation with the Force Commander (rec. 3.4.7); directs the "
    "OCHA office, which is not part of the mission structure (rec. 3.4.3); may seek guidance from the Emergency "
    "Relief Coordinator through a dotted reporting line (§2.4.3, rec. 3.4.7)."
)
# seed 003 §2.4.3: mission-specific terms of reference for the multi-hatted DSRSG "are by no means
# standard"; the Resident Representative hat (a UNDP appointment) has none in the mission here.
TOR_RR = ""

RESP_HEAD = ("overall_authority", "political_strategy", "security_designated_official")
RESP_DSRSG = ("deputy_functions", "political_affairs", "rule_of_law")
RESP_DSRSG_MINURCAT = ("deputy_functions", "protection_of_civilians", "human_rights", "rule_of_law", "civil_affairs")
RESP_RC = ("unct_coordination", "mission_unct_planning", "ddr_ssr_coordination", "recovery_and_development")
RESP_HC = ("humanitarian_coordination", "humanitarian_principles", "humanitarian_space", "qip_appropriateness")
RESP_RR = ("undp_programme",)


def _hats() -> tuple[Hat, ...]:
    result = []
    for mission, keys in MISSION_POSTS.items():
        result.append(Hat(mission, "head", "hom", TOR_HEAD, RESP_HEAD, "seed 003 §2.5"))
        result.append(Hat(mission, "head", "do", "Designated Official for the security of UN personnel.",
                          ("security_management",), "seed 000 §III.C.2; demo: assumption"))
        if "dsrsg" in keys:
            tor, resp = (TOR_DSRSG_MINURCAT_MARKED, RESP_DSRSG_MINURCAT) if mission == "MINURCAT" else (
                TOR_DSRSG_POLITICAL, RESP_DSRSG)
            result.append(Hat(mission, "dsrsg", "dsrsg", tor, resp, "seed 000 §III.B; §IV.E.1; §III.C.4; app. 1"
                              if mission == "MINURCAT" else "seed 000 §III.B; §IV.E.1"))
        if "dsrsg_rc_hc" in keys:
            result += [
                Hat(mission, "dsrsg_rc_hc", "dsrsg", TOR_DSRSG_DEPUTY, ("deputy_functions", "recovery_and_development"),
                    "seed 003 §1.3 n. 13; seed 000 §IV.E.1"),
                Hat(mission, "dsrsg_rc_hc", "rc", TOR_RC, RESP_RC, "seed 003 rec. 3.3.5; §2.4.1", "UNDP"),
                Hat(mission, "dsrsg_rc_hc", "hc", TOR_HC, RESP_HC, "seed 003 §2.4.3; rec. 3.4.3, 3.4.6-7", "OCHA"),
                Hat(mission, "dsrsg_rc_hc", "rr", TOR_RR, RESP_RR, "seed 003 §1.3 n. 13", "UNDP"),
            ]
    # MONUC handled inter-mission cooperation through its Director of Political Affairs, "a level not
    # sufficiently senior to mobilize the support of UNPOL or the Force" (seed 000 §III.B).
    result.append(Hat("MONUC", "political", "other",
                      "Focal point for inter-mission cooperation, at a level not senior enough to mobilise UNPOL or "
                      "the Force (seed 000 §III.B).", ("political_analysis", "inter_mission_cooperation"),
                      "seed 000 §III.B"))
    return tuple(result)


HATS = _hats()


def _standard_lines(mission: str, keys: tuple[str, ...], lead: str) -> list[Line]:
    """The lines every mission has, each from the seed passage that describes it."""
    lines = [Line(mission, "head", "direct", f"Head of mission reports to the Secretary-General through {lead}.",
                  to_org=lead)]
    deputy = "dsrsg_rc_hc" if "dsrsg_rc_hc" in keys else ("dsrsg" if "dsrsg" in keys else "head")
    for key in keys:
        if key == "head":
            continue
        if key == "joc" and "cos" in keys:
            lines.append(Line(mission, key, "direct", "JOC under the Chief of Staff (demo: assumption).", "cos"))
        elif key == "civil":
            lines.append(Line(mission, key, "direct", "Civil affairs under a deputy (demo: assumption).", deputy))
        elif key == "jmac":
            lines.append(Line(mission, key, "direct", "JMAC is under direct SRSG supervision (seed 000 app. 2).",
                              "head"))
        elif key == "human_rights":
            lines.append(Line(mission, key, "direct", "Human rights reports directly to the head of mission "
                                                      "(seed 003 rec. 3.4.9).", "head"))
        else:
            lines.append(Line(mission, key, "direct", "Reports to the head of mission.", "head"))
    if "fc" in keys:
        lines.append(Line(mission, "fc", "dotted", "Military guidance; OMA's bi-annual Force Commanders' meetings "
                                                   "(seed 000 §III.C.2).", to_org="OMA"))
    if "pc" in keys:
        lines.append(Line(mission, "pc", "dotted", "Police guidance from DPKO headquarters (demo: assumption).",
                          to_org="DPKO"))
    if "csa" in keys:
        lines.append(Line(mission, "csa", "dotted", "Security sections in daily contact, encouraged by DSS "
                                                    "(seed 000 §III.C.2).", to_org="DSS"))
    if "dms" in keys:
        lines.append(Line(mission, "dms", "budget", "Resources from DFS, not always matched to the concept of "
                                                    "operations (seed 000 §III.C.4).", to_org="DFS"))
    if "dsrsg_rc_hc" in keys:
        lines += [
            Line(mission, "dsrsg_rc_hc", "dotted", "As HC, to the Emergency Relief Coordinator "
                                                   "(seed 003 §2.4.3; rec. 3.4.7).", to_org="OCHA"),
            Line(mission, "dsrsg_rc_hc", "dotted", "As RC/RR, to UNDP (seed 003 §1.3 n. 13).", to_org="UNDP"),
            Line(mission, "dsrsg_rc_hc", "coordination", "UN country team (seed 003 rec. 3.3.5).", to_org="UNHCR"),
            Line(mission, "dsrsg_rc_hc", "coordination", "UN country team (seed 003 rec. 3.3.5).", to_org="WFP"),
            Line(mission, "dsrsg_rc_hc", "coordination", "UN country team (seed 003 rec. 3.3.5).", to_org="UNICEF"),
        ]
    return lines


LEAD = {m.acronym: m.lead_department for m in MISSIONS}


def _lines() -> tuple[Line, ...]:
    lines: list[Line] = []
    for mission, keys in MISSION_POSTS.items():
        lines += _standard_lines(mission, keys, LEAD[mission])
    # seed 000 §II.B.5/§III.B: UNAMID answers to the AU as well as to the UN.
    lines.append(Line("UNAMID", "head", "political_guidance", "Hybrid operation: AU political guidance "
                                                              "(seed 000 app. 1).", to_org="AU"))
    lines.append(Line("UNAMID", "head", "coordination", "Formal and merely administrative cooperation; the JM was "
                                                        "never invited to the inter-mission meetings "
                                                        "(seed 000 §III.B).", to_org="JM"))
    # MINURCAT is not integrated: its deputy coordinates with the RC/HC system from outside.
    lines.append(Line("MINURCAT", "dsrsg", "coordination", "RC/HC for Chad sits outside the mission "
                                                           "(seed 000 §III.C.4).", to_org="UNCT-TCD"))
    lines.append(Line("MINURCAT", "dsrsg", "coordination", "Humanitarian coordination outside the mission "
                                                           "(seed 000 §III.C.1).", to_org="OCHA"))
    # Inter-mission lines the seed describes.
    lines.append(Line("MINURCAT", "head", "coordination", "Precursor meeting of the two SRSGs in 2008; Sudan refused "
                                                          "exchange visits (seed 000 §II.A, §III.B).",
                      "head", to_mission="UNAMID"))
    lines.append(Line("MINURCAT", "joc", "coordination", "Exchange of military liaison officers posted to the JOCs "
                                                         "(seed 000 §III.C.2).", "joc", to_mission="UNAMID"))
    lines.append(Line("MINURCAT", "csa", "coordination", "Daily contact between security sections across the border "
                                                         "(seed 000 §III.C.2).", "csa", to_mission="UNAMID"))
    lines.append(Line("BONUCA", "head", "coordination", "Complementarity sought by the CAR but never organised "
                                                        "between DPA and DPKO (seed 000 §II.B.5, §III.C.4).",
                      "head", to_mission="MINURCAT"))
    lines.append(Line("BINUCA", "head", "coordination", "PBSO and PBC not properly linked to DPA "
                                                        "(seed 000 §III.C.4).", to_org="PBSO"))
    # demo: illustrative - seed 003 rec. 3.4.9 wants the human rights adviser to report directly to the
    # SRSG. To let that rule be seen at work, UNMIS's human rights chief reports to the DSRSG/RC/HC instead.
    lines = [ln for ln in lines if not (ln.mission == "UNMIS" and ln.from_post == "human_rights")]
    lines.append(Line("UNMIS", "human_rights", "direct", "demo: illustrative, not from the seeds: reports to the "
                                                         "DSRSG/RC/HC rather than the SRSG (cf. seed 003 rec. 3.4.9).",
                      "dsrsg_rc_hc"))
    return tuple(lines)


LINES = _lines()


# --------------------------------------------------------------------------------------------------
# People: only those the seeds name, plus clearly invented people for classified records.
# --------------------------------------------------------------------------------------------------

FICTIONAL = "demo: fictional"

PEOPLE: tuple[Person, ...] = (
    Person("Victor Angelo", "seed 000 About the Author; §I.B", "MINURCAT", nationality="PRT"),
    Person("John Karlsrud", "seed 000 n. 1 (former Special Assistant to the SRSG, MINURCAT)", "MINURCAT"),
    Person("Thabo Mbeki", "seed 000 §II.B.4", None, organisation="AU-UN-Sudan"),
    Person("Alpha Fictitious", FICTIONAL, "MINURCAT", classification=CONFIDENTIAL),
    Person("Bravo Fictitious", FICTIONAL, "MINURCAT", classification=STRICTLY_CONFIDENTIAL),
    Person("Charlie Fictitious", FICTIONAL, "UNAMID", classification=CONFIDENTIAL),
    Person("Delta Fictitious", FICTIONAL, "UNAMID", classification=STRICTLY_CONFIDENTIAL),
    Person("Echo Fictitious", FICTIONAL, "UNMIS", classification=CONFIDENTIAL),
)

ASSIGNMENTS: tuple[Assignment, ...] = (
    # The author was SRSG in Chad and the CAR during the period and retired in April 2010 (seed 000).
    Assignment("Victor Angelo", "MINURCAT", "head", None, dt.date(2010, 4, 30)),
    Assignment("John Karlsrud", "MINURCAT", "special_assistant"),
    Assignment("Alpha Fictitious", "MINURCAT", "jmac"),
    Assignment("Bravo Fictitious", "MINURCAT", "csa"),
    Assignment("Charlie Fictitious", "UNAMID", "jmac"),
    Assignment("Delta Fictitious", "UNAMID", "csa"),
    Assignment("Echo Fictitious", "UNMIS", "dsrsg_rc_hc"),
)


# --------------------------------------------------------------------------------------------------
# Inter-mission meetings (seed 000 §III.B).
# --------------------------------------------------------------------------------------------------

MEETINGS: tuple[Meeting, ...] = (
    Meeting(
        title="First inter-mission meeting, Entebbe",
        level="strategic",
        starts_on=dt.date(2009, 6, 7),
        ends_on=dt.date(2009, 6, 8),
        place="Entebbe, Uganda",
        organiser=None,
        attending=("MINURCAT", "UNAMID", "UNMIS", "BONUCA"),
        subjects=(
            "Mutual briefings on the internal situation of each host country and the work of each mission",
            "Information sharing and political analysis",
            "Developing scenarios and joint planning",
            "Access to common assets",
        ),
        attendance_notes=(
            "Senior mission leadership and representatives of Political Affairs, Mission Analysis, Security, UNPOL, "
            "the Force and Mission Support; six to ten people per mission. Participation uneven: neither MONUC nor "
            "the Joint Mediation Team for Darfur sent representatives; BONUCA, dependent on MINURCAT air transport "
            "from Bangui, was not always fully represented. Planned for more than half a year and repeatedly "
            "postponed; built on a 2008 precursor meeting between the SRSGs of MINURCAT and UNAMID."
        ),
        outcome_summary=(
            "Participants recognised the value of the initiative and agreed to meet three times a year, sharing "
            "responsibility for arranging subsequent meetings. The protection of civilians was not taken up."
        ),
        source="seed 000 §III.B; §III.B n. 12; §III.C.1; §III.C.2",
    ),
    Meeting(
        title="Second inter-mission meeting, Entebbe (MONUC Support Base)",
        level="strategic",
        starts_on=dt.date(2009, 12, 10),
        ends_on=dt.date(2009, 12, 11),
        place="Entebbe Support Base, Entebbe, Uganda",
        organiser=None,
        attending=("MINURCAT", "UNAMID", "UNMIS", "BONUCA", "MONUC"),
        subjects=(
            "Mutual briefings on the internal situation of each host country and the work of each mission",
            "A joint regional issue spearheaded by MINURCAT (belated collaboration)",
            "Information sharing and joint analysis",
        ),
        attendance_notes=(
            "Initially expected in Sudan, but the Government of Sudan viewed a meeting of the regional SRSGs in "
            "Khartoum with mistrust and did not grant visas. MONUC, hosting at its Entebbe Support Base, became "
            "more active only later in the process (its attendance is inferred, not stated). The Joint Mediation "
            "Team for Darfur was never invited."
        ),
        outcome_summary=(
            "The Entebbe Support Base proved a neutral space where subsequent meetings could be held unimpeded. "
            "The collaboration MINURCAT spearheaded received no follow-up as MINURCAT turned to its withdrawal from "
            "Chad. Two high-level meetings a year proved ambitious without encouragement from the Secretariat and "
            "commitment from mission leaders."
        ),
        source="seed 000 §III.B; §II.B.5; §III.C.1-2",
    ),
)


# --------------------------------------------------------------------------------------------------
# Demo users (printed at the end of ``peaceops demo``). Passwords are deliberately simple and public.
# --------------------------------------------------------------------------------------------------

DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("joc.minurcat", "demo-joc-minurcat", "officer", "MINURCAT", CONFIDENTIAL,
             "MINURCAT up to confidential (its JMAC chief post); not MINURCAT's strictly confidential person "
             "record; nothing of UNAMID or the other missions"),
    DemoUser("jmac.unamid", "demo-jmac-unamid", "analyst", "UNAMID", STRICTLY_CONFIDENTIAL,
             "everything of UNAMID, strictly confidential included; nothing of MINURCAT"),
    DemoUser("jmac.minurcat", "demo-jmac-minurcat", "analyst", "MINURCAT", CONFIDENTIAL,
             "MINURCAT's JMAC analyst up to confidential: writes MINURCAT's part of the joint threat assessment; "
             "nothing of UNAMID's own records"),
    DemoUser("planner.region", "demo-planner-region", "planner", REGION_NAME, UNCLASSIFIED,
             "the unclassified records of all seven missions of the region; no confidential record"),
    DemoUser("leader.unmis", "demo-leader-unmis", "leadership", "UNMIS", CONFIDENTIAL,
             "UNMIS up to confidential; may approve; nothing of the other missions"),
    DemoUser("dsrsg.minurcat", "demo-dsrsg-minurcat", "leadership", "MINURCAT", CONFIDENTIAL,
             "MINURCAT's DSRSG up to confidential: answers its integration checklist; nothing of other missions"),
    DemoUser("admin", "demo-admin", "administrator", "system", STRICTLY_CONFIDENTIAL,
             "everything; manages users and grants; Django admin", superuser=True),
    DemoUser("viewer", "demo-viewer", "viewer", "system", UNCLASSIFIED,
             "every unclassified record of every mission, read-only; nothing confidential"),
    DemoUser("guest", "demo-guest", None, "none", UNCLASSIFIED,
             "no grant: shared reference data only (countries, organisations, missions, resolutions)"),
)
