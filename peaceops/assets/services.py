"""Writes of the asset pool: assets, requests, consents, loans. Each one atomic, each checks rights first.

Errors are django ValidationErrors keyed by the input field at fault (the API and the pages show
them as is); rights are checked by accounts.access.require (Denied). Nothing is stored half-way:
every function runs in one transaction, and an error rolls all of it back.
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from peaceops.accounts.access import history_user, permits, require
from peaceops.accounts.records import record_update
from peaceops.accounts.roles import Action
from peaceops.assets import costs, scheduling, selectors
from peaceops.assets.models import Asset, AssetRequest, Consent, CostShare, Loan, Unavailability
from peaceops.core import clock
from peaceops.core.errors import Denied
from peaceops.notifications.services import mission_notify
from peaceops.registry.models import Country, Mission

# Who may do what (docs/assets.md, "Permissions"): offering assets and asking for them is
# coordination work; consenting on behalf of a mission or headquarters is a leadership decision.
MANAGE = Action.EDIT_COORDINATION
CONSENT = Action.APPROVE


def _refuse(field: str, message: str):
    raise ValidationError({field: [message]})


def _check(user, action: Action, mission_id: int | None, what: str) -> None:
    require(user, action, mission_id=mission_id, what=what)


# --- assets and their calendars ---------------------------------------------------------------

ASSET_FIELDS = {"name", "kind", "contributing_country", "seats", "tonnes", "persons", "cost_basis", "rate",
                "location", "location_country", "available_from", "available_until", "offered", "no_cross_border",
                "caveats", "classification", "source"}


@transaction.atomic
def asset_create(*, user, owning_mission: Mission, **fields) -> Asset:
    """Add an asset of ``owning_mission`` to its list (and to the pool when offered)."""
    _check(user, MANAGE, owning_mission.id, _("add assets"))
    unknown = set(fields) - ASSET_FIELDS
    if unknown:
        _refuse(sorted(unknown)[0], _("unknown field"))
    asset = Asset(owning_mission=owning_mission, **fields)
    require(user, MANAGE, asset, what=_("add assets"))
    asset.full_clean()
    asset._history_user = history_user(user)
    asset.save()
    return asset


def asset_update(*, user, asset: Asset, changes: dict, expected_etag: str | None = None) -> Asset:
    """Change an asset's fields (its owning mission only, within its clearance)."""
    unknown = set(changes) - ASSET_FIELDS
    if unknown:
        _refuse(sorted(unknown)[0], _("unknown field"))
    return record_update(user, MANAGE, asset, changes, expected_etag=expected_etag)


@transaction.atomic
def unavailability_add(*, user, asset: Asset, start_date: dt.date, end_date: dt.date,
                       reason: str = "") -> Unavailability:
    """Block the asset's calendar (maintenance, own use); refused over an approved loan."""
    _check(user, MANAGE, asset.owning_mission_id, _("change this asset's calendar"))
    dates = _interval(start_date, end_date)
    _lock(asset)
    clash = selectors.busy_intervals([asset.id], dates.start, dates.end).get(asset.id)
    if clash:
        _refuse("start_date", _("The asset is already booked or blocked from %(start)s to %(end)s.") % {
            "start": clash[0].start, "end": clash[0].end})
    block = Unavailability(asset=asset, start_date=dates.start, end_date=dates.end, reason=reason)
    block.full_clean()
    block.save()
    return block


def _interval(start_date, end_date) -> scheduling.Interval:
    if start_date is None:
        _refuse("start_date", _("This field is required."))
    if end_date is None:
        _refuse("end_date", _("This field is required."))
    try:
        return scheduling.Interval(start_date, end_date)
    except scheduling.SchedulingError:
        _refuse("end_date", _("The end (%(end)s) is before the start (%(start)s).") % {"end": end_date,
                                                                                      "start": start_date})


def _lock(asset: Asset) -> None:
    """Serialise bookings of one asset: two approvals can never both see the dates free.

    PostgreSQL: the asset's row is locked (SELECT ... FOR UPDATE) until the transaction ends, and
    the counter is bumped. SQLite: every transaction starts IMMEDIATE (settings.py), so writers
    already run one at a time; the UPDATE makes the intent explicit on both.
    """
    list(Asset.objects.select_for_update().filter(pk=asset.pk).order_by().values_list("pk", flat=True))
    Asset.objects.filter(pk=asset.pk).update(booking_serial=F("booking_serial") + 1)


# --- requests ---------------------------------------------------------------------------------

REQUEST_FIELDS = ("purpose", "destination_country", "seats", "tonnes", "persons", "flight_hours", "classification")


@transaction.atomic
def request_create(*, user, mission: Mission, kind: str | None = None, asset: Asset | None = None,
                   start_date: dt.date, end_date: dt.date, cost_shares: dict | None = None, **fields) -> AssetRequest:
    """``mission`` asks for ``asset`` (or any asset of ``kind``) for the dates.

    With an asset named, every check runs now (capacity, caveats, calendar) and the consents are
    asked; without, the request stays open and idle assets are suggested (selectors.suggestions).
    ``cost_shares``: {Mission: percent}, summing to 100; by default the requesting mission pays all.
    """
    _check(user, MANAGE, mission.id, _("request assets"))
    dates = _interval(start_date, end_date)
    if asset is not None:
        asset = _readable_asset(user, asset)
        kind = kind or asset.kind
    if not kind:
        _refuse("kind", _("Name an asset or the kind of asset needed."))
    request = AssetRequest(owning_mission=mission, asset=None, kind=kind, start_date=dates.start,
                           end_date=dates.end, created_by=user,
                           **{k: v for k, v in fields.items() if k in REQUEST_FIELDS})
    unknown = set(fields) - set(REQUEST_FIELDS)
    if unknown:
        _refuse(sorted(unknown)[0], _("unknown field"))
    request.full_clean(exclude=["asset"])
    request.save()
    _set_shares(request, cost_shares or {mission: Decimal(100)})
    if asset is not None:
        _attach(user, request, asset)
    return request


def _readable_asset(user, asset: Asset) -> Asset:
    found = selectors.assets_for(user).filter(pk=asset.pk).first()
    if found is None:
        _refuse("asset", _("No such asset in the pool you may see."))
    return found


def _set_shares(request: AssetRequest, shares: dict) -> None:
    try:
        parsed = costs.check_shares({_mission(m): p for m, p in shares.items()})
    except costs.CostError as error:
        _refuse(error.field, str(error))
    for mission, percent in parsed.items():
        CostShare.objects.create(request=request, mission=mission, percent=percent)
    # Every mission that pays consents to paying (and so reads the request, selectors.requests_for):
    # asked at once on an open request, before any asset is named.
    for mission_id in _payers(request):
        Consent.objects.create(request=request, party=Consent.Party.PAYING_MISSION, mission_id=mission_id)


def _payers(request: AssetRequest) -> list[int]:
    return [mission_id for mission_id in request.cost_shares.order_by("mission_id").values_list("mission_id", flat=True)
            if mission_id != request.owning_mission_id]


def _mission(value) -> Mission:
    if isinstance(value, Mission):
        return value
    found = Mission.objects.filter(acronym=value).first() if isinstance(value, str) else \
        Mission.objects.filter(pk=value).first()
    if found is None:
        _refuse("cost_shares", _("Unknown mission %(mission)s.") % {"mission": value})
    return found


@transaction.atomic
def asset_assign(*, user, request: AssetRequest, asset: Asset) -> AssetRequest:
    """Choose an asset for an open request (e.g. one the suggestions named) and ask the consents."""
    _check(user, MANAGE, request.owning_mission_id, _("request assets"))
    request = AssetRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != AssetRequest.Status.OPEN:
        _refuse("status", _("Only an open request can be given an asset (this one is %(status)s).") % {
            "status": request.get_status_display()})
    _attach(user, request, _readable_asset(user, asset))
    return request


def _attach(user, request: AssetRequest, asset: Asset) -> None:
    """Check the asset can serve the request, record the consents it needs and tell the lending mission."""
    if asset.owning_mission_id == request.owning_mission_id:
        _refuse("asset", _("The asset belongs to the requesting mission: no loan is needed."))
    _check_fit(request, asset)
    try:  # the cost rule must be computable before anyone consents (flight hours, persons)
        costs.loan_cost(asset.cost_basis, asset.rate, (request.end_date - request.start_date).days + 1,
                        request.flight_hours, request.persons)
    except costs.CostError as error:
        _refuse(error.field, str(error))
    request.asset, request.kind, request.status = asset, asset.kind, AssetRequest.Status.PENDING
    request.save()
    for consent in required_consents(request, asset):
        consent.save()
    mission_notify(user, recipient=asset.owning_mission, source_mission=request.owning_mission, because=MANAGE,
                   key=f"asset-request:{request.pk}:{asset.pk}", kind="asset_requested",
                   title=_("%(mission)s asks for %(asset)s, %(start)s to %(end)s: your consent is awaited") % {
                       "mission": request.owning_mission.acronym, "asset": asset.name,
                       "start": request.start_date, "end": request.end_date},
                   classification=request.classification, as_of=clock.today())


def _check_fit(request: AssetRequest, asset: Asset) -> None:
    busy = selectors.busy_intervals([asset.id], request.start_date, request.end_date,
                                    exclude_request=request.pk).get(asset.id, [])
    reason = scheduling.refusal(selectors.candidate_of(asset, busy), selectors.need_of(request))
    if reason:
        field, text = reason
        _refuse(field, _("%(asset)s: %(reason)s.") % {"asset": asset.name, "reason": text})


def required_consents(request: AssetRequest, asset: Asset) -> list[Consent]:
    """Every consent this loan needs (seed 000 §II.A, §II.B.5: host governments may refuse to share assets).

    The owning mission; the contributing country when there is one (its caveats are its own);
    the host government of the country where the asset is based and of the country where it is
    used (the borrower's host countries when no country of use is named); headquarters.
    """
    needed = [Consent(request=request, party=Consent.Party.OWNING_MISSION, mission_id=asset.owning_mission_id)]
    if asset.contributing_country_id:
        needed.append(Consent(request=request, party=Consent.Party.CONTRIBUTING_COUNTRY,
                              country_id=asset.contributing_country_id))
    hosts = []
    for country_id in [asset.location_country_id, request.destination_country_id]:
        if country_id and country_id not in hosts:
            hosts.append(country_id)
    if not request.destination_country_id:
        hosts += [c for c in Country.objects.filter(missions=request.owning_mission_id).order_by("name")
                  .values_list("id", flat=True) if c not in hosts]
    needed += [Consent(request=request, party=Consent.Party.HOST_GOVERNMENT, country_id=c) for c in hosts]
    needed.append(Consent(request=request, party=Consent.Party.HEADQUARTERS))
    return needed


@transaction.atomic
def request_withdraw(*, user, request: AssetRequest) -> AssetRequest:
    _check(user, MANAGE, request.owning_mission_id, _("withdraw requests"))
    request = AssetRequest.objects.select_for_update().get(pk=request.pk)
    if request.status not in (AssetRequest.Status.OPEN, AssetRequest.Status.PENDING):
        _refuse("status", _("Only an open or pending request can be withdrawn."))
    request.status = AssetRequest.Status.WITHDRAWN
    request.save()
    request.consents.filter(decision=Consent.Decision.PENDING).update(decision=Consent.Decision.MOOT)
    return request


# --- consents and loans -----------------------------------------------------------------------

def may_decide(user, consent: Consent) -> bool:
    """Whether ``user`` may give or refuse this consent (docs/assets.md, "Permissions")."""
    if consent.party in (Consent.Party.OWNING_MISSION, Consent.Party.PAYING_MISSION):
        return permits(user, CONSENT, consent.mission_id)
    if consent.party == Consent.Party.HEADQUARTERS:
        return permits(user, CONSENT, None)
    request = consent.request
    return permits(user, CONSENT, request.owning_mission_id) or permits(user, CONSENT, request.asset.owning_mission_id)


@transaction.atomic
def consent_decide(*, user, consent: Consent, given: bool, person: str = "", on: dt.date | None = None,
           note: str = "") -> Consent:
    """Give or refuse one consent. A refusal ends the request; the last consent given makes the loan.

    Government and contributing-country consents are recorded by an officer holding APPROVE for
    either mission, naming the person who decided and the date.
    """
    consent = Consent.objects.select_related("request", "request__asset").get(pk=consent.pk)
    if not may_decide(user, consent):
        raise Denied(_("You may not decide this consent (approve)."))
    asset = consent.request.asset
    _lock(asset)  # first write of the transaction: approvals of one asset run one at a time
    consent = Consent.objects.select_related("request", "request__asset").get(pk=consent.pk)
    request = consent.request
    if request.status != AssetRequest.Status.PENDING or consent.decision != Consent.Decision.PENDING:
        _refuse("decision", _("This consent is no longer awaited (request %(status)s, consent %(decision)s).") % {
            "status": request.get_status_display(), "decision": consent.get_decision_display()})
    government = consent.party in (Consent.Party.HOST_GOVERNMENT, Consent.Party.CONTRIBUTING_COUNTRY)
    if government and not person.strip():
        _refuse("given_by_person", _("Name the person who gave or refused the government's consent."))
    if government and on is None:
        _refuse("decided_on", _("Give the date of the government's decision."))
    consent.decision = Consent.Decision.GIVEN if given else Consent.Decision.REFUSED
    consent.given_by_person, consent.decided_on = person.strip(), on or clock.today()
    consent.recorded_by, consent.note = user, note
    consent.save()
    if not given:
        request.status = AssetRequest.Status.REFUSED
        request.save()
        request.consents.filter(decision=Consent.Decision.PENDING).update(decision=Consent.Decision.MOOT)
        _tell_requester(user, consent, _("Asset request refused: %(asset)s (%(party)s)"), "refused")
    elif not request.consents.exclude(decision=Consent.Decision.GIVEN).exists():
        _make_loan(request)
        _tell_requester(user, consent, _("Asset loan approved: %(asset)s (every consent given)"), "approved")
    return consent


def _tell_requester(user, consent: Consent, title: str, outcome: str) -> None:
    """The requesting mission learns the outcome in its inbox, sent by the mission whose consent decided it
    (the one over which the decider holds the right to consent)."""
    request, asset = consent.request, consent.request.asset
    candidates = [consent.mission_id, asset.owning_mission_id, request.owning_mission_id]
    sender_id = next((m for m in candidates if m and permits(user, CONSENT, m)), request.owning_mission_id)
    mission_notify(user, recipient=request.owning_mission, source_mission=Mission.objects.get(pk=sender_id),
                   because=CONSENT, key=f"asset-request:{request.pk}:{outcome}", kind=f"asset_{outcome}",
                   title=title % {"asset": asset.name, "party": consent.get_party_display()},
                   classification=request.classification, as_of=clock.today())


def _make_loan(request: AssetRequest) -> Loan:
    """All consents given: check the calendar once more (under the lock) and book the asset."""
    asset = Asset.objects.get(pk=request.asset_id)
    _check_fit(request, asset)
    days = (request.end_date - request.start_date).days + 1
    try:
        total = costs.loan_cost(asset.cost_basis, asset.rate, days, request.flight_hours, request.persons)
        shares = list(request.cost_shares.all())
        amounts = costs.split(total, {share.id: share.percent for share in shares})
    except costs.CostError as error:
        _refuse(error.field, str(error))
    for share in shares:
        share.amount = amounts[share.id]
        share.save(update_fields=["amount"])
    loan = Loan(request=request, asset=asset, owning_mission_id=asset.owning_mission_id,
                borrower_id=request.owning_mission_id, start_date=request.start_date, end_date=request.end_date,
                days=days, flight_hours=request.flight_hours, persons=request.persons, cost_basis=asset.cost_basis,
                total_cost=total, classification=max(asset.classification, request.classification))
    loan.full_clean()
    loan.save()
    request.status = AssetRequest.Status.APPROVED
    request.save()
    return loan
