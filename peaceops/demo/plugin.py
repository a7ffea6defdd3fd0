"""What the demo app adds to the shell (peaceops.core.plugins): its console command."""

from peaceops.core.plugins import Command, Plugin

PLUGIN = Plugin(
    commands=(
        Command("demo", "set up the database, load the Central Africa & Sudan 2008-2010 demo, serve it", order=10),
    ),
)
