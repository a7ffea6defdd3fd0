"""``peaceops alerts`` and the incident-frame read against the database (permissions, scope, errors)."""

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from shapely.geometry import box, mapping

from peaceops.accounts.access import SYSTEM
from peaceops.analysis import early_warning as ew
from peaceops.analysis.incident_frame import FrameScope, alert_frame, border_context, load_incident_frame
from peaceops.core.classification import Classification
from peaceops.incidents.models import Actor, Incident, IncidentActor

AS_OF = dt.date(2009, 6, 30)


def add(mission, country, admin1, offset, *, lat=None, lon=None, classification=Classification.UNCLASSIFIED, actor=None,
        report_offset=None):
    """An incident ``offset`` days before AS_OF, in ``mission``'s area and owned by it."""
    start = AS_OF - dt.timedelta(days=offset)
    reported = None if report_offset is None else AS_OF - dt.timedelta(days=report_offset)
    incident = Incident.objects.create(start_date=start, end_date=start, reported_on=reported, country=country,
                                       admin1=admin1, category="armed_clash", latitude=lat, longitude=lon,
                                       owning_mission=mission, classification=classification, deaths_best=1,
                                       deaths_high=1)
    incident.missions.add(mission)
    if actor:
        IncidentActor.objects.create(incident=incident, actor=actor, side="a")
    return incident


@pytest.fixture
def incidents(world):
    """A year of steady violence then a surge, on each side of the Chad-Sudan border (seed 000
    §III.C.2): Chad's owned by MINURCAT (confidential), Sudan's by UNAMID (strictly
    confidential, hidden from the MINURCAT analyst). The Chad violence moves east, toward
    UNAMID's area; its last incident is reported after AS_OF."""
    world.chad.geometry = mapping(box(16, 8, 20, 12))
    world.sudan.geometry = mapping(box(20, 8, 24, 12))
    world.chad.save()
    world.sudan.save()
    janjaweed = Actor.objects.create(name="Janjaweed", kind="militia")
    made = {"chad": [], "sudan": [], "chad_late": []}
    for offset in range(45, 400, 20):
        made["chad"].append(add(world.minurcat, world.chad, "Ouaddai", offset, lat=10, lon=17.2,
                                classification=Classification.CONFIDENTIAL))
        made["sudan"].append(add(world.unamid, world.sudan, "West Darfur", offset,
                                 classification=Classification.STRICTLY_CONFIDENTIAL))
    for n in range(10):
        made["chad"].append(add(world.minurcat, world.chad, "Ouaddai", n * 2, lat=10, lon=19.8,
                                classification=Classification.CONFIDENTIAL, actor=janjaweed if n < 2 else None))
        made["sudan"].append(add(world.unamid, world.sudan, "West Darfur", n * 2,
                                 classification=Classification.STRICTLY_CONFIDENTIAL))
    made["chad_late"].append(add(world.minurcat, world.chad, "Ouaddai", 1, report_offset=-3, lat=10, lon=19.9,
                                 classification=Classification.CONFIDENTIAL))
    return made


def run(*args):
    out = io.StringIO()
    call_command("alerts", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_the_operator_sees_every_alert_ordered_by_score(incidents):
    alerts = run("--as-of", AS_OF.isoformat(), "--json")
    kinds = {(a["kind"], a["country"], a["admin1"]) for a in alerts}
    assert {("surge", "TCD", "Ouaddai"), ("surge", "SDN", "West Darfur"), ("new_actor", "TCD", "Ouaddai"),
            ("toward_border", "TCD", "Ouaddai")} <= kinds
    assert [a["score"] for a in alerts] == sorted((a["score"] for a in alerts), reverse=True)
    assert {"kind", "admin1", "admin2", "country", "score", "since", "evidence_ids"} <= set(alerts[0])
    late = {i.id for i in incidents["chad_late"]}
    assert not late & {e for a in alerts for e in a["evidence_ids"]}  # reported after the as-of date


@pytest.mark.django_db
def test_the_neighbouring_mission_is_notified(world, incidents):
    [toward] = [a for a in run("--as-of", AS_OF.isoformat()) if a["kind"] == "toward_border"]
    assert toward["mission_ids"] == [world.minurcat.id]
    assert toward["notified_mission_ids"] == [world.unamid.id]


@pytest.mark.django_db
def test_a_user_sees_only_alerts_built_from_incidents_they_may_read(world, incidents):
    alerts = run("--as-of", AS_OF.isoformat(), "--user", "minurcat", "--json")
    assert alerts and {a["country"] for a in alerts} == {"TCD"}
    hidden = {i.id for i in incidents["sudan"]}
    assert not hidden & {e for a in alerts for e in a["evidence_ids"]}
    with pytest.raises(CommandError, match="no incidents") as denied:
        run("--as-of", AS_OF.isoformat(), "--user", "nobody")
    assert denied.value.returncode == 2


@pytest.mark.django_db
def test_country_and_mission_filters(world, incidents):
    assert {a["country"] for a in run("--as-of", AS_OF.isoformat(), "--country", "sdn")} == {"SDN"}
    assert {a["country"] for a in run("--as-of", AS_OF.isoformat(), "--mission", "MINURCAT")} == {"TCD"}
    with pytest.raises(CommandError, match="unknown mission 'UNAMID'") as denied:
        run("--as-of", AS_OF.isoformat(), "--mission", "UNAMID", "--user", "minurcat")
    assert denied.value.returncode == 2


@pytest.mark.django_db
@pytest.mark.parametrize("args, message", [
    (["--as-of", "2001-01-01"], "before any data: the first incident was reported on 2008-"),
    (["--as-of", "30/06/2009"], "not a date as YYYY-MM-DD"),
    (["--as-of", "2009-06-30", "--country", "XYZ"], "unknown country 'XYZ'"),
    (["--as-of", "2009-06-30", "--mission", "NOPE"], "unknown mission 'NOPE'"),
    (["--as-of", "2009-06-30", "--user", "ghost"], "no active user 'ghost'"),
])
def test_bad_input_is_a_clear_message_and_exit_status_2(incidents, args, message):
    with pytest.raises(CommandError, match=message) as error:
        run(*args)
    assert error.value.returncode == 2


@pytest.mark.django_db
def test_the_console_script_exits_2_on_bad_input(incidents, capsys):
    from peaceops.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["alerts", "--as-of", "1990-01-01"])
    assert stopped.value.code == 2
    assert "before any data" in capsys.readouterr().err


@pytest.mark.django_db
def test_the_frame_cut_at_the_horizon_gives_the_alerts_of_the_whole_history(world, incidents):
    reader = SYSTEM
    whole = load_incident_frame(reader, FrameScope(as_of=AS_OF))
    windowed = alert_frame(reader, FrameScope(as_of=AS_OF - dt.timedelta(days=200)))
    assert len(windowed) < len(whole)
    borders = border_context(AS_OF)
    assert ew.compute_alerts(whole, AS_OF, borders=borders) == ew.compute_alerts(
        alert_frame(reader, FrameScope(as_of=AS_OF)), AS_OF, borders=borders)
    assert borders.missions_by_country["TCD"] == frozenset({world.minurcat.id})
    late = incidents["chad_late"][0].id
    assert late not in whole.id.tolist()
    assert late in load_incident_frame(reader, FrameScope(as_of=AS_OF + dt.timedelta(days=3))).id.tolist()


@pytest.mark.django_db
def test_duplicates_count_once_and_links_are_loaded(world, incidents):
    kept = incidents["chad"][-1]
    copy = add(world.minurcat, world.chad, "Ouaddai", 0, classification=Classification.CONFIDENTIAL)
    copy.duplicate_of = kept
    copy.save()
    frame = load_incident_frame(world.users["minurcat"], FrameScope(as_of=AS_OF, countries=("TCD",)))
    assert copy.id not in frame.id.tolist() and kept.id in frame.id.tolist()
    assert set(frame.mission_id.tolist()) == {world.minurcat.id}
    assert frame.actor_name.tolist() == ["Janjaweed", "Janjaweed"]
    assert set(frame.id[frame.actor_row].tolist()) == {i.id for i in incidents["chad"][-10:-8]}
