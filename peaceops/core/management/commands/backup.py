"""``peaceops backup FILE``: every record, its history, users, grants and tokens in one portable file."""

from django.core.management.base import BaseCommand, CommandError

from peaceops.core.backup import BackupError, write_backup


class Command(BaseCommand):
    help = ("Write every record, its history, users, grants and API tokens to FILE (gzip'd JSON Lines), "
            "readable by 'peaceops restore' on SQLite or PostgreSQL.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write, e.g. peaceops-2025-01-31.backup.gz")
        parser.add_argument("--database", default="default", help="database alias (default: default)")

    def handle(self, *args, file, database, **options):
        try:
            header = write_backup(file, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror or error}") from None
        total = sum(header["counts"].values())
        self.stdout.write(f"wrote {file}: {total} records of {len(header['counts'])} models "
                          f"from {header['database']} at {header['created']}")
