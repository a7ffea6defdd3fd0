"""What the global search finds in the registry: places (admin areas) and people (peaceops.core.search).

Places are public reference data (any signed-in reader); people are read through ``person_list``, which
keeps those of missions and levels the reader is cleared for.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from peaceops.core.plugins import SearchHit
from peaceops.core.search import every_word, group
from peaceops.registry import selectors


def _place_hit(area) -> SearchHit:
    parents = [area.parent.name] if area.parent_id else []
    return SearchHit(title=area.name, url=reverse("registry:area-detail", args=[area.pcode]),
                     detail=" · ".join([area.pcode, *parents, area.country.name]))


def _person_hit(person) -> SearchHit:
    posts = [assignment.post.title for assignment in getattr(person, "visible_assignments", [])]
    return SearchHit(title=person.name, url=f"{reverse('registry:people-list')}?{urlencode({'q': person.name})}",
                     detail=", ".join(posts[:3]), classification=person.classification)


def search(user, words: list[str], limit: int):
    # places_search reads one string: the first word narrows in SQL, every word must match (pcode or name).
    places = (selectors.places_search(user, words[0], limit=None).filter(every_word(words, "name", "pcode"))
              if words else None)
    people = selectors.person_list(user).filter(every_word(words, "name")).order_by("name", "id")
    return [group("places", _("Places"), places, _place_hit, limit) if places is not None else None,
            group("people", _("People"), people, _person_hit, limit)]
