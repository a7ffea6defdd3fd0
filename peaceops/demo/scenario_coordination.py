"""The demo's coordination content: DDR in CAR's Vakaga region, who does what where
in Vakaga/Birao and eastern Chad, and the integration model by sector of BONUCA and MINURCAT.

Pure module (no Django), loaded by ``peaceops.demo.loader`` into ``peaceops.coordination``.
Documented in docs/demo.md, "Coordination". Every record has a stable key, so loading again
updates, never duplicates.

What the seeds say, and what the demo shows from it:

- seed 000 §III.C.4: "the Disarmament, Demobilization and Reintegration (DDR) Programme in the
  CAR was considered a top priority for BONUCA. Implemented in the particularly sensitive Vakaga
  Region, an area of operations for MINURCAT in the CAR, this DDR programme required a security
  environment that MINURCAT had not been mandated to implement, nor had the means to guarantee."
  -> one DDR programme in Vakaga led by BONUCA; MINURCAT present in Vakaga/Birao in another
  sector; MINURCAT's DDR kept separate.
- seed 003 §2.4.2: "programmes - e.g., DDR - where DD is paid in part by assessed contributions
  and R is stalled through lack of voluntary contributions" -> disarmament, demobilisation and
  reinsertion paid from assessed contributions, reintegration with no funding at all: the
  funding-gap warning (coordination rule 4) fires once, on reinsertion -> reintegration.
- seed 002 §5: "Parallel training and other competing programmes ... related to the DDR and SSR
  processes" -> BONUCA's and UNDP's DDR activities in Birao overlap: the duplication rule
  (coordination rule 1) fires once, and only there.

Periods, amounts, beneficiaries and the two NGOs are invented (``demo: fictional`` in the
source); P-codes are OCHA's (CAF admin-1 CF53 Vakaga, admin-2 CF531 Birao; TCD admin-1 TD14
Ouaddaï, TD21 Sila). Activities carry their source in ``details["source"]`` (the model has no
source column) and funding streams in ``note`` (their ``source`` is the paying organisation).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from peaceops.demo.scenario import FICTIONAL, UNCLASSIFIED, Org

DATASET = "demo"

SEED_DDR_VAKAGA = "seed 000 §III.C.4: DDR in the CAR a top priority for BONUCA, implemented in Vakaga, MINURCAT's area"
SEED_DD_PAID_R_STALLED = ("seed 003 §2.4.2: DDR where DD is paid in part by assessed contributions and R is stalled "
                          "through lack of voluntary contributions")
SEED_PARALLEL_DDR = "seed 002 §5: parallel and competing programmes related to the DDR and SSR processes"

# Organisations the 3W needs besides the scenario's (missions appear in a 3W as actors).
ORGANISATIONS: tuple[Org, ...] = (
    Org("BONUCA", "United Nations Peace Building Office in the Central African Republic (as 3W actor)", "other",
        SEED_DDR_VAKAGA, "The peacebuilding office as an implementing actor in the 3W.", country="CAF"),
    Org("MINURCAT", "United Nations Mission in the Central African Republic and Chad (as 3W actor)", "other",
        "seed 000 §III.C.4; app. 1", "The mission as an implementing actor in the 3W."),
    Org("VCR", "Vakaga Community Relief (fictional NGO)", "ngo", FICTIONAL,
        "Invented national NGO working in Birao.", country="CAF"),
    Org("SWA", "Sahel Water Action (fictional NGO)", "ngo", FICTIONAL,
        "Invented international NGO working in eastern Chad and Vakaga."),
)


@dataclass(frozen=True)
class Place:
    country: str  # ISO3
    admin1: str
    admin1_pcode: str
    admin2: str = ""
    admin2_pcode: str = ""
    location: str = ""


BIRAO = Place("CAF", "Vakaga", "CF53", "Birao", "CF531", "Birao")
VAKAGA = Place("CAF", "Vakaga", "CF53")
OUADDAI = Place("TCD", "Ouaddaï", "TD14", location="Abéché")
SILA = Place("TCD", "Sila", "TD21", location="Goz Beïda")


@dataclass(frozen=True)
class DemoActivity:
    key: str  # external_id in dataset "demo"
    organisation: str  # acronym (scenario or this module)
    organisation_type: str  # peaceops.coordination.models.Activity.OrganisationType value
    sector: str  # code of peaceops.coordination.vocabulary.SECTORS
    title: str
    place: Place
    start: dt.date
    end: dt.date
    status: str
    source: str
    mission: str | None = None  # owning mission acronym; None for shared (NGO, agency) records
    targeted: int | None = None
    reached: int | None = None


ACTIVITIES: tuple[DemoActivity, ...] = (
    # The duplication: two actors run DDR in Birao over the same months (seed 002 §5).
    DemoActivity("vakaga-ddr-bonuca", "BONUCA", "mission", "DDR",
                 "Political support and sensitisation for the Vakaga DDR programme", BIRAO,
                 dt.date(2008, 6, 1), dt.date(2009, 12, 31), "completed",
                 f"{SEED_DDR_VAKAGA}; dates: {FICTIONAL}", mission="BONUCA"),
    DemoActivity("vakaga-ddr-undp", "UNDP", "un", "DDR",
                 "Registration and reinsertion kits for ex-combatants in Birao", BIRAO,
                 dt.date(2009, 3, 1), dt.date(2010, 6, 30), "ongoing",
                 f"{SEED_PARALLEL_DDR}; {SEED_DDR_VAKAGA}; figures: {FICTIONAL}", targeted=1200, reached=800),
    # MINURCAT is in Vakaga, but for protection, not DDR security (seed 000 §III.C.4).
    DemoActivity("vakaga-pro-minurcat", "MINURCAT", "mission", "PRO",
                 "Protection of civilians and patrols around Birao", BIRAO,
                 dt.date(2009, 3, 15), dt.date(2010, 12, 31), "ongoing",
                 f"seed 000 §III.C.4: Vakaga, an area of operations for MINURCAT in the CAR; dates: {FICTIONAL}",
                 mission="MINURCAT"),
    DemoActivity("chad-pro-minurcat-dis", "MINURCAT", "mission", "PRO",
                 "Mentoring the DIS around refugee camps", OUADDAI,
                 dt.date(2008, 10, 1), dt.date(2010, 12, 31), "ongoing",
                 f"seed 000 app. 1: DIS selected, trained and mentored by MINURCAT; dates: {FICTIONAL}",
                 mission="MINURCAT"),
    DemoActivity("chad-ref-unhcr", "UNHCR", "un", "MS-REF", "Camp services for Sudanese refugees", OUADDAI,
                 dt.date(2008, 1, 1), dt.date(2010, 12, 31), "ongoing", FICTIONAL,
                 targeted=250000, reached=230000),
    DemoActivity("vakaga-wash-vcr", "VCR", "national_ngo", "WSH", "Boreholes and hygiene kits in Birao", BIRAO,
                 dt.date(2009, 1, 1), dt.date(2009, 12, 31), "completed", FICTIONAL, targeted=15000, reached=12000),
    DemoActivity("sila-wash-swa", "SWA", "international_ngo", "WSH", "Water trucking for displaced people",
                 SILA, dt.date(2009, 1, 1), dt.date(2010, 6, 30), "ongoing", FICTIONAL,
                 targeted=40000, reached=31000),
)

# --- the Vakaga DDR programme and its funding (seed 000 §III.C.4; seed 003 §2.4.2) --------------

PROGRAMME_NAME = "DDR programme in Vakaga (CAR)"
PROGRAMME = {
    "name": PROGRAMME_NAME, "sector": "DDR", "country": "CAF", "lead": "BONUCA", "mission": "BONUCA",
    "start": dt.date(2008, 6, 1), "end": dt.date(2010, 12, 31), "source": SEED_DDR_VAKAGA,
    "description": ("BONUCA's top-priority DDR programme in the sensitive Vakaga region, MINURCAT's area of "
                    "operations, which needed a security environment MINURCAT was neither mandated nor equipped "
                    "to guarantee (seed 000 §III.C.4). Components and funding after seed 003 §2.4.2; "
                    "dates and amounts are fictional."),
}


@dataclass(frozen=True)
class DemoComponent:
    name: str  # rules.DDR sequence name
    sequence: int
    status: str  # ProgrammeComponent.Status value
    start: dt.date
    end: dt.date
    description: str


COMPONENTS: tuple[DemoComponent, ...] = (
    DemoComponent("disarmament", 1, "completed", dt.date(2008, 6, 1), dt.date(2008, 12, 31),
                  "Collection of weapons in Birao and Ouanda-Djallé."),
    DemoComponent("demobilisation", 2, "completed", dt.date(2009, 1, 1), dt.date(2009, 6, 30),
                  "Cantonment and discharge of registered combatants."),
    DemoComponent("reinsertion", 3, "active", dt.date(2009, 7, 1), dt.date(2009, 12, 31),
                  "Transitional safety-net payments and kits."),
    DemoComponent("reintegration", 4, "planned", dt.date(2010, 1, 1), dt.date(2010, 12, 31),
                  "Livelihoods for ex-combatants: waits for voluntary contributions that have not come."),
)


@dataclass(frozen=True)
class DemoFunding:
    component: str
    kind: str  # FundingStream.Kind value
    source: str  # paying organisation acronym
    channel: str  # organisation acronym the money passes through
    amount: Decimal
    start: dt.date
    end: dt.date


# Assessed money pays D, D and reinsertion; nothing pays reintegration (seed 003 §2.4.2).
FUNDING: tuple[DemoFunding, ...] = (
    DemoFunding("disarmament", "assessed", "GA-C5", "BONUCA", Decimal("1500000"),
                dt.date(2008, 6, 1), dt.date(2008, 12, 31)),
    DemoFunding("demobilisation", "assessed", "GA-C5", "BONUCA", Decimal("2100000"),
                dt.date(2009, 1, 1), dt.date(2009, 6, 30)),
    DemoFunding("reinsertion", "assessed", "GA-C5", "BONUCA", Decimal("900000"),
                dt.date(2009, 7, 1), dt.date(2009, 12, 31)),
)
FUNDING_NOTE = f"{SEED_DD_PAID_R_STALLED}; amounts: {FICTIONAL}"
CURRENCY = "USD"

# --- integration model by sector (seed 003 §2.1: form follows function) ---------------------------


@dataclass(frozen=True)
class DemoAssessment:
    mission: str
    sector: str  # mission sector code (POL, SEC, DDR, SSR, ROL, HR, HUM, DEV)
    model: str  # separate, partial, full
    reason: str
    source: str
    assessed_on: dt.date = dt.date(2009, 12, 1)
    classification: int = UNCLASSIFIED


ASSESSMENTS: tuple[DemoAssessment, ...] = (
    DemoAssessment("BONUCA", "POL", "full",
                   "Peacebuilding office: the political process is its core function, led by the SRSG.",
                   "seed 000 §III.C.4; seed 003 §2.1"),
    DemoAssessment("BONUCA", "DDR", "partial",
                   "Top-priority DDR in Vakaga run with UNDP; spans assessed (D, D) and voluntary (R) budgets.",
                   f"{SEED_DDR_VAKAGA}; seed 003 §2.4.2"),
    DemoAssessment("BONUCA", "HUM", "separate",
                   "Humanitarian actors keep their distance to preserve humanitarian space.",
                   "seed 003 §2.4.3"),
    DemoAssessment("MINURCAT", "SEC", "full",
                   "Protection of refugees and IDPs in eastern Chad and north-eastern CAR is the mandate.",
                   "seed 000 app. 1 (res. 1778, 1861)"),
    DemoAssessment("MINURCAT", "DDR", "separate",
                   "Not mandated, nor equipped, to guarantee the security Vakaga's DDR needed (BONUCA's priority).",
                   SEED_DDR_VAKAGA),
    DemoAssessment("MINURCAT", "ROL", "partial",
                   "DIS police selected, trained and mentored by MINURCAT with the Chadian government.",
                   "seed 000 app. 1"),
    DemoAssessment("MINURCAT", "HUM", "separate",
                   "OCHA physically distinct, not integrated: humanitarian space in the camps.",
                   "seed 003 §2.4.3"),
)

# --- needs and mandated tasks in Vakaga: the gap (seed 002 §5) ------------------------------------

OUANDA_DJALLE = Place("CAF", "Vakaga", "CF53", "Ouanda-Djallé", "CF532", "Ouanda-Djallé")
SEED_NEEDS_NOT_INFORMED = "seed 002 §5: activities 'not necessarily informed by the needs on the ground'"


@dataclass(frozen=True)
class DemoNeed:
    key: str  # external_id in dataset "demo"
    sector: str
    place: Place
    people_in_need: int
    severity: int
    start: dt.date
    end: dt.date
    source: str


# Ouanda-Djallé has food and protection needs and no one working there in 2009: two gaps. Birao's
# WASH need is met by VCR's boreholes (no gap there).
NEEDS: tuple[DemoNeed, ...] = (
    DemoNeed("need-vakaga-fsc-ouanda", "FSC", OUANDA_DJALLE, 9500, 4, dt.date(2009, 1, 1), dt.date(2009, 12, 31),
             f"{SEED_NEEDS_NOT_INFORMED}; figures: {FICTIONAL}"),
    DemoNeed("need-vakaga-wsh-birao", "WSH", BIRAO, 15000, 3, dt.date(2009, 1, 1), dt.date(2009, 12, 31),
             f"{SEED_NEEDS_NOT_INFORMED}; figures: {FICTIONAL}"),
)


@dataclass(frozen=True)
class DemoAreaTask:
    mission: str
    task: str
    sector: str
    place: Place
    mandate_reference: str
    start: dt.date
    end: dt.date
    source: str


AREA_TASKS: tuple[DemoAreaTask, ...] = (
    DemoAreaTask("MINURCAT", "Protection of civilians in north-eastern CAR (Vakaga)", "PRO", OUANDA_DJALLE,
                 "S/RES/1778 (2007) OP 6; S/RES/1861 (2009)", dt.date(2009, 1, 1), dt.date(2010, 12, 31),
                 "seed 000 §III.C.4: Vakaga, an area of operations for MINURCAT in the CAR; app. 1 (res. 1778, "
                 "1861); the place: fictional"),
)

# --- humanitarian space: QIPs and hearts and minds, military assets (seed 003 rec. 3.4.7; seed 004 §6.2) ----

SEED_HC_DECIDES = ("seed 003 rec. 3.4.7: the DSRSG/HC is 'responsible for determining the appropriateness of "
                   "\"hearts and minds\" campaigns and the use of QIPs'")


@dataclass(frozen=True)
class DemoProposal:
    mission: str
    component: str  # registry component name of the mission
    kind: str  # HumanitarianProposal.Kind value
    title: str
    description: str
    budget: Decimal
    principles_note: str
    status: str  # proposed, approved, refused
    decision_reason: str
    source: str


PROPOSALS: tuple[DemoProposal, ...] = (
    DemoProposal("MINURCAT", "Civil Affairs", "qip", "Rehabilitation of the Birao market shelters",
                 "Quick-impact project with the Birao municipality: roofs and drainage for the market.",
                 Decimal("24000"), "Chosen with the community; no party favoured; civilian implementer.",
                 "proposed", "", f"{SEED_HC_DECIDES}; project: {FICTIONAL}"),
    DemoProposal("MINURCAT", "Force", "hearts_and_minds", "Free medical outreach by the contingent in Tissi camp",
                 "Contingent doctors hold a clinic day in the refugee camp, with the national flag on the vehicles.",
                 Decimal("6000"), "",
                 "refused",
                 "Blurs the distinction between the force and humanitarian actors in a camp served by NGO clinics "
                 "(seed 004 §6.2.5); offer the medical team to the health cluster instead.",
                 f"{SEED_HC_DECIDES}; seed 004 §6.2.5; activity: {FICTIONAL}"),
)


@dataclass(frozen=True)
class DemoAssetUse:
    mission: str
    asset_kind: str
    task: str
    requested_by: str  # organisation acronym
    place: Place
    start: dt.date
    end: dt.date
    justification: str
    no_civilian_capacity: str
    status: str
    decision_reason: str
    source: str


ASSET_USES: tuple[DemoAssetUse, ...] = (
    DemoAssetUse("MINURCAT", "air_transport", "Airlift of cholera kits to Birao", "UNICEF", BIRAO,
                 dt.date(2009, 8, 10), dt.date(2009, 8, 14),
                 "Cholera outbreak in Birao; the only road is cut by the rains until October.",
                 "UNHAS and WFP asked on 7 August: no aircraft able to land at Birao before September.",
                 "approved", "Last resort confirmed at the MLT under the HC's guidance (seed 004 §6.2.4).",
                 f"seed 004 §6.2.4: 'only when the civilian capability is insufficient to meet the need'; "
                 f"event: {FICTIONAL}"),
)
