"""The leadership app's part of the Secretary-General's report (peaceops.reports.drafting, kind "sg_report").

One section per mission the drafter may read that has a political strategy: the mandate health check against
it (tasks serving no strategic objective, objectives with no task; seed 001) and the leadership decisions of
the report's period. Read through the selectors with ``request.user``; the section's level is the highest of
the records it names.
"""

from __future__ import annotations

from peaceops.leadership import selectors
from peaceops.registry.models import Mission
from peaceops.reports.drafting import SG_REPORT, DraftRequest, DraftSection, Table
from peaceops.reports.levels import highest


def _section(request: DraftRequest, mission: Mission) -> DraftSection | None:
    user = request.user
    checked = selectors.strategy_health(user, mission.id)
    if checked.strategy is None:
        return None
    strategy = checked.strategy
    decisions = [d for d in selectors.decisions_for(user, mission.id) if request.start <= d.decided_on <= request.end]
    objectives = list(strategy.objectives.all())
    paragraphs = [f"{mission.acronym} is guided by its political strategy '{strategy.title}' (adopted "
                  f"{strategy.adopted_on.isoformat()}), with {len(objectives)} objectives (seed 001)."]
    if checked.findings:
        paragraphs.append("Mandate review against the strategy: " + "; ".join(f.message for f in checked.findings)
                          + ".")
    else:
        paragraphs.append("Every mandated task serves an objective of the strategy and every objective is carried "
                          "by a mandated task.")
    tables = [Table(("Phase", "Objective", "Mandated tasks"), tuple(
        (str(o.sequence), o.title, ", ".join(checked.task_labels.get(t.id, f"#{t.id}") for t in o.tasks.all())
         or "none") for o in objectives), caption="Strategic objectives")]
    if decisions:
        tables.append(Table(("Date", "Decided by", "Decision"), tuple(
            (d.decided_on.isoformat(), d.decided_by, d.text) for d in decisions), caption="Leadership decisions"))
    return DraftSection(key=f"leadership.strategy.{mission.acronym}",
                        title=f"Political strategy and mandate review: {mission.acronym}",
                        body="\n\n".join(paragraphs), order=42, mission_id=mission.id,
                        source="leadership: political strategy, decision log",
                        classification=highest([strategy], objectives, checked.tasks, decisions),
                        tables=tuple(tables))


def sections(request: DraftRequest) -> list[DraftSection]:
    if request.kind != SG_REPORT:
        return []
    found = []
    for mission in Mission.objects.filter(id__in=request.mission_ids).order_by("acronym"):
        if selectors.mission_for(request.user, mission.id) is None:
            continue
        section = _section(request, mission)
        if section is not None:
            found.append(section)
    return found
