"""Mandate health findings in the reader's language (the rules stay pure; the words come from the catalogue)."""

import datetime as dt

from django.utils import translation

from peaceops.mandates import health_messages
from peaceops.mandates.mandate_checks import MandateFacts, TaskFacts, health_checks


def _findings():
    tasks = tuple(TaskFacts(key=f"t{n}", priority=None, owner="", benchmark_count=0, capabilities_needed={},
                            waits_for=()) for n in range(3))
    return health_checks(MandateFacts(tasks=tasks, last_review=dt.date(2005, 1, 1)), dt.date(2010, 1, 1))


def test_every_health_finding_reads_in_french():
    findings = _findings()
    codes = {finding.code for finding in findings}
    assert {"task_count", "no_priority", "no_owner", "no_benchmark", "needs_unstated", "review_overdue"} <= codes
    with translation.override("fr"):
        french = {finding.code: finding.message for finding in health_messages.translated_all(findings)}
    assert french["no_owner"] == "3 tâches sans responsable : t0, t1, t2"
    assert french["review_overdue"].startswith("mandat examiné pour la dernière fois le 2005-01-01")
    assert french["task_count"] == "3 tâches prescrites"
    with translation.override("en"):
        english = {finding.code: finding.message for finding in health_messages.translated_all(findings)}
    assert english["no_owner"] == "3 tasks without an owner: t0, t1, t2"
    assert english["review_overdue"] == "mandate last reviewed 2005-01-01: a review is due every 2 years"
