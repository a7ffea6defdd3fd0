"""What the global search finds among reports (peaceops.core.search).

A report is found by its title or by the text of a section the reader may read: a section classified
above the reader's clearance neither shows nor makes its report match (selectors.visible_sections).
"""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from peaceops.core.plugins import SearchHit
from peaceops.core.search import every_word, group
from peaceops.reports import selectors
from peaceops.reports.models import ReportSection


def _in_a_readable_section(user):
    def match(word: str) -> Q:
        sections = ReportSection.objects.filter(Q(title__icontains=word) | Q(body__icontains=word))
        return Q(id__in=selectors.visible_sections(sections, user).values("report_id"))
    return match


def _hit(report) -> SearchHit:
    owner = report.owning_mission.acronym if report.owning_mission_id else (report.region.name if report.region_id
                                                                             else "")
    period = f"{report.period_start:%Y-%m-%d}..{report.period_end:%Y-%m-%d}"
    return SearchHit(title=report.title, url=reverse("reports:detail", args=[report.pk]),
                     detail=" · ".join(part for part in (str(report.get_kind_display()), owner, period,
                                                         str(report.get_status_display())) if part),
                     classification=report.classification)


def search(user, words: list[str], limit: int):
    reports = (selectors.reports_for(user).filter(every_word(words, "title", extra=_in_a_readable_section(user)))
               .order_by("-period_end", "-id"))
    return [group("reports", _("Reports"), reports, _hit, limit)]
