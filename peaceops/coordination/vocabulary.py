"""Sector vocabulary of the 3W and the integration matrix, and the matching of the names files use.

Pure module (no Django). Two families of sectors live side by side:

- the humanitarian clusters and their areas of responsibility (IASC cluster approach), with the
  English and French names OCHA country offices use and the HDX HAPI sector codes, because 3W
  files name them in either language, with or without accents, and in local variants
  ("Abris / NFI", "Abris et Non vivres", "Shelter/NFI");
- the mission sectors of the integration matrix (seed 003 §1.3: integration is
  asymmetric, sector by sector): political, security, DDR, SSR, rule of law, human rights,
  humanitarian, development.

Matching is exact after :func:`normalise` (case, accents, punctuation and spacing ignored); a name
that does not match is an error, with the closest known names suggested (difflib), never a guess.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

HUMANITARIAN = "cluster"
MISSION = "mission"


@dataclass(frozen=True)
class SectorSpec:
    code: str
    name_en: str
    name_fr: str
    kind: str = HUMANITARIAN
    parent: str = ""
    aliases: tuple[str, ...] = field(default_factory=tuple)


# Aliases are the names found in the real files (docs/coordination.md lists which file uses which).
SECTORS: tuple[SectorSpec, ...] = (
    SectorSpec("CCCM", "Camp Coordination and Camp Management", "Coordination et gestion des camps",
               aliases=("CCM", "Camp Coordination / Management", "Camp Management",
                        "Administration et gestion des sites",
                        "Gestion des camps", "CCCM")),
    SectorSpec("EDU", "Education", "Éducation", aliases=("Education", "Educación")),
    SectorSpec("ERY", "Early Recovery", "Relèvement précoce",
               aliases=("Relèvement Précoce", "Early Recovery and Livelihoods", "Livelihood", "Livelihoods",
                        "Income Generation", "Moyens de subsistance")),
    SectorSpec("FSC", "Food Security", "Sécurité alimentaire",
               aliases=("Securité alimentaire", "Food", "Food Distribution", "Agriculture", "Crop Production",
                        "Food Security and Livelihoods", "Sécurité Alimentaire")),
    SectorSpec("HEA", "Health", "Santé",
               aliases=("Sante", "Reproductive Health", "HIV/AIDS", "Malaria Prevention and Control",
                        "Health Care Referral Services")),
    SectorSpec("LOG", "Logistics", "Logistique", aliases=("Transportation", "Transport / Logistics", "Transport")),
    SectorSpec("ETC", "Emergency Telecommunications", "Télécommunications d'urgence", aliases=("Telecom",)),
    SectorSpec("NUT", "Nutrition", "Nutrition"),
    SectorSpec("PRO", "Protection", "Protection",
               aliases=("Protection générale", "General Protection", "Legal Assistance / Protection", "Registration",
                        "Community Services", "Return")),
    SectorSpec("PRO-CPN", "Child Protection", "Protection de l'enfant", parent="PRO",
               aliases=("Protection: Protection de l'enfant", "Protection de l'enfance")),
    SectorSpec("PRO-GBV", "Gender-Based Violence", "Violences basées sur le genre", parent="PRO",
               aliases=("Gender Based Violence", "Protection: Violences basées sur le genre", "VBG", "GBV")),
    SectorSpec("PRO-HLP", "Housing, Land and Property", "Logement, terre et propriété", parent="PRO",
               aliases=("Protection: Logement, terre et propriété", "HLP")),
    SectorSpec("PRO-MIN", "Mine Action", "Lutte antimines", parent="PRO",
               aliases=("Mine action AoR", "Lutte anti-mines", "Protection: Lutte anti-mines")),
    SectorSpec("MHPSS", "Mental Health and Psychosocial Support", "Santé mentale et soutien psychosocial",
               parent="HEA", aliases=("Mental Health", "SMSPS")),
    SectorSpec("SHL", "Shelter and Non-Food Items", "Abris et articles non alimentaires",
               aliases=("Shelter/NFI", "Shelter / NFI", "Abris / NFI", "Abris et Non vivres", "Abris/AME",
                        "Emergency Shelter and NFI", "Shelter", "Core Relief Items (CRIs)",
                        "Domestic Needs / Household Support", "Shelter / Other Infrastructure", "Abris")),
    SectorSpec("WSH", "Water, Sanitation and Hygiene", "Eau, hygiène et assainissement",
               aliases=("WASH", "EHA", "Water Sanitation Hygiene", "Water & Sanitation",
                        "Eau, Assainissement et Hygiène",
                        "Water Sanitation & Hygiene", "Eau, Hygiène et Assainissement")),
    SectorSpec("CASH", "Multi-purpose Cash", "Transferts monétaires à usage multiple",
               aliases=("Cash", "Cash programming", "Cash Assistance", "Cash multi-sectoriel", "TMUM/MPCA", "MPCA",
                        "TMUM")),
    SectorSpec("MS-REF", "Refugee Response (multi-sector)", "Réponse aux réfugiés",
               aliases=("Multi-Sector Refugee Response", "Refugee response", "Multi-secteur réfugiés")),
    SectorSpec("COORD", "Coordination and Support Services", "Coordination",
               aliases=("Coordination", "Information Management", "Agency Operational Support")),
    SectorSpec("ENV", "Environment", "Environnement"),
    SectorSpec("OTHER", "Other", "Autre", aliases=("Autres",)),
    # Mission sectors of the integration matrix (seed 003 §1.3).
    SectorSpec("POL", "Political", "Politique", kind=MISSION, aliases=("Political affairs", "Affaires politiques")),
    SectorSpec("SEC", "Security", "Sécurité", kind=MISSION),
    SectorSpec("DDR", "Disarmament, Demobilisation and Reintegration",
               "Désarmement, démobilisation et réintégration", kind=MISSION, aliases=("DDR", "DDRR")),
    SectorSpec("SSR", "Security Sector Reform", "Réforme du secteur de la sécurité", kind=MISSION,
               aliases=("SSR", "RSS")),
    SectorSpec("ROL", "Rule of Law", "État de droit", kind=MISSION, aliases=("Justice", "Rule of law and justice")),
    SectorSpec("HR", "Human Rights", "Droits de l'homme", kind=MISSION, aliases=("Droits humains",)),
    SectorSpec("HUM", "Humanitarian", "Humanitaire", kind=MISSION, aliases=("Humanitarian affairs",)),
    SectorSpec("DEV", "Development", "Développement", kind=MISSION, aliases=("Urgence_Developpement",)),
)

MISSION_SECTORS = tuple(spec.code for spec in SECTORS if spec.kind == MISSION)


def normalise(name: str) -> str:
    """Lower case, no accents, punctuation and runs of spaces folded to one space."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = plain.replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def names_of(code: str, name_en: str, name_fr: str, aliases) -> list[str]:
    return [code, name_en, name_fr, *aliases]


class SectorMatcher:
    """Maps every known spelling of a sector to its code; ``suggest`` proposes the closest names."""

    def __init__(self, sectors):
        """``sectors``: iterables of (code, name_en, name_fr, aliases), e.g. the Sector table's rows."""
        self.by_name: dict[str, str] = {}
        self.display: dict[str, str] = {}
        for code, name_en, name_fr, aliases in sectors:
            for name in names_of(code, name_en, name_fr, aliases):
                key = normalise(name)
                if key:
                    self.by_name.setdefault(key, code)
                    self.display.setdefault(key, name)

    def match(self, name: str) -> str | None:
        return self.by_name.get(normalise(name))

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        keys = difflib.get_close_matches(normalise(name), list(self.by_name), n=limit, cutoff=0.5)
        return [f"{self.display[key]} ({self.by_name[key]})" for key in keys]

    def unknown_message(self, name: str) -> str:
        close = self.suggest(name)
        hint = f"; closest: {', '.join(close)}" if close else ""
        return f"unknown sector {name!r}{hint}"


def default_matcher() -> SectorMatcher:
    return SectorMatcher((s.code, s.name_en, s.name_fr, s.aliases) for s in SECTORS)


def suggest_area(pcode: str, name: str, candidates: list[tuple[str, str]], limit: int = 3) -> list[str]:
    """Closest admin areas to an unknown P-code: by the name given with it first, then by the code.

    ``candidates`` are (pcode, name) pairs of the country's areas at the same level.
    """
    by_name: dict[str, list[str]] = {}
    for code, area_name in candidates:
        by_name.setdefault(normalise(area_name), []).append(code)
    found: list[str] = []
    if name:
        for key in difflib.get_close_matches(normalise(name), list(by_name), n=limit, cutoff=0.8):
            found += [f"{code} ({area_name})" for code, area_name in candidates
                      if normalise(area_name) == key and code in by_name[key]]
    codes = [code for code, _ in candidates]
    names = dict(candidates)
    for code in difflib.get_close_matches(pcode.upper(), codes, n=limit, cutoff=0.6):
        label = f"{code} ({names[code]})"
        if label not in found:
            found.append(label)
    return found[:limit]
