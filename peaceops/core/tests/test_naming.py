"""One naming scheme across the package, checked on the source.

Services are named ``entity_action`` (``benchmark_add``, ``user_create``) so that a module's writes sort by
what they change; a name that starts with the verb hides the entity. Modules and names are imported under
their own names: a one-letter alias (``models as m``) makes every use site a riddle.
"""

import ast
from pathlib import Path

import peaceops

PACKAGE = Path(peaceops.__file__).parent

# Verbs a service's name must not start with (the entity comes first). ``may_`` predicates are no writes.
VERBS = frozenset("""
    acknowledge add adopt answer apply approve archive assign cancel change check cite close collect compute
    create decide decline delete draft edit ensure evaluate fetch fill find get guess import link load
    lock make mark notify publish record redraft refresh reject release remove require revoke review
    run save search send set sign start store submit update withdraw write
""".split())


def _sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" not in path.relative_to(PACKAGE).parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"


def one_letter_aliases(path: Path, tree: ast.AST) -> list[str]:
    """``import x as m`` and ``from x import y as m``; ``gettext as _`` is Django's convention, not a letter."""
    return [f"{_where(path, node)}: {alias.name} as {alias.asname}"
            for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
            for alias in node.names if alias.asname and len(alias.asname) == 1 and alias.asname.isalpha()]


def verb_first_services(path: Path, tree: ast.Module) -> list[str]:
    if not path.name.startswith("services"):
        return []
    return [f"{_where(path, node)}: {node.name}"
            for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and not node.name.startswith("_") and node.name.split("_")[0] in VERBS]


def test_no_one_letter_import_alias():
    found = [line for path, tree in _sources() for line in one_letter_aliases(path, tree)]
    assert not found, "import under its own name:\n" + "\n".join(found)


def test_services_are_named_entity_action():
    found = [line for path, tree in _sources() for line in verb_first_services(path, tree)]
    assert not found, "name services entity_action (benchmark_add, not add_benchmark):\n" + "\n".join(found)


def test_the_checks_catch_what_they_name():
    """The two rules on a sample source: the walk above finds nothing only because there is nothing."""
    sample = ast.parse(
        "from django.utils.translation import gettext as _\n"
        "from peaceops.mandates import models as m\n"
        "import peaceops.registry.models as registry_models\n"
        "def add_benchmark(user): ...\n"
        "def benchmark_add(user): ...\n"
        "def may_decide(user): ...\n"
        "def _set_targets(user): ...\n"
        "def decide(user): ...\n")
    services = PACKAGE / "mandates" / "services.py"
    assert one_letter_aliases(services, sample) == ["peaceops/mandates/services.py:2: models as m"]
    assert verb_first_services(services, sample) == ["peaceops/mandates/services.py:4: add_benchmark",
                                                     "peaceops/mandates/services.py:8: decide"]
    assert verb_first_services(PACKAGE / "mandates" / "selectors.py", sample) == []
