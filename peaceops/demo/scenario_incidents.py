"""The demo's incident log: events of 2008-2010 as seed 000 tells them, plus a few fictional ones.

Pure module (no Django), loaded by ``peaceops.demo.loader`` into ``peaceops.incidents`` with
``dataset="demo"`` and the stable ``key`` below as ``external_id`` (so loading again updates,
never duplicates). Documented in docs/demo.md, "Incidents".

Rules the entries follow:

- A seed incident cites its passage twice: the source name (``seed 000 §II.A``) and the
  reference (the passage's words). Its description paraphrases the seed and says where a date
  or place is not the seed's own (``public record``) or is only approximate.
- Dates are as precise as the seed: a month gives the whole month (``date_precision`` 4), a
  year or "early 2010" the whole span (5), "end of January" a week (3); UCDP ``date_prec``.
- Places the seed names only as a region ("eastern Chad", "Darfur") are shown at the region's
  main town with ``geo_precision`` 5 (part of a country) or 6 (a border); a named town is 1
  (UCDP ``where_prec``). Coordinates of towns are public record.
- Deaths only where the seed gives figures. It gives none, so every seed incident has 0.
- Fictional incidents (source ``demo: fictional``) exist only so that a daily report has
  figures to show around the two Entebbe meetings (7-8 June and 10-11 December 2009). Their
  descriptions start with "Fictional" and their figures are invented.
"""

import datetime as dt
from dataclasses import dataclass

from peaceops.demo.scenario import CONFIDENTIAL, FICTIONAL, UNCLASSIFIED

DATASET = "demo"

# Grade of a seed statement (NATO admiralty code, docs/incidents.md): B2. Seed 000's author was
# SRSG and head of MINURCAT in the period, a first-hand and usually reliable source (B, not A: one
# participant's account, written after the events); what he states is probably true (2) and
# consistent with the public record, but no second source in the demo confirms it.
SEED_RELIABILITY, SEED_CREDIBILITY = "B", 2
# A fictional report's truth cannot be judged: F6.
FICTIONAL_RELIABILITY, FICTIONAL_CREDIBILITY = "F", 6
FICTIONAL_REFERENCE = "Illustrative incident invented for the demo; not in the seeds."


@dataclass(frozen=True)
class Place:
    """A town with public-record coordinates, its country (ISO3) and admin-1 name of 2008-2010."""

    name: str
    latitude: float
    longitude: float
    country: str
    admin1: str


PLACES: dict[str, Place] = {
    "ndjamena": Place("N'Djamena", 12.11, 15.05, "TCD", "N'Djamena"),
    "abeche": Place("Abéché", 13.83, 20.83, "TCD", "Ouaddaï"),
    "adre": Place("Adré", 13.47, 22.20, "TCD", "Ouaddaï"),
    "goz_beida": Place("Goz Beïda", 12.22, 21.41, "TCD", "Sila"),
    "iriba": Place("Iriba", 15.12, 22.25, "TCD", "Wadi Fira"),
    "birao": Place("Birao", 10.28, 22.78, "CAF", "Vakaga"),
    "obo": Place("Obo", 5.40, 26.49, "CAF", "Haut-Mbomou"),
    "el_fasher": Place("El Fasher", 13.63, 25.35, "SDN", "North Darfur"),
    "el_geneina": Place("El Geneina", 13.45, 22.45, "SDN", "West Darfur"),
    "nyala": Place("Nyala", 12.05, 24.88, "SDN", "South Darfur"),
    "yambio": Place("Yambio", 4.57, 28.40, "SDN", "Western Equatoria"),
    "dungu": Place("Dungu", 3.62, 28.57, "COD", "Orientale"),
}


@dataclass(frozen=True)
class DemoActor:
    name: str
    kind: str  # a peaceops.incidents.models.Actor.Kind value
    organisation: str | None = None  # scenario Org acronym
    aliases: tuple[str, ...] = ()


ACTORS: tuple[DemoActor, ...] = (
    DemoActor("Chadian armed opposition groups", "armed_group", "CAOG", ("Chadian rebels",)),
    DemoActor("Government of Chad", "state", "GOV-TCD", ("Chadian army", "ANT")),
    DemoActor("Government of Sudan", "state", "GOV-SDN", ("Sudanese army", "SAF")),
    DemoActor("Justice and Equality Movement", "armed_group", "JEM", ("JEM",)),
    DemoActor("Lord's Resistance Army", "armed_group", "LRA", ("LRA",)),
    DemoActor("Uganda People's Defence Force", "state", "UPDF", ("UPDF",)),
    DemoActor("EUFOR Tchad/RCA", "other", "EUFOR", ("EUFOR",)),
    DemoActor("MINURCAT", "un", None, ()),
    DemoActor("UNAMID", "un", None, ()),
    DemoActor("International NGOs", "humanitarian", None, ("INGOs",)),
    DemoActor("Civilians", "civilians", None, ()),
    DemoActor("Unidentified armed men", "other", None, ("unknown armed men",)),
)


@dataclass(frozen=True)
class DemoIncident:
    key: str  # external_id in dataset "demo": never change it, or the loader makes a new record
    start: dt.date
    end: dt.date
    date_precision: int
    place: str  # a PLACES key
    geo_precision: int
    location: str  # as shown: the town, or the region the seed names
    category: str  # a peaceops.incidents.taxonomy.Category value
    owning_mission: str
    description: str
    source: str  # "seed 000 §..." or FICTIONAL
    reference: str = FICTIONAL_REFERENCE
    actors: tuple[tuple[str, str], ...] = ()  # (actor name, side: a / b / target / other)
    classification: int = UNCLASSIFIED
    source_category: str = ""
    deaths_a: int = 0
    deaths_b: int = 0
    deaths_civilians: int = 0
    injured: int = 0
    abducted: int = 0
    follow_up: str = ""
    follow_up_closed: bool = False

    @property
    def fictional(self) -> bool:
        return self.source == FICTIONAL

    @property
    def deaths_best(self) -> int:
        return self.deaths_a + self.deaths_b + self.deaths_civilians


def _month(year: int, month: int) -> tuple[dt.date, dt.date, int]:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, 1), following - dt.timedelta(days=1), 4


def _year(year: int) -> tuple[dt.date, dt.date, int]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31), 5


def _day(year: int, month: int, day: int, until: int | None = None) -> tuple[dt.date, dt.date, int]:
    start = dt.date(year, month, day)
    return start, dt.date(year, month, until) if until else start, 1


def _seed(key, when, place, geo_precision, location, category, mission, description, source, reference, **extra):
    start, end, precision = when
    return DemoIncident(key, start, end, precision, place, geo_precision, location, category, mission, description,
                        source, reference, **extra)


def _fiction(key, when, place, category, mission, description, **extra):
    start, end, precision = when
    return DemoIncident(key, start, end, precision, place, 1, PLACES[place].name, category, mission,
                        f"Fictional, for the demo only (not in the seeds): {description}", FICTIONAL, **extra)


A, B, TARGET, OTHER = "a", "b", "target", "other"
CAOG, GOV_TCD, GOV_SDN = "Chadian armed opposition groups", "Government of Chad", "Government of Sudan"
LRA, UPDF, ARMED_MEN = "Lord's Resistance Army", "Uganda People's Defence Force", "Unidentified armed men"

SEED_INCIDENTS: tuple[DemoIncident, ...] = (
    _seed("seed000-2008-01-caog-enter-chad", (dt.date(2008, 1, 25), dt.date(2008, 1, 31), 3), "adre", 6,
          "Chad-Sudan border (crossing point not given; shown at Adré)", "troop_movement", "MINURCAT",
          "At the end of January 2008 Chadian armed opposition groups based in Sudan crossed into Chad. "
          "Dated to the last week of January (the seed: 'at the end of January').",
          "seed 000 §II.A",
          "At the end of January 2008, for example, Chadian armed opposition groups based in Sudan entered Chad "
          "and attacked N'Djamena in early February of that year.",
          actors=((CAOG, A),)),
    _seed("seed000-2008-02-ndjamena-attack", (dt.date(2008, 2, 1), dt.date(2008, 2, 7), 3), "ndjamena", 1,
          "N'Djamena", "armed_clash", "MINURCAT",
          "In early February 2008 the Sudan-based Chadian armed opposition groups attacked N'Djamena and assaulted "
          "the presidential palace. President Déby's regime survived because the rebels lacked leadership and "
          "could not agree on their tactical moves. Dated to the first week of February ('early February'). "
          "The seed gives no casualty figures.",
          "seed 000 §II.A n. 5",
          "Chadian armed opposition groups based in Sudan entered Chad and attacked N'Djamena in early February "
          "of that year. [n. 5] In the end, President Déby's regime survived because of the lack of leadership in "
          "the attacking rebel groups.",
          actors=((CAOG, A), (GOV_TCD, B)),
          follow_up="Account for all MINURCAT staff in N'Djamena (demo note).", follow_up_closed=True),
    _seed("seed000-2009-03-eufor-handover", _day(2009, 3, 15), "abeche", 5,
          "eastern Chad (MINURCAT force; shown at Abéché)", "troop_movement", "MINURCAT",
          "MINURCAT took over responsibility for the military component from the European Union force (EUFOR), "
          "as the Security Council authorised on 14 January 2009 (resolution 1861).",
          "seed 000 app. 1",
          "On 14 January 2009, the UN Security Council authorized the mission to take over responsibility for "
          "the military component from the European Union military force (EUFOR), which it assumed on "
          "15 March 2009.",
          actors=(("MINURCAT", A), ("EUFOR Tchad/RCA", OTHER))),
    _seed("seed000-2009-03-ngo-expulsion", _month(2009, 3), "el_fasher", 5, "Darfur (shown at El Fasher)",
          "other", "UNAMID",
          "Sudan expelled 10 international NGOs from Darfur after the International Criminal Court indicted "
          "President Al-Bashir, raising fears of a massive displacement and a refugee flow into Chad. The seed "
          "gives no date; the month is public record (ICC arrest warrant, 4 March 2009).",
          "seed 000 §III.C.1",
          "For example, when Sudan expelled 10 international NGOs from Darfur in the aftermath of President "
          "Al-Bashir's indictment by the International Criminal Court, there was great concern about the "
          "potential for a massive displacement of people and a refugee flow across the border to Chad.",
          actors=((GOV_SDN, A), ("International NGOs", TARGET)), source_category="expulsion of NGOs",
          follow_up="Analyse with MINURCAT the risk of a refugee flow into eastern Chad: the two missions have "
                    "not yet looked at it together (seed 000 §III.C.1)."),
    _seed("seed000-2009-05-eastern-chad-attack", _month(2009, 5), "abeche", 5, "eastern Chad (shown at Abéché)",
          "armed_clash", "MINURCAT",
          "Sudan-based Chadian rebels launched another attack in eastern Chad in May 2009, hindering the Dakar "
          "Process; a strong counter-attack by Chadian government forces left the rebel groups seriously weakened. "
          "The seed gives the month, no place within eastern Chad, and no casualty figures.",
          "seed 000 §II.A",
          "In May 2009, the diplomatic process was further hindered when the Sudan-based rebels launched another "
          "attack, this time in eastern Chad. A strong counterattack by Chadian government forces left the rebel "
          "groups seriously weakened.",
          actors=((CAOG, A), (GOV_TCD, B))),
    _seed("seed000-2009-updf-south-east-car", _year(2009), "obo", 5, "south-eastern CAR (shown at Obo)",
          "troop_movement", "BONUCA",
          "Under a 2009 bilateral agreement between Uganda and the CAR, about 2,000 Ugandan soldiers deployed in "
          "south-eastern CAR to fight LRA groups believed to be moving north. The seed gives the year only.",
          "seed 000 §II.B.2",
          "In 2009, a bilateral agreement between Uganda and the CAR allowed for the deployment of approximately "
          "2,000 Ugandan soldiers in south-eastern CAR. They are tasked with combating LRA irregulars, because it is "
          "believed that the latter group has been moving north, possibly towards Darfur.",
          actors=((UPDF, A), (LRA, B))),
    _seed("seed000-2009-lra-moving-north", _year(2009), "obo", 6,
          "towards the tri-border area of Sudan, the CAR and the DRC (shown at Obo)", "troop_movement", "BONUCA",
          "LRA groups were believed to be moving north towards the tri-border area of Sudan, the CAR and the DRC, "
          "possibly towards Darfur. An assessment, not a sighting: kept confidential. The seed gives no date "
          "beyond 2009, before the December meeting.",
          "seed 000 §II.B.2; §III.B",
          "[...] it is believed that the latter group has been moving north, possibly towards Darfur. [...] the "
          "northward movement of the LRA towards the tri-border area of Sudan, the CAR and the DRC",
          actors=((LRA, A),), classification=CONFIDENTIAL),
    _seed("seed000-2008-updf-operation-eastern-drc", (dt.date(2008, 12, 14), dt.date(2009, 3, 15), 5), "dungu",
          5, "eastern DRC (shown at Dungu)", "armed_clash", "MONUC",
          "The UPDF led an operation in eastern DRC to round up the remaining LRA, with some success: several "
          "fighters apprehended or killed, but Joseph Kony and other leaders still at large. The seed gives no "
          "dates or figures; the span is public record (December 2008 - March 2009).",
          "seed 000 §II.B.2",
          "The Ugandan People's Defence Force (UPDF) led an operation in eastern DRC to round up remaining "
          "members, with some success. Although several fighters have been apprehended or killed in action, the "
          "leader, Joseph Kony, and other key members remain at large.",
          actors=((UPDF, A), (LRA, B))),
    _seed("seed000-2008-jem-in-refugee-camps", (dt.date(2008, 1, 1), dt.date(2009, 10, 31), 5), "abeche", 5,
          "refugee camps of eastern Chad (shown at Abéché)", "other", "MINURCAT",
          "The JEM used refugee camps in eastern Chad for rest and recuperation and to recruit combatants, until "
          "Chad took a stronger stance against it in the détente with Sudan (October 2009). The seed gives no "
          "dates; the span runs from the start of the period to that détente. Confidential: it bears on the "
          "civilian character of the camps.",
          "seed 000 §II.B.2",
          "The JEM, for example, has used refugee camps in Chad as sites for rest and recuperation, as well as for "
          "recruitment of combatants.",
          actors=(("Justice and Equality Movement", A),), classification=CONFIDENTIAL,
          source_category="recruitment in refugee camps",
          follow_up="Ask the DIS posts around the camps what they see of JEM recruitment; share with UNAMID "
                    "through the liaison officers (seed 000 §III.C.2)."),
    _seed("seed000-2009-10-sudan-delegation", _month(2009, 10), "ndjamena", 1, "N'Djamena", "other", "MINURCAT",
          "A high-level Sudanese delegation visited N'Djamena. Both sides agreed that the JEM may no longer use "
          "Chadian territory, that Chadian rebel groups move away from the border and their leaders are banned "
          "from Sudan, and that both armies patrol the border jointly.",
          "seed 000 §II.A",
          "[...] in October 2009 a high-level Sudanese delegation visited N'Djamena, with both sides agreeing to the "
          "following solution: [...] The agreement also included an arrangement for joint border patrols by both "
          "armies",
          actors=((GOV_SDN, A), (GOV_TCD, A)), source_category="bilateral agreement"),
    _seed("seed000-2010-chad-withdraws-consent", (dt.date(2010, 1, 1), dt.date(2010, 3, 31), 5), "ndjamena", 1,
          "N'Djamena", "other", "MINURCAT",
          "The Government of Chad withdrew its consent to MINURCAT, which began a phased withdrawal; the "
          "Integrated Strategic Framework became the mission's exit strategy. 'Early 2010': dated January-March.",
          "seed 000 §III.C.4",
          "Due to the withdrawal of consent by the Government of Chad for MINURCAT in early 2010, and the "
          "subsequent phased withdrawal of the mission (finalized by 31 December 2010), the ISF was transformed "
          "into an exit strategy for the mission",
          actors=((GOV_TCD, A), ("MINURCAT", TARGET)), source_category="withdrawal of consent"),
    _seed("seed000-2010-joint-border-patrols", _year(2010), "adre", 6,
          "Chad-Sudan border (shown at Adré)", "troop_movement", "MINURCAT",
          "The October 2009 agreement took effect in 2010: the Chadian and Sudanese armies patrol the border "
          "jointly against incursions and arms smuggling. The seed gives the year only.",
          "seed 000 §II.A",
          "The agreement also included an arrangement for joint border patrols by both armies in order to "
          "prevent territorial incursions and arms smuggling. Finally implemented in 2010, this bilateral agreement "
          "has somewhat improved diplomatic relations between the two countries.",
          actors=((GOV_TCD, A), (GOV_SDN, A))),
    _seed("seed000-2010-rebels-moved-from-border", _year(2010), "el_geneina", 5,
          "Darfur border area (shown at El Geneina)", "troop_movement", "UNAMID",
          "Under the 2009 agreement, implemented in 2010, the Chadian armed rebel groups based in Darfur were to "
          "be moved away from the border area and their leaders banned from Sudan. The seed gives the year only.",
          "seed 000 §II.A",
          "Chadian armed rebel groups were to be moved away from the border area and their leaders banned from "
          "Sudan. [...] Finally implemented in 2010, this bilateral agreement has somewhat improved diplomatic "
          "relations between the two countries.",
          actors=((CAOG, A), (GOV_SDN, OTHER))),
    _seed("seed000-2010-12-minurcat-withdrawal", _month(2010, 12), "abeche", 5,
          "eastern Chad (shown at Abéché)", "troop_movement", "MINURCAT",
          "MINURCAT completed its phased withdrawal from Chad by 31 December 2010, the end of its mandate "
          "(resolution 1923).",
          "seed 000 app. 1; §III.C.4",
          "Security Council Resolution 1923: 25 May 2010 (end of mission 31 December 2010) [...] the subsequent "
          "phased withdrawal of the mission (finalized by 31 December 2010)",
          actors=(("MINURCAT", A),)),
)

# Fictional incidents around the first Entebbe meeting (7-8 June 2009) and the second
# (10-11 December 2009). Their kinds follow what seed 000 §II.B.1-2 says the missions faced:
# "hijacking, kidnapping and hit-and-run strikes on small groups of soldiers, foreigners and
# humanitarian workers", banditry, LRA groups terrorising remote villages, displacement.
FICTIONAL_INCIDENTS: tuple[DemoIncident, ...] = (
    _fiction("fict-2009-06-03-goz-beida-carjacking", _day(2009, 6, 3), "goz_beida", "banditry", "MINURCAT",
             "armed men stop an NGO vehicle on the road out of Goz Beïda and drive off with it; the staff are "
             "left unharmed.",
             actors=((ARMED_MEN, A), ("International NGOs", TARGET))),
    _fiction("fict-2009-06-06-birao-village-attack", _day(2009, 6, 6, until=9), "birao", "attack_on_civilians",
             "MINURCAT",
             "an armed group raids villages north of Birao over several days; three villagers killed.",
             actors=((ARMED_MEN, A), ("Civilians", TARGET)), deaths_civilians=3, injured=2,
             follow_up="Raise with BONUCA: its DDR programme in Vakaga needs security that MINURCAT is neither "
                       "mandated nor equipped to guarantee (seed 000 §III.C.4)."),
    _fiction("fict-2009-06-07-adre-border-clash", _day(2009, 6, 7), "adre", "armed_clash", "MINURCAT",
             "Chadian army patrol exchanges fire with a rebel group near the border east of Adré.",
             actors=((GOV_TCD, A), (CAOG, B)), deaths_a=2, deaths_b=4, injured=5),
    _fiction("fict-2009-06-08-abeche-hijacking", _day(2009, 6, 8), "abeche", "attack_on_un_humanitarian",
             "MINURCAT",
             "hit-and-run attack on a humanitarian convoy outside Abéché; one driver wounded. Confidential: names "
             "the agency and the route.",
             actors=((ARMED_MEN, A), ("International NGOs", TARGET)), injured=1, classification=CONFIDENTIAL,
             follow_up="Review convoy escorts on the Abéché - Goz Beïda road with the DIS."),
    _fiction("fict-2009-06-08-goz-beida-displacement", _day(2009, 6, 8), "goz_beida", "displacement", "MINURCAT",
             "some 400 displaced people arrive at the Goz Beïda sites after clashes between communities.",
             actors=(("Civilians", OTHER),)),
    _fiction("fict-2009-06-08-obo-lra-abduction", _day(2009, 6, 8), "obo", "abduction", "BONUCA",
             "a small LRA group raids a village near Obo; two villagers killed and five abducted.",
             actors=((LRA, A), ("Civilians", TARGET)), deaths_civilians=2, abducted=5),
    _fiction("fict-2009-06-08-el-fasher-patrol-attack", _day(2009, 6, 8), "el_fasher",
             "attack_on_un_humanitarian", "UNAMID",
             "UNAMID patrol ambushed west of El Fasher; one peacekeeper killed, two wounded, a vehicle taken. "
             "Confidential: names the unit.",
             actors=((ARMED_MEN, A), ("UNAMID", TARGET)), deaths_b=1, injured=2, classification=CONFIDENTIAL),
    _fiction("fict-2009-06-08-yambio-lra-attack", _day(2009, 6, 8), "yambio", "attack_on_civilians", "UNMIS",
             "LRA group attacks a village near Yambio; four villagers killed, families flee towards the town.",
             actors=((LRA, A), ("Civilians", TARGET)), deaths_civilians=4),
    _fiction("fict-2009-12-09-iriba-kidnapping", _day(2009, 12, 9), "iriba", "abduction", "MINURCAT",
             "an international aid worker is kidnapped near Iriba. Confidential while negotiations go on.",
             actors=((ARMED_MEN, A), ("International NGOs", TARGET)), abducted=1, classification=CONFIDENTIAL,
             follow_up="Tell UNAMID's JOC at once if the kidnappers move towards the border."),
    _fiction("fict-2009-12-10-nyala-attack", _day(2009, 12, 10), "nyala", "attack_on_civilians", "UNAMID",
             "armed men attack a market near Nyala; two civilians killed.",
             actors=((ARMED_MEN, A), ("Civilians", TARGET)), deaths_civilians=2, injured=3),
    _fiction("fict-2009-12-10-dungu-lra-abduction", _day(2009, 12, 10), "dungu", "abduction", "MONUC",
             "LRA fighters abduct three children from a village near Dungu.",
             actors=((LRA, A), ("Civilians", TARGET)), abducted=3),
)

INCIDENTS: tuple[DemoIncident, ...] = SEED_INCIDENTS + FICTIONAL_INCIDENTS

# The date docs/demo.md points to: the first Entebbe meeting's second day, with the richest report.
RICH_SITREP_DATE = dt.date(2009, 6, 8)
