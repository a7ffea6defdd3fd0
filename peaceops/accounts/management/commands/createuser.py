import getpass

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from peaceops.accounts import services
from peaceops.accounts.roles import Role
from peaceops.core.classification import Classification

CLEARANCES = {c.name.lower(): c.value for c in Classification}


class Command(BaseCommand):
    help = "Create a user and grant a role over a mission, a region or (with neither) the whole system."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--password", help="read from the terminal when not given")
        parser.add_argument("--role", choices=[r.value for r in Role])
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--mission", help="mission acronym, e.g. MINURCAT")
        scope.add_argument("--region", help="region name")
        parser.add_argument("--clearance", choices=list(CLEARANCES), default="unclassified")
        parser.add_argument("--superuser", action="store_true")

    def handle(self, *args, username, password, role, mission, region, clearance, superuser, **options):
        password = password or getpass.getpass("Password: ")
        try:
            services.user_create(username, password, role=role, mission=mission, region=region,
                                 clearance=CLEARANCES[clearance], superuser=superuser)
        except ValidationError as error:
            raise CommandError("password: " + " ".join(error.messages)) from None
        except ValueError as error:
            raise CommandError(str(error)) from None
        scope = mission or region or "system-wide"
        self.stdout.write(f"created {username}" + (f": {role} @ {scope}, cleared to {clearance}" if role else ""))
