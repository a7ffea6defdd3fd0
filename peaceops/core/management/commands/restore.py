"""``peaceops restore FILE``: replace the database's contents with a backup, all or nothing."""

import sys

from django.core.management.base import BaseCommand, CommandError

from peaceops.core.backup import BackupError, read_header, restore_backup


class Command(BaseCommand):
    help = ("Replace every record, history entry, user, grant and token in the database with those in FILE "
            "(written by 'peaceops backup'). One transaction: on any error the database is left unchanged. "
            "Run 'peaceops migrate' first on a new database.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="a file written by 'peaceops backup'")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
        parser.add_argument("--database", default="default", help="database alias (default: default)")

    def handle(self, *args, file, yes, database, **options):
        try:
            header = read_header(file)
            if not yes:
                self._confirm(file, header)
            restore_backup(file, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from None
        total = sum(header["counts"].values())
        self.stdout.write(f"restored {file}: {total} records of {len(header['counts'])} models "
                          f"(backup of {header['created']}, from {header['database']})")

    def _confirm(self, file, header):
        if not sys.stdin.isatty():
            raise CommandError("restore replaces the whole database: add --yes to run it without a terminal")
        answer = input(f"Replace everything in the database with {file} (backup of {header['created']})? "
                       "Type 'yes' to continue: ")
        if answer.strip().lower() != "yes":
            raise CommandError("restore cancelled")
