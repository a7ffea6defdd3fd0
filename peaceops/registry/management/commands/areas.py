"""``peaceops areas``: missions' areas of responsibility and sectors (see docs/registry.md)."""

import datetime as dt
import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from peaceops.accounts.access import SYSTEM
from peaceops.core.errors import DomainError
from peaceops.registry.importers import read_area_shape
from peaceops.registry.models import Mission, MissionArea
from peaceops.registry.services_areas import (
    mission_area_create,
    mission_area_end,
    mission_area_update,
    mission_areas_reassign,
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"not a date (YYYY-MM-DD): {text!r}") from None


class Command(BaseCommand):
    help = ("Missions' areas of responsibility and sectors over time. An incident belongs to the missions whose "
            "area covers its place on its date; a mission with no area falls back to its host countries. Every "
            "change re-assigns the incidents it covers and records what moved.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="areas and sectors, with their periods and P-codes")
        listing.add_argument("--mission", metavar="ACRONYM")
        listing.add_argument("--json", action="store_true", help="as JSON, shapes included")
        for name, text in (("build", "define an area from admin areas' P-codes"),
                           ("import", "define an area from a polygon file (GeoJSON or GeoParquet)")):
            p = sub.add_parser(name, help=text)
            if name == "import":
                p.add_argument("file", help="GeoJSON (Polygon, Feature or FeatureCollection) or GeoParquet")
            p.add_argument("--mission", metavar="ACRONYM", required=True)
            p.add_argument("--name", required=True)
            if name == "build":
                p.add_argument("--pcodes", required=True, help="comma-separated P-codes of imported admin areas")
            p.add_argument("--from", dest="valid_from", required=True, metavar="YYYY-MM-DD")
            p.add_argument("--to", dest="valid_to", metavar="YYYY-MM-DD", help="default: open-ended")
            p.add_argument("--sector-of", metavar="AREA", help="a sector inside this area of the same mission")
            p.add_argument("--source", default="", help="where the area comes from (resolution, map, seed passage)")
            p.add_argument("--replace", action="store_true", help="change the shape of the area of that name")
        end = sub.add_parser("end", help="end an area on a date (then define the next one)")
        end.add_argument("--mission", metavar="ACRONYM", required=True)
        end.add_argument("--name", required=True)
        end.add_argument("--on", required=True, metavar="YYYY-MM-DD")
        sub.add_parser("reassign", help="re-assign every incident by the current areas (after importing places)")

    def handle(self, *args, **options):
        action = options["action"]
        try:
            if action == "list":
                return self.list(options)
            if action == "reassign":
                mission_areas_reassign(SYSTEM, "re-assignment from the console")
                self.stdout.write("incidents re-assigned to mission areas")
                return None
            mission = self.mission(options["mission"])
            if action == "end":
                area = self.area(mission, options["name"])
                mission_area_end(SYSTEM, area, _date(options["on"]))
                self.stdout.write(f"{mission.acronym}: {area.name} ends on {options['on']}")
                return None
            return self.define(action, mission, options)
        except ValidationError as error:
            problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
            raise CommandError(f"{problems} (nothing was stored)") from None
        except (DomainError, ValueError, OSError) as error:
            raise CommandError(f"{error} (nothing was stored)") from None

    def define(self, action, mission, options):
        shape = {"geometry": read_area_shape(options["file"])} if action == "import" else {
            "pcodes": [code.strip() for code in options["pcodes"].split(",") if code.strip()]}
        valid_to = _date(options["valid_to"]) if options["valid_to"] else None
        if options["replace"]:
            area = self.area(mission, options["name"])
            area = mission_area_update(SYSTEM, area, valid_from=_date(options["valid_from"]), valid_to=valid_to,
                                       source=options["source"] or area.source, **shape)
            verb = "changed"
        else:
            parent = self.area(mission, options["sector_of"]) if options["sector_of"] else None
            area = mission_area_create(SYSTEM, mission, name=options["name"], valid_from=_date(options["valid_from"]),
                                       valid_to=valid_to, source=options["source"], parent=parent,
                                       kind=MissionArea.Kind.SECTOR if parent else MissionArea.Kind.AREA, **shape)
            verb = "defined"
        self.stdout.write(f"{mission.acronym}: {area.get_kind_display().lower()} {area.name!r} {verb}, "
                          f"from {area.valid_from} to {area.valid_to or 'open-ended'}")

    def list(self, options):
        areas = MissionArea.objects.select_related("mission", "parent").prefetch_related("admin_areas")
        if options["mission"]:
            areas = areas.filter(mission=self.mission(options["mission"]))
        rows = [{"mission": a.mission.acronym, "name": a.name, "kind": a.kind,
                 "sector_of": a.parent.name if a.parent else None, "valid_from": a.valid_from.isoformat(),
                 "valid_to": a.valid_to.isoformat() if a.valid_to else None, "source": a.source,
                 "pcodes": sorted(x.pcode for x in a.admin_areas.all()),
                 **({"geometry": a.geometry} if options["json"] else {})} for a in areas]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1))
            return
        for row in rows:
            inside = f" (sector of {row['sector_of']})" if row["sector_of"] else ""
            self.stdout.write(f"{row['mission']:<9} {row['name']}{inside}  {row['valid_from']} .. "
                              f"{row['valid_to'] or 'open'}  {len(row['pcodes'])} admin areas  {row['source']}")

    @staticmethod
    def mission(acronym: str) -> Mission:
        mission = Mission.objects.filter(acronym__iexact=(acronym or "").strip()).first()
        if mission is None:
            raise CommandError(f"unknown mission {acronym!r}")
        return mission

    @staticmethod
    def area(mission: Mission, name: str) -> MissionArea:
        area = MissionArea.objects.filter(mission=mission, name=name).order_by("-valid_from").first()
        if area is None:
            raise CommandError(f"{mission.acronym} has no area named {name!r}")
        return area
