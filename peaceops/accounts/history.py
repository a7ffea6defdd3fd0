"""The audit trail of a record as one reader may see it (django-simple-history underneath).

Every change to every record is kept with who, when and what. A reader sees the versions they
are cleared for: a record that was confidential for a while and is unclassified now shows its
unclassified versions only, and each shown version's changes are taken against the previous
*shown* version, so the values of a hidden version never appear.
"""

from peaceops.accounts.access import access_for, mission_id_of
from peaceops.core.models import Classified


def readable_history(user, record) -> list[dict]:
    """Versions of ``record`` newest first: history_id, history_date, history_type, user, changes."""
    versions = list(record.history.select_related("history_user").order_by("history_date", "history_id"))
    if isinstance(record, Classified):
        versions = [v for v in versions if _version_readable(user, record, v)]
    entries, previous = [], None
    for version in versions:  # oldest first, so each is compared with the one shown before it
        changes = []
        if previous is not None:
            delta = version.diff_against(previous)
            changes = [{"field": c.field, "old": _plain(c.old), "new": _plain(c.new)} for c in delta.changes]
        entries.append({
            "history_id": version.history_id,
            "history_date": version.history_date,
            "history_type": version.history_type,
            "user": version.history_user.get_username() if version.history_user else None,
            "changes": changes,
        })
        previous = version
    return entries[::-1]


def _version_readable(user, record, version) -> bool:
    """A version is judged by its own classification, and its own owning mission where it stored one."""
    field = type(record).MISSION_FIELD
    mission_id = getattr(version, f"{field}_id") if "__" not in field else mission_id_of(record)
    return access_for(user).can_read(mission_id, version.classification)


def _plain(value):
    return value if isinstance(value, (int, float, str, bool, type(None), list, dict)) else str(value)
