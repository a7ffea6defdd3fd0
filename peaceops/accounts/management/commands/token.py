"""``peaceops token create|list|revoke``: API tokens from the console (the operator acts as SYSTEM)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from peaceops.accounts import services
from peaceops.accounts.access import SYSTEM
from peaceops.accounts.models import ApiToken


class Command(BaseCommand):
    help = ("API tokens: 'create USER' prints a new token (shown once: only its digest is stored), "
            "'list [USER]' shows prefixes, expiry and state, 'revoke PREFIX' stops a token at once.")

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="create a token for USER and print it")
        create.add_argument("username")
        create.add_argument("--days", type=int, help="lifetime in days (default: the PEACEOPS_TOKEN_DAYS setting)")
        create.add_argument("--name", default="cli", help="what the token is for, shown in lists")
        listing = actions.add_parser("list", help="list tokens (of USER, or everyone's)")
        listing.add_argument("username", nargs="?")
        revoke = actions.add_parser("revoke", help="revoke the token(s) with this prefix")
        revoke.add_argument("prefix")
        revoke.add_argument("--user", dest="username", help="only USER's token with this prefix")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _user(self, username):
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"user: no user '{username}'") from None

    def _create(self, *, username, days, name, **options):
        try:
            token, key = services.token_create(self._user(username), actor=SYSTEM, name=name, days=days)
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stderr.write(f"token {token.prefix} for {username}, expires {token.expires:%Y-%m-%d %H:%M} UTC; "
                          "it is shown only now:")
        self.stdout.write(key)  # alone on standard output, so scripts can take it: token=$(peaceops token create u)

    def _list(self, *, username=None, **options):
        tokens = ApiToken.objects.select_related("user").order_by("user__username", "-created")
        if username:
            tokens = tokens.filter(user=self._user(username))
        now = timezone.now()
        for token in tokens:
            state = ("revoked" if token.revoked else "expired" if token.expires <= now else "active")
            used = f"{token.last_used:%Y-%m-%d %H:%M}" if token.last_used else "never"
            self.stdout.write(f"{token.prefix}  {token.user.get_username():<20} {state:<8} "
                              f"expires {token.expires:%Y-%m-%d}  last used {used}  {token.name}")

    def _revoke(self, *, prefix, username=None, **options):
        user = self._user(username) if username else None
        revoked = services.tokens_revoke_by_prefix(prefix, actor=SYSTEM, user=user)
        if not revoked:
            raise CommandError(f"prefix: no token '{prefix}'" + (f" of {username}" if username else ""))
        for token in revoked:
            self.stdout.write(f"revoked {token.prefix} of {token.user.get_username()}")
