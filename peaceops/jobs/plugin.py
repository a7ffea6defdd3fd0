"""What the jobs app adds to the shell (peaceops.core.plugins): its console command."""

from peaceops.core.plugins import Command, Pages, Plugin

PLUGIN = Plugin(
    pages=Pages("jobs/", "peaceops.jobs.urls"),
    commands=(
        Command("worker", "run background jobs (imports, drafts, exports, refreshes started from the pages); "
                "serve starts one, this runs more", order=30),
    ),
)
