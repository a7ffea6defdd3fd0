"""``peaceops checklist MISSION``: a mission's integration checklist (docs/checklists.md) on the console.

Read-only. Run by an operator, it reads as ``--as USER`` would (default: the system, which reads everything);
each item shows whether the registry shows it, leadership answered it with evidence, or it is a gap, and why.
"""

from django.core.management.base import BaseCommand, CommandError

from peaceops.accounts.commands import acting_user
from peaceops.mandates import checklist, selectors
from peaceops.registry.models import Mission

MARKS = {checklist.REGISTRY: "registry", checklist.ANSWERED: "answered", checklist.GAP: "GAP"}


class Command(BaseCommand):
    help = ("Print a mission's integration checklist (seed 004 ch. 1-2; seed 003 §2.5, rec. 3.4.4, 3.5.4-3.5.6): "
            "each item shown by the registry, answered by leadership with evidence, or a gap, with its source.")

    def add_arguments(self, parser):
        parser.add_argument("mission", help="the mission's acronym, e.g. MINURCAT")
        parser.add_argument("--as", dest="username", help="read as this user (what they may see); default: system")
        parser.add_argument("--gaps", action="store_true", help="print only the gaps")

    def handle(self, *args, mission, username, gaps, **options):
        found_mission = Mission.objects.filter(acronym__iexact=mission).first()
        if found_mission is None:
            raise CommandError(f"mission: no mission {mission!r}")
        reader = acting_user(username, option="--as")
        found = selectors.mission_checklist(reader, found_mission)
        if found is None:
            raise CommandError(f"--as: {username} holds no grant for {found_mission.acronym}")
        counts = found.counts
        self.stdout.write(f"{found_mission.acronym}: {counts[checklist.REGISTRY]} shown by the registry, "
                          f"{counts[checklist.ANSWERED]} answered with evidence, {counts[checklist.GAP]} gaps")
        for _key, title, results in found.groups:
            rows = [result for result in results if not gaps or result.state == checklist.GAP]
            if not rows:
                continue
            self.stdout.write(f"\n{title}")
            for result in rows:
                why = result.finding.detail if result.state == checklist.REGISTRY and result.finding else ""
                if result.answer:
                    why = f"{result.answer.status}: {result.answer.evidence or result.answer.note}"
                why = "; ".join(filter(None, [why, *result.reasons]))
                self.stdout.write(f"  [{MARKS[result.state]:>8}] {result.item.code}: {result.item.text}")
                self.stdout.write(f"             {why} ({result.item.source})")
