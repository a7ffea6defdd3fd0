"""The header's count of unread notifications (a context processor, so the shell need not know this app)."""

from peaceops.notifications.selectors import unread_count


def unread(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}

    return {"unread_notifications": unread_count(user)}
