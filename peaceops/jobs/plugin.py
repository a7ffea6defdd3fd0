"""What the jobs app adds to the shell (peaceops.core.plugins): its console command."""

from peaceops.core.plugins import Command, Plugin

PLUGIN = Plugin(
    commands=(
        Command("worker", "run background jobs (imports uploaded through the pages); serve starts one, this runs "
                "more", order=30),
    ),
)
