"""What the global search finds in the incident log: incidents and actors (peaceops.core.search).

Both are read through the log's selectors: an incident of a mission or level the reader is not cleared
for is never counted, and an actor known only from such incidents stays hidden (log_selectors.actors_for).
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from peaceops.core.plugins import SearchHit
from peaceops.core.search import every_word, group
from peaceops.incidents.filters import text_match
from peaceops.incidents.log import selectors as log_selectors


def _incident_hit(incident) -> SearchHit:
    where = ", ".join(part for part in (incident.location or incident.admin1,
                                        incident.country.name if incident.country_id else "") if part)
    title = f"#{incident.pk} {incident.start_date:%Y-%m-%d} {incident.get_category_display()}"
    mission = incident.owning_mission.acronym if incident.owning_mission_id else ""
    return SearchHit(title=title, url=reverse("incidents:detail", args=[incident.pk]),
                     detail=" · ".join(part for part in (where, mission, incident.description[:160]) if part),
                     classification=incident.classification)


def _actor_hit(actor) -> SearchHit:
    return SearchHit(title=actor.name, url=f"{reverse('incidents:list')}?{urlencode({'actor': actor.pk})}",
                     detail=str(actor.get_kind_display()))


def search(user, words: list[str], limit: int):
    # The same words as the log's own free-text search (filters.text_match), so "see them all" lists the same rows.
    incidents = (log_selectors.incidents_for(user).filter(every_word(words, extra=text_match))
                 .select_related("country", "owning_mission").order_by("-start_date", "-id"))
    actors = log_selectors.actors_for(user).filter(every_word(words, "name")).order_by("name", "id")
    more = f"{reverse('incidents:list')}?{urlencode({'q': ' '.join(words)})}"
    return [group("incidents", _("Incidents"), incidents, _incident_hit, limit, more_url=more),
            group("actors", _("Actors"), actors, _actor_hit, limit)]
