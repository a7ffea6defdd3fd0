"""The ``peaceops`` console script.

Each product command is a Django management command (so ``peaceops CMD --help`` shows its
options); ``peaceops manage ...`` reaches every other Django command (migrate, shell...).
"""

import os
import sys

from peaceops import __version__
from peaceops.core import plugins
from peaceops.core.private_files import restrict_umask

# The commands every app declares in its ``plugin.py`` (peaceops.core.plugins), then these two of Django's.
OWN_COMMANDS = (
    ("migrate", "create or update the database tables"),
    ("manage", "any other Django management command, e.g. 'peaceops manage check --deploy'"),
)


def commands() -> list[tuple[str, str]]:
    """``(name, one-line help)`` of every command this installation has, in the order ``peaceops help`` shows."""
    from django.apps import apps

    if not apps.ready:
        try:
            import django

            django.setup()  # the installed apps, so an app added to INSTALLED_APPS lists its commands too
        except Exception:  # noqa: BLE001 - a broken environment still gets its help (the project's own apps)
            pass
    return [(command.name, command.help) for command in plugins.commands()] + list(OWN_COMMANDS)


def _usage() -> str:
    listed = commands()
    width = max(len(name) for name, _text in listed)
    lines = ["usage: peaceops COMMAND [options]   (peaceops COMMAND --help for its options)", "", "commands:"]
    lines += [f"  {name.ljust(width)}  {text}" for name, text in listed]
    lines += ["", "environment: PEACEOPS_HOME (data folder, default ./var), DATABASE_URL (postgres://...),",
              "             PEACEOPS_TODAY (YYYY-MM-DD: run as of a scenario date; empty: the real date)"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peaceops.settings")

    restrict_umask()  # the database, its WAL, backups and keys this process writes are its account's alone
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(_usage())
        return
    if argv[0] in ("--version", "version"):
        print(__version__)
        return
    from django.core.management import execute_from_command_line

    if argv[0] == "manage":
        argv = argv[1:]
    elif not argv[0].startswith("-"):
        argv[0] = argv[0].replace("-", "_")  # 'import-places' is the Django command 'import_places'
    execute_from_command_line(["peaceops", *argv])


if __name__ == "__main__":
    main()
