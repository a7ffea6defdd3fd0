"""``peaceops areas``: define, list and end areas from the console; bad files refused naming the fault."""

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command

from peaceops.registry.models import MissionArea

pytestmark = pytest.mark.django_db


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


RING = [[20, 10], [22, 10], [22, 12], [20, 12], [20, 10]]


def test_import_a_polygon_list_it_and_end_it(world, tmp_path, capsys):
    path = write(tmp_path, "east.geojson", {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [RING]}}]})
    call_command("areas", "import", str(path), "--mission", "MINURCAT", "--name", "East", "--from", "2008-01-01",
                 "--source", "S/RES/1778")
    call_command("areas", "end", "--mission", "minurcat", "--name", "East", "--on", "2010-12-31")
    call_command("areas", "list", "--json")
    (row,) = json.loads(capsys.readouterr().out.split("\n", 2)[-1])
    assert (row["mission"], row["name"], row["valid_to"], row["source"]) == ("MINURCAT", "East", "2010-12-31",
                                                                             "S/RES/1778")
    assert MissionArea.objects.get().valid_from == dt.date(2008, 1, 1)


def test_an_open_ring_in_a_file_is_refused_and_nothing_stored(world, tmp_path):
    path = write(tmp_path, "open.geojson", {"type": "Polygon", "coordinates": [RING[:-1]]})
    with pytest.raises(CommandError, match="geometry: Ring 1 of polygon 1 does not close"):
        call_command("areas", "import", str(path), "--mission", "MINURCAT", "--name", "East", "--from", "2008-01-01")
    assert not MissionArea.objects.exists()


def test_a_file_that_is_not_geojson_names_the_file(world, tmp_path):
    path = tmp_path / "bad.geojson"
    path.write_text("{not json")
    with pytest.raises(CommandError, match="bad.geojson: not GeoJSON"):
        call_command("areas", "import", str(path), "--mission", "MINURCAT", "--name", "East", "--from", "2008-01-01")
