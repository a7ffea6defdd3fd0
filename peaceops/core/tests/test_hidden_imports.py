"""Imports of peaceops modules sit at the module's top, where a reader sees what a module depends on.

An import inside a function hides a dependency (and once hid import cycles between apps). One stays inside
a function only for a reason written next to it, on its line or in the comment right above it, after the
marker ``# import here:`` (models not loaded yet when ``apps.py`` is read, a module read before Django is set
up, a heavy library only some commands need, a cycle inside one app that moving code cannot break). A reason
covers the imports that follow it without another statement between them.
"""

import ast
from pathlib import Path

import peaceops

PACKAGE = Path(peaceops.__file__).parent
MARKER = "# import here:"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_modules(node: ast.Import | ast.ImportFrom, package: str) -> list[str]:
    """The absolute names an import statement reads, relative imports resolved against ``package``."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level == 0:
        return [node.module or ""]
    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
    return [".".join(base + ([node.module] if node.module else []))]


def _is_peaceops(name: str) -> bool:
    return name == "peaceops" or name.startswith("peaceops.")


def _has_reason(lines: list[str], lineno: int) -> bool:
    """The marker with a reason after it, on the import's line or in the comment right above it."""
    def reasoned(line: str) -> bool:
        at = line.find(MARKER)
        return at >= 0 and bool(line[at + len(MARKER):].strip())

    if reasoned(lines[lineno - 1]):
        return True
    above = lineno - 2
    while above >= 0 and lines[above].lstrip().startswith("#"):
        if reasoned(lines[above]):
            return True
        above -= 1
    return False


def _statement_lists(function: ast.AST):
    for node in ast.walk(function):
        for name in ("body", "orelse", "finalbody", "handlers"):
            statements = getattr(node, name, None)
            if isinstance(statements, list):
                yield statements


def hidden_imports(source: str, module: str, is_package: bool = False) -> list[int]:
    """Line numbers of imports of peaceops modules inside a function that carry no ``# import here:`` reason.

    A reason covers its import and the imports that follow it without another statement between them."""
    package = module if is_package else module.rpartition(".")[0]
    lines = source.splitlines()
    found = set()
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        for statements in _statement_lists(function):
            covered = False
            for node in statements:
                if not isinstance(node, (ast.Import, ast.ImportFrom)):
                    covered = False
                    continue
                covered = covered or _has_reason(lines, node.lineno)
                if not covered and any(_is_peaceops(name) for name in _imported_modules(node, package)):
                    found.add(node.lineno)
    return sorted(found)


def _sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if "migrations" not in parts and "tests" not in parts:
            yield path


def test_no_import_of_peaceops_hides_inside_a_function():
    offenders = [f"{path.relative_to(PACKAGE.parent)}:{lineno}"
                 for path in _sources()
                 for lineno in hidden_imports(path.read_text(encoding="utf-8"), _module_name(path),
                                              path.name == "__init__.py")]
    assert not offenders, (
        f"move these imports to the module's top, or say why they stay inside (`{MARKER} <reason>`):\n"
        + "\n".join(offenders))


SAMPLE = '''\
import json

from peaceops.core import clock


def plain():
    from peaceops.registry import models
    return models


def reasoned():
    # import here: the apps are not loaded when this module is read
    from peaceops.registry import models
    from peaceops.registry import selectors
    value = models
    from peaceops.accounts import access  # import here: a cycle inside one app
    from peaceops.registry import services
    return value, access, selectors, services


def marker_without_reason():
    # import here:
    from peaceops.registry import models
    return models


class Config:
    def ready(self):
        from . import signals
        import pandas
        return signals, pandas


def not_ours():
    import json
    from django.db import models
    return json, models
'''


def test_the_check_finds_what_it_names():
    """The walk finds an unreasoned import of ours in a function and a method (relative ones too), and
    leaves alone the reasoned ones (a reason covers the imports right below it), those at the top and other
    libraries' imports."""
    lines = hidden_imports(SAMPLE, "peaceops.sample.module")
    assert [SAMPLE.splitlines()[number - 1].strip() for number in lines] == [
        "from peaceops.registry import models", "from peaceops.registry import models", "from . import signals"]
    assert lines[0] == 7 and lines[1] == 23
