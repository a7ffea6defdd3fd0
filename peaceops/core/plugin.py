"""What the core app adds to the shell (peaceops.core.plugins): its console commands."""

from peaceops.core.plugins import Command, Plugin

PLUGIN = Plugin(
    commands=(
        Command("serve", "serve the web app and API (gunicorn, one worker per core) on 127.0.0.1, with a job worker",
                order=20),
        Command("backup", "write every record, its history and its permissions to a file", order=200),
        Command("restore", "replace the database's contents with a backup file", order=210),
        Command("bench", "run the benchmarks in benchmarks/ and print their table", order=220),
    ),
)
