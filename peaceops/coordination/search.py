"""What the global search finds among who-does-what-where rows (peaceops.core.search).

Read through ``selectors.activities_for``: rows of missions and levels the reader is not cleared for, and
humanitarian rows not shared with the military side when the reader is on it, are never found.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from peaceops.coordination import selectors
from peaceops.core.plugins import SearchHit
from peaceops.core.search import every_word, group

ACTIVITY_FIELDS = ("title", "organisation__name", "organisation__acronym", "sector__name_en", "sector__name_fr",
                   "sector_source", "admin1_name", "admin2_name", "location", "country__name", "donor")


def _hit(activity) -> SearchHit:
    # 3W rows have no page of their own: the list filtered to the row's organisation and country shows it.
    query = urlencode({"organisation": activity.organisation_id, "country": activity.country.iso3})
    url = f"{reverse('coordination:activities')}?{query}"
    where = activity.admin2_name or activity.admin1_name or activity.country.name
    title = activity.title or (activity.sector.name_en if activity.sector_id else "") or str(activity.organisation)
    return SearchHit(title=title, url=url,
                     detail=" · ".join(part for part in (activity.organisation.acronym or activity.organisation.name,
                                                         where) if part),
                     classification=activity.classification)


def search(user, words: list[str], limit: int):
    activities = (selectors.activities_for(user).filter(every_word(words, *ACTIVITY_FIELDS))
                  .select_related("organisation", "country", "sector").order_by("-start_date", "-id"))
    return [group("activities", _("3W activities"), activities, _hit, limit)]
