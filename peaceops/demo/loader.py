"""Load the demo scenario (peaceops.demo.scenario) into the database.

``load_demo()`` is idempotent and atomic: it creates what is missing, changes a record only where
it differs from the scenario (so a second run writes nothing and adds no history), and on any
invalid fact rolls everything back and names the scenario entry and field at fault.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from peaceops.accounts.access import SYSTEM
from peaceops.accounts.models import Grant
from peaceops.accounts.records import record_create, record_update
from peaceops.accounts.roles import Action
from peaceops.accounts.services import grant_create, user_create
from peaceops.cooperation.models import Meeting
from peaceops.coordination import models as co
from peaceops.coordination.services import sectors_ensure
from peaceops.core import plugins
from peaceops.demo import scenario as sc
from peaceops.demo import scenario_areas as sa
from peaceops.demo import scenario_coordination as scoord
from peaceops.demo import scenario_incidents as si
from peaceops.incidents import membership
from peaceops.incidents.models import Actor, Incident, IncidentActor, IncidentSource
from peaceops.registry.importers import SHIPPED_ADMIN1_SHAPES, SHIPPED_COUNTRY_SHAPES, import_places
from peaceops.registry.models import (
    AdminArea,
    Assignment,
    Component,
    Country,
    Hat,
    Mission,
    MissionArea,
    MissionResolution,
    Organisation,
    Person,
    Post,
    Region,
    ReportingLine,
    Resolution,
)
from peaceops.registry.services import countries_load
from peaceops.registry.services_areas import mission_area_create, mission_area_update

SCENARIO_FILE = "peaceops/demo/scenario.py"


class DemoError(Exception):
    """A scenario fact the models refuse; the message names the entry and the field."""


@contextmanager
def _named(label: str):
    """A scenario fact the models refuse names the entry and the field."""
    try:
        yield
    except ValidationError as error:
        problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
        raise DemoError(f"{SCENARIO_FILE} {label}: {problems}") from None


# The loader writes as the installation itself (accounts.access.SYSTEM) through the record services,
# like every other writer: one checkpoint, history rows, validation.
def _save(instance, label: str):
    fields = {f.name: getattr(instance, f.name) for f in instance._meta.concrete_fields if not f.primary_key}
    with _named(label):
        return record_create(SYSTEM, Action.ADMINISTER, type(instance), fields)


def _upsert(model, lookup: dict, values: dict, label: str):
    """Create the record, or update only the fields that differ; return it."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        with _named(label):
            return record_create(SYSTEM, Action.ADMINISTER, model, {**lookup, **values})
    changed = {name: value for name, value in values.items() if getattr(instance, name) != value}
    if not changed:
        return instance
    with _named(label):
        return record_update(SYSTEM, Action.ADMINISTER, instance, changed)


def _set_m2m(manager, wanted) -> None:
    """Replace a many-to-many set only when it differs (keeps history and timestamps untouched)."""
    wanted = list(wanted)
    if set(manager.values_list("pk", flat=True)) != {obj.pk for obj in wanted}:
        manager.set(wanted)


def _lookup(table: dict, key, label: str):
    try:
        return table[key]
    except KeyError:
        raise DemoError(f"{SCENARIO_FILE} {label}: unknown reference {key!r}") from None


def _countries() -> dict[str, Country]:
    needed = set(sc.HOST_COUNTRIES) | set(sc.OTHER_COUNTRIES) | {p.nationality for p in sc.PEOPLE if p.nationality}
    if Country.objects.filter(iso3__in=needed).count() < len(needed):
        countries_load()
    return {c.iso3: c for c in Country.objects.filter(iso3__in=needed)}


def _organisations(countries) -> dict[str, Organisation]:
    orgs: dict[str, Organisation] = {}
    for org in sc.ORGANISATIONS:
        label = f"ORGANISATIONS {org.acronym!r}"
        values = {
            "acronym": org.acronym,
            "kind": org.kind,
            "description": org.description,
            "source": org.source,
            "country": _lookup(countries, org.country, label) if org.country else None,
            "parent": _lookup(orgs, org.parent, label) if org.parent else None,
        }
        orgs[org.acronym] = _upsert(Organisation, {"name": org.name}, values, label)
    return orgs


def _resolutions() -> dict[int, Resolution]:
    return {
        res.number: _upsert(
            Resolution, {"number": res.number},
            {"adopted_on": res.adopted_on, "title": res.title, "summary": res.summary, "source": res.source},
            f"RESOLUTIONS {res.number}",
        )
        for res in sc.RESOLUTIONS
    }


def _missions(orgs, countries, region, resolutions) -> dict[str, Mission]:
    missions: dict[str, Mission] = {}
    for m in sc.MISSIONS:
        label = f"MISSIONS {m.acronym!r}"
        values = {
            "name": m.name, "kind": m.kind, "lead_department": _lookup(orgs, m.lead_department, label),
            "start_date": m.start_date, "end_date": m.end_date,
            "predecessor": _lookup(missions, m.predecessor, label) if m.predecessor else None,
            "integration_model": m.integration_model, "headquarters": m.headquarters,
            "hq_lat": m.hq_lat, "hq_lon": m.hq_lon, "summary": m.summary, "source": m.source,
        }
        mission = _upsert(Mission, {"acronym": m.acronym}, values, label)
        _set_m2m(mission.host_countries, [_lookup(countries, iso3, label) for iso3 in m.host_countries])
        if not mission.regions.filter(pk=region.pk).exists():
            mission.regions.add(region)
        missions[m.acronym] = mission
    for link in sc.MANDATES:
        label = f"MANDATES {link.mission!r} {link.resolution}"
        lookup = {"mission": _lookup(missions, link.mission, label),
                  "resolution": _lookup(resolutions, link.resolution, label), "action": link.action}
        _upsert(MissionResolution, lookup, {"note": link.note}, label)
    return missions


def _structure(missions, orgs) -> dict[tuple[str, str], Post]:
    components = {}
    for c in sc.COMPONENTS:
        label = f"COMPONENTS {c.mission!r} {c.name!r}"
        mission = _lookup(missions, c.mission, label)
        components[c.mission, c.name] = _upsert(
            Component, {"mission": mission, "name": c.name},
            {"kind": c.kind, "source": c.source, "classification": c.classification}, label,
        )
    posts = {}
    for p in sc.POSTS:
        label = f"POSTS {p.mission!r} {p.key!r}"
        mission = _lookup(missions, p.mission, label)
        values = {"function": p.function, "source": p.source, "classification": p.classification,
                  "component": _lookup(components, (p.mission, p.component), label) if p.component else None}
        posts[p.mission, p.key] = _upsert(Post, {"mission": mission, "title": p.title}, values, label)
    for h in sc.HATS:
        label = f"HATS {h.mission!r} {h.post!r} {h.role!r}"
        post = _lookup(posts, (h.mission, h.post), label)
        values = {"terms_of_reference": h.terms_of_reference, "responsibilities": list(h.responsibilities),
                  "classification": post.classification,
                  "on_behalf_of": _lookup(orgs, h.on_behalf_of, label) if h.on_behalf_of else None}
        _upsert(Hat, {"post": post, "role": h.role}, values, label)
    for line in sc.LINES:
        _reporting_line(line, posts, orgs)
    return posts


def _reporting_line(line, posts, orgs) -> None:
    label = f"LINES {line.mission!r} {line.from_post!r} {line.kind!r}"
    from_post = _lookup(posts, (line.mission, line.from_post), label)
    to_post = _lookup(posts, (line.to_mission or line.mission, line.to_post), label) if line.to_post else None
    to_org = _lookup(orgs, line.to_org, label) if line.to_org else None
    # A line is as secret as the most secret post it names.
    level = max(from_post.classification, to_post.classification if to_post else 0)
    lookup = {"from_post": from_post, "to_post": to_post, "to_organisation": to_org, "kind": line.kind}
    _upsert(ReportingLine, lookup, {"note": line.note, "classification": level}, label)


def _people(missions, orgs, countries, posts) -> None:
    people = {}
    for p in sc.PEOPLE:
        label = f"PEOPLE {p.name!r}"
        values = {
            "source": p.source, "classification": p.classification,
            "owning_mission": _lookup(missions, p.mission, label) if p.mission else None,
            "organisation": _lookup(orgs, p.organisation, label) if p.organisation else None,
            "nationality": _lookup(countries, p.nationality, label) if p.nationality else None,
        }
        people[p.name] = _upsert(Person, {"name": p.name}, values, label)
    for a in sc.ASSIGNMENTS:
        label = f"ASSIGNMENTS {a.person!r}"
        person = _lookup(people, a.person, label)
        post = _lookup(posts, (a.mission, a.post), label)
        values = {"start_date": a.start_date, "end_date": a.end_date,
                  "classification": max(person.classification, post.classification)}
        _upsert(Assignment, {"person": person, "post": post}, values, label)


def _meetings(missions) -> None:
    for m in sc.MEETINGS:
        label = f"MEETINGS {m.title!r}"
        values = {
            "level": m.level, "ends_on": m.ends_on, "place": m.place, "subjects": list(m.subjects),
            "attendance_notes": m.attendance_notes, "outcome_summary": m.outcome_summary, "source": m.source,
            "classification": m.classification,
            "organiser": _lookup(missions, m.organiser, label) if m.organiser else None,
        }
        meeting = _upsert(Meeting, {"title": m.title, "starts_on": m.starts_on}, values, label)
        _set_m2m(meeting.attending_missions, [_lookup(missions, a, label) for a in m.attending])


def _users() -> None:
    user_model = get_user_model()
    for demo in sc.DEMO_USERS:
        user = user_model.objects.filter(username=demo.username).first()
        if user is None:
            user = user_create(demo.username, demo.password, superuser=demo.superuser, validate=False)
        elif not user.check_password(demo.password):
            user.set_password(demo.password)  # the demo promises the printed passwords
            user.save(update_fields=["password"])
        if demo.role:
            _ensure_grant(user, demo)


def _ensure_grant(user, demo) -> None:
    scope = {"mission": None, "region": None}
    if demo.scope == sc.REGION_NAME:
        scope["region"] = Region.objects.get(name=demo.scope)
    elif demo.scope not in ("system", "none"):
        scope["mission"] = Mission.objects.get(acronym=demo.scope)
    if not Grant.objects.filter(user=user, role=demo.role, clearance=demo.clearance, **scope).exists():
        grant_create(user, demo.role, clearance=demo.clearance,
                   mission=scope["mission"].acronym if scope["mission"] else None,
                   region=scope["region"].name if scope["region"] else None)


def _actors(orgs) -> dict[str, Actor]:
    """The demo's actors, created when missing. An actor of that name that already exists (from an
    import, say) is used as it is: the demo does not rewrite other datasets' actors."""
    actors = {}
    for a in si.ACTORS:
        label = f"ACTORS {a.name!r}"
        actor = Actor.objects.filter(name=a.name).first()
        if actor is None:
            organisation = _lookup(orgs, a.organisation, label) if a.organisation else None
            actor = _save(Actor(name=a.name, kind=a.kind, organisation=organisation, aliases=list(a.aliases)), label)
        actors[a.name] = actor
    return actors


def _incident_values(item, place, missions, countries, label) -> dict:
    deaths = item.deaths_best
    return {
        "start_date": item.start, "end_date": item.end, "date_precision": item.date_precision,
        "reported_on": None if not item.fictional else item.start,
        "latitude": place.latitude, "longitude": place.longitude, "geo_precision": item.geo_precision,
        "location": item.location, "country": _lookup(countries, place.country, label), "admin1": place.admin1,
        "category": item.category, "source_category": item.source_category, "description": item.description,
        "deaths_a": item.deaths_a, "deaths_b": item.deaths_b, "deaths_civilians": item.deaths_civilians,
        "deaths_unknown": 0, "deaths_best": deaths, "deaths_low": deaths, "deaths_high": deaths,
        "injured": item.injured, "abducted": item.abducted,
        "status": Incident.Status.PUBLISHED, "classification": item.classification,
        "owning_mission": _lookup(missions, item.owning_mission, label),
        "follow_up": item.follow_up, "follow_up_closed": item.follow_up_closed,
    }


def _incident_source(item) -> dict:
    if item.fictional:
        return {"name": item.source, "reference": item.reference,
                "reliability": si.FICTIONAL_RELIABILITY, "credibility": si.FICTIONAL_CREDIBILITY}
    return {"name": item.source, "reference": item.reference,
            "reliability": si.SEED_RELIABILITY, "credibility": si.SEED_CREDIBILITY}


def _set_actor_links(incident, wanted: set[tuple[int, str]]) -> None:
    if set(incident.actor_links.values_list("actor_id", "side")) == wanted:
        return
    incident.actor_links.all().delete()
    IncidentActor.objects.bulk_create(IncidentActor(incident=incident, actor_id=a, side=s) for a, s in wanted)


def _set_source(incident, wanted: dict, label: str) -> None:
    fields = tuple(wanted)
    if list(incident.sources.values_list(*fields)) == [tuple(wanted.values())]:
        return
    incident.sources.all().delete()
    _save(IncidentSource(incident=incident, **wanted), label)


def _incidents(missions, orgs, countries) -> None:
    """The demo incident log (peaceops/demo/scenario_incidents.py), keyed by (dataset "demo", key)."""
    actors = _actors(orgs)
    # Area missions by the rule every entry path uses (peaceops/incidents/areas.py).
    mission_areas = membership.mission_areas_index()
    for item in si.INCIDENTS:
        label = f"INCIDENTS {item.key!r}"
        place = _lookup(si.PLACES, item.place, label)
        values = _incident_values(item, place, missions, countries, label)
        incident = _upsert(Incident, {"dataset": si.DATASET, "external_id": item.key}, values, label)
        _set_m2m(incident.missions, Mission.objects.filter(pk__in=membership.missions_for(mission_areas, incident)))
        _set_actor_links(incident, {(_lookup(actors, name, label).pk, side) for name, side in item.actors})
        _set_source(incident, _incident_source(item), label)


def _area_pcodes(item: sa.DemoArea, label: str) -> list[str]:
    pcodes = []
    for iso3, names in item.places:
        level1 = AdminArea.objects.filter(country__iso3=iso3, level=1)
        if names == ("*",):
            pcodes += sorted(level1.values_list("pcode", flat=True))
            continue
        found = dict(level1.filter(name__in=names).values_list("name", "pcode"))
        missing = [name for name in names if name not in found]
        if missing:
            raise DemoError(f"peaceops/demo/scenario_areas.py {label}: no admin-1 area {missing} in {iso3}")
        pcodes += [found[name] for name in names]
    return pcodes


def _mission_areas(missions) -> None:
    """Areas of responsibility and sectors (peaceops/demo/scenario_areas.py), keyed by (mission, name)."""
    for item in sa.AREAS:
        label = f"AREAS {item.mission} {item.name!r}"
        mission = missions[item.mission]
        pcodes = _area_pcodes(item, label)
        parent = MissionArea.objects.get(mission=mission, name=item.parent) if item.parent else None
        stored = MissionArea.objects.filter(mission=mission, name=item.name).first()
        with _named(label):
            if stored is None:
                mission_area_create(SYSTEM, mission, name=item.name, kind=item.kind, parent=parent, pcodes=pcodes,
                                    valid_from=item.valid_from, valid_to=item.valid_to, source=item.source,
                                    reassign=False)
            elif (sorted(stored.admin_areas.values_list("pcode", flat=True)) != sorted(pcodes)
                  or (stored.valid_from, stored.valid_to, stored.source)
                  != (item.valid_from, item.valid_to, item.source)):
                mission_area_update(SYSTEM, stored, pcodes=pcodes, valid_from=item.valid_from,
                                    valid_to=item.valid_to, source=item.source, reassign=False)


def _coordination(missions, orgs, countries) -> None:
    """Coordination content (peaceops/demo/scenario_coordination.py): 3W activities keyed by
    (dataset "demo", key), the Vakaga DDR programme, its components and funding, integration by sector."""
    sectors_ensure()
    sectors = {s.code: s for s in co.Sector.objects.all()}
    orgs = dict(orgs)
    for org in scoord.ORGANISATIONS:
        label = f"scenario_coordination ORGANISATIONS {org.acronym!r}"
        values = {"acronym": org.acronym, "kind": org.kind, "description": org.description, "source": org.source,
                  "country": _lookup(countries, org.country, label) if org.country else None}
        orgs[org.acronym] = _upsert(Organisation, {"name": org.name}, values, label)
    for a in scoord.ACTIVITIES:
        label = f"scenario_coordination ACTIVITIES {a.key!r}"
        values = {
            "organisation": _lookup(orgs, a.organisation, label), "organisation_type": a.organisation_type,
            "sector": _lookup(sectors, a.sector, label), "title": a.title,
            "country": _lookup(countries, a.place.country, label),
            "admin1_name": a.place.admin1, "admin1_pcode": a.place.admin1_pcode,
            "admin2_name": a.place.admin2, "admin2_pcode": a.place.admin2_pcode, "location": a.place.location,
            "start_date": a.start, "end_date": a.end, "status": a.status,
            "beneficiaries_targeted": a.targeted, "beneficiaries_reached": a.reached,
            "details": {"source": a.source}, "classification": sc.UNCLASSIFIED,
            "owning_mission": _lookup(missions, a.mission, label) if a.mission else None,
        }
        _upsert(co.Activity, {"dataset": scoord.DATASET, "external_id": a.key}, values, label)
    _ddr_programme(missions, orgs, countries, sectors)
    for item in scoord.ASSESSMENTS:
        label = f"scenario_coordination ASSESSMENTS {item.mission!r} {item.sector!r}"
        lookup = {"mission": _lookup(missions, item.mission, label), "sector": _lookup(sectors, item.sector, label)}
        values = {"model": item.model, "reason": item.reason, "source": item.source,
                  "assessed_on": item.assessed_on, "classification": item.classification}
        _upsert(co.IntegrationAssessment, lookup, values, label)
    _needs_and_tasks(missions, countries, sectors)
    _humanitarian_space(missions, orgs, countries)


def _place_values(place, countries, label) -> dict:
    return {"country": _lookup(countries, place.country, label), "admin1_name": place.admin1,
            "admin1_pcode": place.admin1_pcode, "admin2_name": place.admin2, "admin2_pcode": place.admin2_pcode}


def _needs_and_tasks(missions, countries, sectors) -> None:
    """Needs and mandated tasks in Vakaga: the gaps of coordination rule 3 (scenario_coordination.NEEDS)."""
    for n in scoord.NEEDS:
        label = f"scenario_coordination NEEDS {n.key!r}"
        values = {**_place_values(n.place, countries, label), "sector": _lookup(sectors, n.sector, label),
                  "people_in_need": n.people_in_need, "severity": n.severity, "start_date": n.start,
                  "end_date": n.end, "source": n.source, "humanitarian": True, "classification": sc.UNCLASSIFIED}
        _upsert(co.Need, {"dataset": scoord.DATASET, "external_id": n.key}, values, label)
    for t in scoord.AREA_TASKS:
        label = f"scenario_coordination AREA_TASKS {t.task!r}"
        values = {**_place_values(t.place, countries, label), "sector": _lookup(sectors, t.sector, label),
                  "mandate_reference": t.mandate_reference, "start_date": t.start, "end_date": t.end,
                  "source": t.source, "classification": sc.UNCLASSIFIED}
        _upsert(co.MandatedTaskArea, {"owning_mission": _lookup(missions, t.mission, label), "task": t.task},
                values, label)


def _humanitarian_space(missions, orgs, countries) -> None:
    """QIP and hearts-and-minds proposals and a military asset use (scenario_coordination.PROPOSALS, ASSET_USES)."""
    for p in scoord.PROPOSALS:
        label = f"scenario_coordination PROPOSALS {p.title!r}"
        mission = _lookup(missions, p.mission, label)
        component = Component.objects.filter(mission=mission, name=p.component).first()
        values = {"kind": p.kind, "description": p.description, "component": component, "budget": p.budget,
                  "currency": scoord.CURRENCY, "principles_note": p.principles_note, "status": p.status,
                  "decision_reason": p.decision_reason, "source": p.source, "classification": sc.UNCLASSIFIED,
                  "country": _lookup(countries, "CAF", label)}
        _upsert(co.HumanitarianProposal, {"owning_mission": mission, "title": p.title}, values, label)
    for u in scoord.ASSET_USES:
        label = f"scenario_coordination ASSET_USES {u.task!r}"
        values = {"asset_kind": u.asset_kind, "requested_by": _lookup(orgs, u.requested_by, label),
                  "country": _lookup(countries, u.place.country, label), "admin1_pcode": u.place.admin1_pcode,
                  "admin2_pcode": u.place.admin2_pcode, "start_date": u.start, "end_date": u.end,
                  "justification": u.justification, "no_civilian_capacity": u.no_civilian_capacity,
                  "status": u.status, "decision_reason": u.decision_reason, "source": u.source,
                  "classification": sc.UNCLASSIFIED}
        _upsert(co.MilitaryAssetUse, {"owning_mission": _lookup(missions, u.mission, label), "task": u.task},
                values, label)


def _ddr_programme(missions, orgs, countries, sectors) -> None:
    p, label = scoord.PROGRAMME, "scenario_coordination PROGRAMME"
    mission = _lookup(missions, p["mission"], label)
    values = {"sector": _lookup(sectors, p["sector"], label), "country": _lookup(countries, p["country"], label),
              "lead_organisation": _lookup(orgs, p["lead"], label), "start_date": p["start"], "end_date": p["end"],
              "description": p["description"], "source": p["source"], "classification": sc.UNCLASSIFIED}
    programme = _upsert(co.Programme, {"name": p["name"], "owning_mission": mission}, values, label)
    components = {}
    for c in scoord.COMPONENTS:
        clabel = f"scenario_coordination COMPONENTS {c.name!r}"
        values = {"sequence": c.sequence, "status": c.status, "start_date": c.start, "end_date": c.end,
                  "description": c.description, "classification": programme.classification}
        components[c.name] = _upsert(co.ProgrammeComponent, {"programme": programme, "name": c.name}, values, clabel)
    for f in scoord.FUNDING:
        flabel = f"scenario_coordination FUNDING {f.component!r} {f.kind!r}"
        lookup = {"programme": programme, "component": _lookup(components, f.component, flabel), "kind": f.kind,
                  "source": _lookup(orgs, f.source, flabel)}
        values = {"channel": _lookup(orgs, f.channel, flabel), "country": programme.country, "amount": f.amount,
                  "currency": scoord.CURRENCY, "start_date": f.start, "end_date": f.end, "note": scoord.FUNDING_NOTE,
                  "owning_mission": mission, "classification": sc.UNCLASSIFIED}
        _upsert(co.FundingStream, lookup, values, flabel)


COUNTED = (Organisation, Resolution, Mission, MissionResolution, Region, Component, Post, Hat,
           Person, Assignment, ReportingLine, Meeting, Grant, Actor, Incident,
           co.Activity, co.Programme, co.ProgrammeComponent, co.FundingStream, co.IntegrationAssessment,
           co.Need, co.MandatedTaskArea, co.HumanitarianProposal, co.MilitaryAssetUse)


@dataclass(frozen=True)
class DemoContext:
    """What the scenario has loaded so far, for the parts that build on it (keys as in scenario.py)."""

    countries: dict  # ISO3 -> registry.Country
    orgs: dict  # acronym -> registry.Organisation
    region: Region
    missions: dict  # acronym -> registry.Mission


def _parts():
    """The demo content of the apps, each a module with ``load(context: DemoContext) -> None`` (idempotent, using
    _upsert) and ``COUNTED`` (its models), as the installed apps declare them in their ``plugin.py``
    (``demo_parts``), loaded by their ``order`` after the scenario and the demo users."""
    return plugins.provider_modules("demo_parts")


def counts() -> dict[str, int]:
    """How many records of each scenario model exist (the demo's own and any others)."""
    models = COUNTED + tuple(model for part in _parts() for model in part.COUNTED)
    result = {model._meta.verbose_name_plural.title(): model.objects.count() for model in models}
    result["Users"] = get_user_model().objects.count()
    return result


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Load the whole scenario and the demo users; returns the record counts afterwards."""
    countries = _countries()
    # Country shapes for the maps and the border rules of early warning, shipped with the package (no download).
    import_places(SHIPPED_COUNTRY_SHAPES, "natural-earth-geojson", actor=SYSTEM)
    import_places(SHIPPED_ADMIN1_SHAPES, "natural-earth-geojson", actor=SYSTEM)
    orgs = _organisations(countries)
    region = _upsert(Region, {"name": sc.REGION_NAME}, {"description": sc.REGION_DESCRIPTION}, "REGION")
    resolutions = _resolutions()
    missions = _missions(orgs, countries, region, resolutions)
    posts = _structure(missions, orgs)
    _people(missions, orgs, countries, posts)
    _meetings(missions)
    _mission_areas(missions)
    _incidents(missions, orgs, countries)
    _coordination(missions, orgs, countries)
    _users()  # before the parts: some act as a demo user (the reports are drafted by one)
    context = DemoContext(countries=countries, orgs=orgs, region=region, missions=missions)
    for part in _parts():
        part.load(context)
    return counts()
