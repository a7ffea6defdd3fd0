"""``peaceops assets report --region NAME --year YYYY`` and ``peaceops assets suggest``.

report: the cost-sharing report (what each mission pays for the loans starting in the year, by
the rule in docs/assets.md); suggest: idle assets that fit each open request (seed 000 §IV.B.3).
Both read as a system-wide reader unless ``--as USER`` names someone whose grants then apply.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from peaceops.accounts.commands import acting_user
from peaceops.assets import selectors
from peaceops.registry.models import Mission, Region


class Command(BaseCommand):
    help = "shared asset pool: cost-sharing report (report) and idle assets for open requests (suggest)"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        report = sub.add_parser("report", help="cost-sharing report of a region or mission for a year")
        target = report.add_mutually_exclusive_group(required=True)
        target.add_argument("--region", help="region name, e.g. 'Central Africa and Sudan'")
        target.add_argument("--mission", help="mission acronym, e.g. MINURCAT")
        report.add_argument("--year", type=int, required=True)
        report.add_argument("--json", action="store_true", help="print JSON instead of a table")
        suggest = sub.add_parser("suggest", help="idle assets that fit the open requests")
        suggest.add_argument("--limit", type=int, default=3, help="assets per request (default 3)")
        for parser_ in (report, suggest):
            parser_.add_argument("--as", dest="as_user", metavar="USER",
                                 help="read as this user (their grants apply); default: a system-wide reader")

    def handle(self, *args, action, as_user=None, **options):
        reader = self._reader(as_user)
        if action == "report":
            self._report(reader, options["region"], options["mission"], options["year"], options["json"])
        else:
            self._suggest(reader, options["limit"])

    @staticmethod
    def _reader(username):
        return acting_user(username, option="--as")

    def _report(self, reader, region_name, acronym, year, as_json):
        if region_name:
            region = Region.objects.filter(name=region_name).first()
            if region is None:
                raise CommandError(f"--region: no region named {region_name!r}")
            ids, label = list(region.missions.values_list("id", flat=True)), region.name
        else:
            mission = Mission.objects.filter(acronym=acronym).first()
            if mission is None:
                raise CommandError(f"--mission: no mission {acronym!r}")
            ids, label = [mission.id], mission.acronym
        report = selectors.cost_report(reader, ids, year)
        if as_json:
            self.stdout.write(json.dumps({"scope": label, "year": year, "currency": "USD",
                                          "paid": {k: str(v) for k, v in report["paid"].items()},
                                          "lent": {k: str(v) for k, v in report["lent"].items()},
                                          "total": str(report["total"]), "loans": len(report["rows"])}, indent=2))
            return
        self.stdout.write(f"Cost sharing {label} {year} (USD; a loan counts in the year it starts)")
        self.stdout.write(f"{'loan':>6}  {'asset':30}  {'lender':10}  {'borrower':10}  {'from':10}  "
                          f"{'cost':>12}  shares")
        for row in report["rows"]:
            shares = "; ".join(f"{s['mission']} {s['percent']}% = {s['amount']}" for s in row["shares"])
            self.stdout.write(f"{row['id']:>6}  {row['asset'][:30]:30}  {row['lender']:10}  {row['borrower']:10}  "
                              f"{row['start']:%Y-%m-%d}  {row['total_cost']:>12}  {shares}")
        self.stdout.write("")
        self.stdout.write(f"{'mission':10}  {'pays':>14}  {'lent (value)':>14}")
        for mission in sorted(set(report["paid"]) | set(report["lent"])):
            paid, lent = report["paid"].get(mission, 0), report["lent"].get(mission, 0)
            self.stdout.write(f"{mission:10}  {paid:>14}  {lent:>14}")
        self.stdout.write(f"{'total':10}  {report['total']:>14}")

    def _suggest(self, reader, limit):
        found = selectors.suggestions(reader, limit_per_request=limit)
        if not found:
            self.stdout.write("No open request.")
        for item in found:
            request = item["request"]
            self.stdout.write(f"request {request.id} {request.owning_mission.acronym}: {request.purpose} "
                              f"({request.get_kind_display()}, {request.start_date} – {request.end_date})")
            for asset in item["assets"]:
                self.stdout.write(f"  {asset.owning_mission.acronym}: {asset.name} (asset {asset.id}, "
                                  f"{asset.location or '—'}, {asset.rate} USD {asset.get_cost_basis_display()})")
            if not item["assets"]:
                self.stdout.write("  no idle asset fits")
