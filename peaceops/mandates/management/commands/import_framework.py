"""``peaceops import-framework``: seed 004 as the framework library: chapters 3-6 (objectives, outputs, items) and
chapters 1-2 (leadership, cross-cutting issues, mission management: sections, considerations, guidance).

The library comes from the fixture shipped with the app (peaceops/mandates/fixtures/framework_library.json,
built from the seed by scripts/build_framework_fixture.py: a running installation never parses the seed);
storing is the mandates service ``framework_import``, which creates or updates by ``ref`` so a second run
changes nothing.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from peaceops.accounts.access import SYSTEM
from peaceops.core.import_command import readable_file
from peaceops.mandates.framework_library import FIXTURE, FrameworkFixtureError, counts, library_json, load_library
from peaceops.mandates.services import framework_import


class Command(BaseCommand):
    help = ("Store seed 004 chapters 3-6 (4 objectives, 20 outputs, their activities, benchmarks by horizon, "
            "responsibilities, resources, risks and considerations) and chapters 1-2 (24 sections on leadership, "
            "cross-cutting issues and mission management, with their considerations and guidance) as the framework "
            "library, from the fixture "
            "shipped with peaceops (rebuilt from the seed by scripts/build_framework_fixture.py); --json writes "
            "the library instead, --dry-run only prints the counts.")

    def add_arguments(self, parser):
        parser.add_argument("--fixture", type=Path, default=FIXTURE,
                            help=f"the library file to store (default: the one shipped, {FIXTURE.name})")
        parser.add_argument("--json", dest="json_out", metavar="OUT",
                            help="write the library as JSON to OUT ('-' for standard output); nothing stored")
        parser.add_argument("--dry-run", action="store_true", help="print the counts; nothing stored")
        parser.add_argument("--irregularities", action="store_true",
                            help="also list the irregularities of the text and how each was handled")

    def handle(self, *args, fixture, json_out, dry_run, irregularities, **options):
        library = self._load(fixture)
        if json_out:
            self._write_json(library, json_out)
            return
        self._print_counts(library, irregularities)
        if dry_run:
            self.stdout.write("dry run: nothing stored")
            return
        stored = framework_import(library, actor=SYSTEM)
        self.stdout.write("stored: " + ", ".join(f"{count} {name}" for name, count in stored.items()))

    def _load(self, fixture: Path):
        readable_file(fixture)
        try:
            return load_library(fixture)
        except FrameworkFixtureError as error:
            raise CommandError(str(error)) from None

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
        guidance = library.guidance_items()
        self.stdout.write(f"chapters 1-2: {len(library.sections())} sections, "
                          + ", ".join(f"{sum(1 for item in guidance if item.kind == kind)} {kind.replace('_', ' ')}"
                                      for kind in ("leadership_consideration", "point", "guidance")))
        if irregularities:
            for found in library.irregularities:
                self.stdout.write(f"  line {found.line}: {found.kind}: {found.detail}")
