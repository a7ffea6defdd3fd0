"""What the global search finds in the mandates app: the framework library and lessons (peaceops.core.search).

The library (seed 004 ch. 3-6) is public text; lessons are read through ``selectors.lessons_for`` (the
reader's missions' and those shared with them).
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from peaceops.core.plugins import SearchHit
from peaceops.core.search import group
from peaceops.mandates import selectors


def _item_hit(item) -> SearchHit:
    return SearchHit(title=f"{item.ref} {item.title or item.text[:80]}",
                     url=f"{reverse('mandates:library')}?{urlencode({'q': item.ref})}",
                     detail=item.text[:160])


def _lesson_hit(lesson) -> SearchHit:
    return SearchHit(title=lesson.title, url=f"{reverse('mandates:lessons')}?{urlencode({'q': lesson.title})}",
                     detail=" · ".join(part for part in (lesson.mission.acronym, str(lesson.get_subject_display()))
                                       if part), classification=lesson.classification)


def search(user, words: list[str], limit: int):
    query = " ".join(words)  # both selectors keep the rows holding every word of the query
    library = selectors.library_search(query).order_by("order", "ref") if user.is_authenticated else None
    lessons = selectors.lessons_for(user, query).order_by("-recorded_on", "-id")
    more = f"{reverse('mandates:library')}?{urlencode({'q': query})}"
    return [group("library", _("Framework library"), library, _item_hit, limit, more_url=more)
            if library is not None else None,
            group("lessons", _("Lessons shared between missions"), lessons, _lesson_hit, limit,
                  more_url=f"{reverse('mandates:lessons')}?{urlencode({'q': query})}")]
