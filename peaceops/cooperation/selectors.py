"""Reads of inter-mission cooperation, each narrowed by peaceops.accounts.access (HackSoft selectors)."""

from __future__ import annotations

import datetime as dt

from django.apps import apps as django_apps
from django.db.models import Count, Max, Prefetch, Q

from peaceops.accounts.access import NEIGHBOURS, access_for, visible
from peaceops.cooperation import cadence as cad
from peaceops.cooperation import indicators, models
from peaceops.core import clock
from peaceops.core.classification import HIGHEST
from peaceops.registry.models import Mission, Region

# --- the permission layer's source of sharing grants (registered in apps.py) --------------------------

def active_agreements(day: dt.date | None = None):
    """Agreements in force on ``day`` (today): signed, started, not ended, not withdrawn."""
    day = day or clock.today()
    return models.SharingAgreement.objects.filter(withdrawn_at__isnull=True, starts_on__lte=day).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=day))


def sharing_grants(mission_levels: dict[int, int]) -> list[tuple]:
    """What other missions share with these missions: agreements in force, and warnings of neighbours.

    Asked once per request by accounts.access.compute_access, so a withdrawal closes the data at the
    next request. Neighbours are missions sharing a region (seed 000 §III.C.4: contractors who failed
    in Darfur were hired in Chad).
    """
    receivers = list(mission_levels)
    rows = active_agreements().filter(receiver_id__in=receivers).values_list(
        "subject", "sharer_id", "receiver_id", "up_to", "categories", "include_drafts")
    grants = [(subject, sharer, receiver, up_to, tuple(categories or ()), drafts) for subject, sharer, receiver, up_to,
              categories, drafts in rows]
    links = Mission.regions.through.objects
    in_regions = list(links.filter(region_id__in=links.filter(mission_id__in=receivers).values("region_id"))
                      .values_list("mission_id", "region_id"))  # one query: the receivers' rows are among them
    own_regions = {(mission, region) for mission, region in in_regions if mission in mission_levels}
    for neighbour, region in in_regions:
        for receiver, receiver_region in own_regions:
            if region == receiver_region and neighbour != receiver:
                grants.append((NEIGHBOURS, neighbour, receiver, HIGHEST, ()))
    return grants


# --- meetings and actions -----------------------------------------------------------------------------

def meetings_for(user, *, mission_ids=None, start=None, end=None):
    meetings = visible(models.Meeting.objects.all(), user).select_related("organiser") \
        .prefetch_related("attending_missions")
    if mission_ids:
        meetings = meetings.filter(Q(organiser_id__in=mission_ids) | Q(attending_missions__id__in=mission_ids)) \
            .distinct()
    if start:
        meetings = meetings.filter(ends_on__gte=start)
    if end:
        meetings = meetings.filter(starts_on__lte=end)
    return meetings.order_by("-starts_on", "title")


def meeting_for(user, pk: int) -> models.Meeting | None:
    """One meeting with the parts the user may read, or None when it is not theirs to read."""
    children = {
        "attendance": visible(models.Attendance.objects.select_related("mission"), user),
        "decisions": visible(models.MeetingDecision.objects.all(), user),
        "actions": visible(models.ActionItem.objects.select_related("owner_mission"), user),
    }
    meetings = visible(models.Meeting.objects.filter(pk=pk), user).select_related("organiser").prefetch_related(
        "attending_missions", *(Prefetch(name, queryset=qs) for name, qs in children.items()))
    return meetings.first()


def actions_for(user, *, mission_ids=None):
    actions = visible(models.ActionItem.objects.select_related("meeting", "owner_mission"), user)
    if mission_ids:
        actions = actions.filter(owner_mission_id__in=mission_ids)
    return actions


def overdue_actions(user, today: dt.date, *, mission_ids=None) -> list[tuple[models.ActionItem, int]]:
    """Actions due before ``today`` and still open, most overdue first, with the days late."""
    open_actions = list(actions_for(user, mission_ids=mission_ids).filter(due_on__lt=today).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gt=today)))
    late = cad.overdue([cad.OpenAction(a, a.due_on, a.closed_on) for a in open_actions], today)
    return late


def _region_mission_ids(region) -> list[int]:
    return list(region.missions.values_list("id", flat=True))


def cadence_status(user, region, today: dt.date, *,
                   period_start=None) -> list[tuple[models.MeetingCadence, cad.CadenceStatus]]:
    """Each cadence of the region with the meetings held at its level (as the user may read them)."""
    ids = _region_mission_ids(region)
    meetings = list(meetings_for(user, mission_ids=ids).values_list("level", "series", "starts_on"))
    result = []
    for record in region.meeting_cadences.all():
        held = [day for level, series, day in meetings if level == record.level and series == record.series]
        result.append((record, cad.status(_cadence_of(record), held, today, period_start)))
    return result


def country_teams_apart(user, mission_ids=None) -> list[models.Meeting]:
    """Country-team meetings held apart from any strategic meeting (seed 000 §IV.C.4: at their margins)."""
    meetings = meetings_for(user, mission_ids=mission_ids).filter(level__in=("country_team", "strategic"),
                                                                   series="")
    strategic = [m.starts_on for m in meetings if m.level == "strategic"]
    teams = [m for m in meetings if m.level == "country_team"]
    apart = set(cad.apart_from_margins([m.starts_on for m in teams], strategic))
    return [m for m in teams if m.starts_on in apart]


def _cadence_of(record: models.MeetingCadence) -> cad.Cadence:
    return cad.Cadence(record.level, record.every_months, record.since, record.until)


def slips(user, today: dt.date, regions=None) -> list[tuple[models.MeetingCadence, cad.CadenceStatus]]:
    """Cadences whose next meeting is overdue (seed 000 §III.B: planned three a year, held twice in two years)."""
    regions = regions if regions is not None else Region.objects.filter(meeting_cadences__isnull=False).distinct()
    return [(c, s) for region in regions for c, s in cadence_status(user, region, today) if s.slipped]


# --- information sharing -----------------------------------------------------------------------------

def agreements_given(user):
    """Agreements the user may read as a reader of the sharing mission."""
    return visible(models.SharingAgreement.objects.select_related("sharer", "receiver"), user)


def agreements_received(user):
    """Agreements that share with the user's missions, readable up to their clearance there."""
    access = access_for(user)
    if access.system_level is not None:
        return models.SharingAgreement.objects.none()  # a system-wide reader sees them all among those given
    allowed = Q(pk__in=[])
    for mission_id, level in access.mission_levels.items():
        allowed |= Q(receiver_id=mission_id, classification__lte=level)
    return models.SharingAgreement.objects.filter(allowed).select_related("sharer", "receiver")


def focal_points_for(user):
    return visible(models.FocalPoint.objects.select_related("mission"), user)


# --- contractors --------------------------------------------------------------------------------------

def contracts_for(user):
    return visible(models.Contract.objects.select_related("contractor", "mission"), user).annotate(
        evaluation_count=Count("evaluations"))


def evaluations_for(user):
    return visible(models.ContractEvaluation.objects.select_related("contract__contractor", "contract__mission"), user)


def warnings_for(user):
    """Warnings of the user's missions and of every mission neighbouring them (visible() opens those)."""
    return visible(models.ContractorWarning.objects.select_related("contractor", "issued_by"), user)


# --- benchmarks ---------------------------------------------------------------------------------------

def _readable_loans(user, ids, start, end):
    """Loans between two of the given missions overlapping the period, as the user may read them (the asset
    pool's rule: through the lender or the borrower); None without the asset pool (peaceops.assets)."""
    if not django_apps.is_installed("peaceops.assets"):  # the asset pool is an app an installation may leave out
        return None
    # import here: only with the asset pool installed (its models cannot be imported without it)
    from peaceops.assets.selectors import loans_for

    return loans_for(user).filter(owning_mission_id__in=ids, borrower_id__in=ids, start_date__lte=end,
                                  end_date__gte=start)


def _assets_shared(user, region, start, end) -> int | None:
    """Counted from the loans the reader may see: a count of hidden loans would tell of them."""
    loans = _readable_loans(user, _region_mission_ids(region), start, end)
    return None if loans is None else loans.count()


def _readable_actions(user, ids, start, end):
    """Actions of the period's meetings, each readable only with its meeting."""
    return actions_for(user, mission_ids=ids).filter(
        meeting__in=meetings_for(user).order_by().values("pk"), meeting__starts_on__gte=start,
        meeting__starts_on__lte=end)


def region_facts(user, region, start: dt.date, end: dt.date) -> indicators.RegionFacts:
    """What the benchmarks are measured from, read through the user's clearance."""
    ids = set(_region_mission_ids(region))
    meetings = meetings_for(user, mission_ids=ids, start=start, end=end).annotate(decision_count=Count(
        "decisions", filter=Q(decisions__in=visible(models.MeetingDecision.objects.all(), user)), distinct=True))
    held = tuple(indicators.HeldMeeting(
        m.starts_on, m.level, frozenset(a.acronym for a in m.attending_missions.all() if a.id in ids),
        tuple(m.subjects), m.decision_count, m.series) for m in meetings)
    actions = _readable_actions(user, ids, start, end)
    agreements = agreements_given(user).filter(sharer_id__in=ids, receiver_id__in=ids) & active_agreements(end)
    return indicators.RegionFacts(
        region=region.name, start=start, end=end, meetings=held,
        cadences=tuple(_cadence_of(c) for c in region.meeting_cadences.all()),
        cadence_series=tuple(c.series for c in region.meeting_cadences.all()),
        actions=tuple(cad.OpenAction(a.pk, a.due_on, a.closed_on) for a in actions),
        agreements=tuple(agreements.values_list("sharer__acronym", "receiver__acronym", "subject")),
        warnings=warnings_for(user).filter(issued_by_id__in=ids, issued_on__range=(start, end)).count(),
        assets_shared=_assets_shared(user, region, start, end),
    )


def benchmarks(user, region, start: dt.date, end: dt.date) -> list[indicators.Indicator]:
    return indicators.measure(region_facts(user, region, start, end))


def highest_level(user, mission_ids, start: dt.date, end: dt.date) -> int:
    """The highest classification among the cooperation records a drafted section is measured from."""
    ids = list(mission_ids)
    meetings = meetings_for(user, mission_ids=ids, start=start, end=end)
    loans = _readable_loans(user, ids, start, end)
    levels = [
        meetings.aggregate(top=Max("classification"))["top"],
        visible(models.MeetingDecision.objects.filter(meeting__in=meetings.order_by().values("pk")), user)
        .aggregate(top=Max("classification"))["top"],
        _readable_actions(user, ids, start, end).aggregate(top=Max("classification"))["top"],
        agreements_given(user).filter(Q(sharer_id__in=ids) | Q(receiver_id__in=ids))
        .aggregate(top=Max("classification"))["top"],
        warnings_for(user).filter(issued_by_id__in=ids, issued_on__range=(start, end))
        .aggregate(top=Max("classification"))["top"],
        loans.aggregate(top=Max("classification"))["top"] if loans is not None else None,
    ]
    return max((level for level in levels if level is not None), default=0)
