"""What the accounts app adds to the shell (peaceops.core.plugins): its console commands."""

from peaceops.core.plugins import Command, Plugin

PLUGIN = Plugin(
    api="peaceops.accounts.api",
    commands=(
        Command("createuser", "create a user and grant a role over a mission, a region or the system", order=40),
        Command("token", "API tokens: create one for a user (printed once), list them, revoke one", order=50),
    ),
)
