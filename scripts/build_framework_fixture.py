"""Build the framework library fixture the app loads, from seed 004 chapters 3-6.

    .venv/bin/python scripts/build_framework_fixture.py [--seed PATH] [--check]

Reads seed 004 (default: ``004_*.txt`` in ../shared/seeds beside the project), parses it with
``scripts/framework004/parser.py`` and writes ``peaceops/mandates/fixtures/framework_library.json``
(``--out`` for another file). ``--check`` writes nothing and exits 1 when the committed fixture differs
from what the seed gives now. A build step, not runtime code: the app only reads the fixture
(``peaceops.mandates.framework_library.load_library``); ``peaceops import-framework`` stores it.
"""

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]  # framework004 beside this script; peaceops from the checkout

from framework004.parser import FrameworkParseError, find_seed, parse_framework  # noqa: E402

from peaceops.mandates.framework_library import FIXTURE, counts, dump_library  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, help=f"the seed 004 text (default: 004_*.txt in {SEEDS})")
    parser.add_argument("--out", type=Path, default=FIXTURE, help=f"the fixture to write (default {FIXTURE})")
    parser.add_argument("--check", action="store_true", help="compare with --out, write nothing; exit 1 if it differs")
    args = parser.parse_args(argv)
    seed = args.seed or find_seed(SEEDS)
    if seed is None or not Path(seed).is_file():
        print(f"no seed 004: {seed or f'no 004_*.txt in {SEEDS}'} (pass --seed PATH)", file=sys.stderr)
        return 2
    try:
        library = parse_framework(seed)
    except FrameworkParseError as error:
        print(error, file=sys.stderr)
        return 2
    text = dump_library(library)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
        if current != text:
            print(f"{args.out} differs from what {seed} gives: rebuild it with {Path(__file__).name}", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date with {seed}")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    benchmarks = sum(row["benchmarks"] for row in counts(library))
    print(f"wrote {args.out}: {len(library.outputs())} outputs, {benchmarks} benchmarks, {len(library.items())} items "
          f"from {seed.name} (sha256 {library.sha256[:12]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
