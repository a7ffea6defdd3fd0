"""Grants: which role a user holds over which missions, up to which classification."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from peaceops.accounts.roles import Role
from peaceops.core.classification import Classification


class Grant(models.Model):
    """A role over a mission, a region (all its missions) or, with neither, the whole system."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grants")
    role = models.CharField(_("role"), max_length=16, choices=[(r.value, r.value.title()) for r in Role])
    mission = models.ForeignKey("registry.Mission", on_delete=models.CASCADE, null=True, blank=True, related_name="grants")
    region = models.ForeignKey("registry.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="grants")
    clearance = models.PositiveSmallIntegerField(
        _("cleared up to"), choices=Classification.choices, default=Classification.UNCLASSIFIED
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["user", "role"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(mission__isnull=False, region__isnull=False), name="grant_one_scope"
            )
        ]

    def __str__(self):
        return f"{self.user} {self.role} @ {self.scope_label}"

    @property
    def scope_label(self) -> str:
        if self.mission_id:
            return self.mission.acronym
        if self.region_id:
            return self.region.name
        return str(_("system-wide"))

    def clean(self):
        if self.mission_id and self.region_id:
            raise ValidationError({"region": _("A grant covers a mission or a region, not both.")})


def _keep_user_history():
    """Users' changes (activation, superuser flag) are audited like any record; password hashes are not kept."""
    from django.contrib.auth import get_user_model
    from simple_history import register

    user_model = get_user_model()
    if not hasattr(user_model, "history"):
        register(user_model, app=__package__, excluded_fields=["last_login", "password"])


_keep_user_history()


class ApiToken(models.Model):
    """A REST API token. Only its SHA-256 digest is stored: a stolen database or backup opens no API session.

    The token itself is shown once, when created; ``prefix`` (its first characters) names it in lists
    and revocations without revealing it. A token stops working when it expires or is revoked.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=64, blank=True)
    prefix = models.CharField(_("prefix"), max_length=8, db_index=True)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(_("created"))
    expires = models.DateTimeField(_("expires"))
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        ordering = ["user", "-created"]

    def __str__(self):
        return f"{self.prefix}… ({self.user})"

    def is_usable(self, now) -> bool:
        return self.revoked is None and now < self.expires and self.user.is_active
