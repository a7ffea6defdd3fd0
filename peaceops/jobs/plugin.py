"""What the jobs app adds to the shell (peaceops.core.plugins): its pages, "My jobs" beside the dashboard (every
user may start a job: an export needs only reading), and its console command."""

from peaceops.core.plugins import Command, Link, NavLinks, Pages, Plugin, _

PLUGIN = Plugin(
    pages=Pages("jobs/", "peaceops.jobs.urls"),
    links=(NavLinks("dashboard", (Link(_("My jobs"), url_name="jobs:history"),), order=200),),
    commands=(
        Command("worker", "run background jobs (imports, drafts, exports, refreshes started from the pages); "
                "serve starts one, this runs more", order=30),
    ),
)
