"""Writes of inter-mission cooperation (HackSoft services): each checks the writer's rights, validates,
and stores all or nothing."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peaceops.accounts.access import access_for, history_user, permits, require
from peaceops.accounts.records import check_version
from peaceops.accounts.roles import Action
from peaceops.cooperation.models import ActionItem, ContractEvaluation, ContractorWarning, SharingAgreement
from peaceops.core.classification import Classification


def agreement_check(user, agreement: SharingAgreement) -> None:
    """Only the sharing mission's leadership signs, and never above their own clearance there.

    An agreement that shares above the sharer's own clearance is refused: nobody may give away what
    they cannot read. The clearance is the signing user's for the sharing mission (what they could see,
    they may share).
    """
    require(user, Action.APPROVE, agreement, what=_("sign or change the sharing mission's agreements"))
    own = access_for(user).level_for(agreement.sharer_id)
    if own is None or agreement.up_to > own:
        raise ValidationError({"up_to": _(
            "You may share up to %(own)s for this mission, not %(asked)s.") % {
            "own": Classification(own or 0).label, "asked": Classification(agreement.up_to).label}})


@transaction.atomic
def agreement_sign(user, **fields) -> SharingAgreement:
    """Record an agreement; it opens the data from its first day (peaceops.accounts.access.visible)."""
    agreement = SharingAgreement(**fields)
    agreement_check(user, agreement)
    agreement.signed_by = history_user(user)
    agreement._history_user = history_user(user)
    agreement.full_clean()
    agreement.save()
    return agreement


@transaction.atomic
def agreement_update(user, agreement: SharingAgreement, changes: dict,
                     expected_etag: str | None = None) -> SharingAgreement:
    """Change an agreement's terms: checked as a signature, on the agreement as it is and as it will be."""
    stored = SharingAgreement.objects.select_for_update().get(pk=agreement.pk)
    agreement_check(user, stored)
    check_version(stored, expected_etag)
    for name, value in changes.items():
        setattr(stored, name, value)
    agreement_check(user, stored)
    stored.full_clean()
    stored._history_user = history_user(user)
    stored.save(update_fields=[stored._meta.get_field(name).attname for name in changes] or None)
    return stored


@transaction.atomic
def agreement_withdraw(user, agreement: SharingAgreement, reason: str = "") -> SharingAgreement:
    """Withdraw an agreement: the receiving mission loses access at its next request; history keeps who and when."""
    require(user, Action.APPROVE, agreement, what=_("withdraw the sharing mission's agreements"))
    if agreement.withdrawn_at is not None:
        raise ValidationError({"withdrawn_at": _("The agreement was already withdrawn.")})
    agreement.withdrawn_at = timezone.now()
    agreement.withdrawn_reason = reason[:300]
    agreement._history_user = history_user(user)
    agreement.save(update_fields=["withdrawn_at", "withdrawn_reason"])
    return agreement


@transaction.atomic
def action_close(user, action: ActionItem, closed_on: dt.date, outcome: str = "") -> ActionItem:
    """Close an action; the organising mission's or the owning mission's coordinators may."""
    organiser = action.meeting.organiser_id
    if not permits(user, Action.EDIT_COORDINATION, action.owner_mission_id):
        require(user, Action.EDIT_COORDINATION, mission_id=organiser, what=_("close actions of this meeting"))
    action.closed_on, action.outcome = closed_on, outcome or action.outcome
    action._history_user = history_user(user)
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def contract_evaluate(user, contract, **fields) -> ContractEvaluation:
    """Record an evaluation; a failing score also issues a warning the neighbouring missions read."""
    require(user, Action.EDIT_COORDINATION, contract, what=_("evaluate this mission's contracts"))
    evaluation = ContractEvaluation(contract=contract, classification=contract.classification, **fields)
    evaluation.full_clean()
    evaluation.save()
    if evaluation.score < ContractEvaluation.WARNING_BELOW:
        warning = ContractorWarning(
            contractor=contract.contractor, issued_by=contract.mission, contract=contract,
            issued_on=evaluation.evaluated_on, classification=evaluation.classification,
            text=_("Scored %(score)s/5 for %(service)s: %(notes)s") % {
                "score": evaluation.score, "service": contract.service, "notes": evaluation.notes or "—"},
            source=contract.source)
        warning.full_clean()
        warning.save()
    return evaluation
