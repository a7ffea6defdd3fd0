"""``peaceops import-framework``: seed 004 chapters 3-6 as the framework library (objectives, outputs, items).

Parsing is pure (peaceops.mandates.framework_text); storing is the mandates service ``import_framework``,
which creates or updates by ``ref`` so a second run changes nothing.
"""

import dataclasses
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

import peaceops
from peaceops.accounts.access import SYSTEM
from peaceops.core.import_command import readable_file
from peaceops.mandates.framework_text import FrameworkParseError, counts, find_seed, parse_framework

# The seeds sit next to the project: ../shared/seeds from the repository root.
DEFAULT_SEEDS = Path(peaceops.__file__).resolve().parent.parent.parent / "shared" / "seeds"


def library_json(library) -> dict:
    """The whole library as plain JSON (every item with its ref and source lines), plus counts per output."""
    return {**dataclasses.asdict(library), "counts": counts(library)}


class Command(BaseCommand):
    help = ("Read seed 004 chapters 3-6 (4 objectives, 20 outputs, their activities, benchmarks by horizon, "
            "responsibilities, resources, risks and considerations) and store them as the framework library; "
            "--json writes the parsed library instead, --dry-run only prints the counts.")

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=Path, help=f"the seed 004 text (default: 004_*.txt in {DEFAULT_SEEDS})")
        parser.add_argument("--json", dest="json_out", metavar="OUT",
                            help="write the parsed library as JSON to OUT ('-' for standard output); nothing stored")
        parser.add_argument("--dry-run", action="store_true", help="parse and print the counts; nothing stored")
        parser.add_argument("--irregularities", action="store_true",
                            help="also list the irregularities of the text and how each was handled")

    def handle(self, *args, seed, json_out, dry_run, irregularities, **options):
        library = self._parse(seed)
        if json_out:
            self._write_json(library, json_out)
            return
        self._print_counts(library, irregularities)
        if dry_run:
            self.stdout.write("dry run: nothing stored")
            return
        try:
            from peaceops.mandates.services import import_framework
        except ImportError:
            raise CommandError("the mandates service import_framework is not available: nothing stored "
                               "(use --json or --dry-run)") from None
        stored = import_framework(library, actor=SYSTEM)
        self.stdout.write("stored: " + ", ".join(f"{count} {name}" for name, count in stored.items()))

    def _parse(self, seed: Path | None):
        path = seed or find_seed(DEFAULT_SEEDS)
        if path is None:
            raise CommandError(f"no seed 004 (004_*.txt) in {DEFAULT_SEEDS}: pass --seed PATH")
        readable_file(path)
        try:
            return parse_framework(path)
        except FrameworkParseError as error:
            raise CommandError(str(error)) from None
        except UnicodeDecodeError as error:
            raise CommandError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None

    def _write_json(self, library, out: str) -> None:
        text = json.dumps(library_json(library), ensure_ascii=False, indent=1)
        if out == "-":
            sys.stdout.write(text + "\n")
            return
        try:
            Path(out).write_text(text + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{out}: {error.strerror or error}") from None
        self.stdout.write(f"wrote {out}: {len(library.outputs())} outputs, {len(library.items())} items")

    def _print_counts(self, library, irregularities: bool) -> None:
        self.stdout.write(f"{library.source} (sha256 {library.sha256[:12]})")
        for objective in library.objectives:
            self.stdout.write(f"{objective.number} {objective.title}: {len(objective.preconditions)} preconditions, "
                              f"{len(objective.end_state_benchmarks)} end-state benchmarks, "
                              f"{len(objective.outputs)} outputs")
        columns = ("activities", "benchmarks_short", "benchmarks_medium", "benchmarks_long", "benchmarks",
                   "responsibilities", "resources", "risks", "considerations")
        self.stdout.write("output  " + " ".join(f"{name[:5] if '_' not in name else name[11:]:>6}" for name in columns)
                          + "  title")
        for row in counts(library):
            self.stdout.write(f"{row['output']:<6}  " + " ".join(f"{row[name]:>6}" for name in columns)
                              + f"  {row['title']}")
        total = sum(len(output.benchmarks) for output in library.outputs())
        self.stdout.write(f"total: {len(library.outputs())} outputs, {total} benchmarks, {len(library.items())} items, "
                          f"{len(library.irregularities)} irregularities handled")
        if irregularities:
            for found in library.irregularities:
                self.stdout.write(f"  line {found.line}: {found.kind}: {found.detail}")
