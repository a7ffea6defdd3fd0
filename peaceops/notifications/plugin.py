"""What the notifications app adds to the shell (peaceops.core.plugins): its inbox closes the cooperation module."""

from peaceops.core.plugins import Link, NavLinks, Pages, Plugin, Provider, _

PLUGIN = Plugin(
    pages=Pages("notifications/", "peaceops.notifications.urls"),
    api="peaceops.notifications.api",
    links=(
        # Alerts other missions notify, requests for their evidence and releases.
        NavLinks("cooperation", (Link(_("Notifications"), url_name="notifications:inbox"),), order=30),
    ),
    dashboard=Provider("peaceops.notifications.dashboard", order=30),
)
