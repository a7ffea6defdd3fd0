"""The ``peaceops`` console script.

Each product command is a Django management command (so ``peaceops CMD --help`` shows its
options); ``peaceops manage ...`` reaches every other Django command (migrate, shell...).
"""

import os
import sys

COMMANDS = {
    "demo": "set up the database, load the Central Africa & Sudan 2008-2010 demo, serve it",
    "serve": "serve the web app and API (gunicorn, one worker per core) on 127.0.0.1, with a job worker",
    "worker": "run background jobs (imports uploaded through the pages); serve starts one, this runs more",
    "createuser": "create a user and grant a role over a mission, a region or the system",
    "token": "API tokens: create one for a user (printed once), list them, revoke one",
    "import-places": "load countries and admin areas (P-code gazetteer CSV, COD-AB GeoParquet, Natural Earth)",
    "areas": "missions' areas of responsibility and sectors over time: list, build from P-codes, import, end",
    "import-events": "import events (UCDP GED, ACLED, HXL, Insecurity Insight) into the incident log",
    "import-3w": "import who-does-what-where files (OCHA 3W workbooks, HDX operational presence, HXL 3W)",
    "import-framework": "load seed 004 chapters 3-6 as the framework library (objectives, outputs, benchmarks)",
    "import-measurements": "import indicator measurements (CSV, XLSX, HXL) for the ISF, checked line by line",
    "sitrep": "the daily situation report of a mission or region for a date (json, md, html, pdf)",
    "import-needs": "import needs per area and sector (CSV with HXL tags) for the coordination gaps view",
    "alerts": "early-warning alerts known on a date (surges, new armed actors, toward-border moves)",
    "forecast": "country-month forecasts in the VIEWS layout, and their evaluation against the VIEWS benchmarks",
    "analysis": "armed groups and the borders they cross, security levels and their divergences, hotspots, "
                "a region's fusion view",
    "analysis-refresh": "relink armed groups to incident actors and refresh the stored country forecasts",
    "assets": "the shared asset pool: cost-sharing report per region and year, idle assets for open requests",
    "report": "draft a threat assessment or SG report from the data, list reports, export PDF, DOCX or Markdown",
    "backup": "write every record, its history and its permissions to a file",
    "restore": "replace the database's contents with a backup file",
    "bench": "run the benchmarks in benchmarks/ and print their table",
    "migrate": "create or update the database tables",
    "manage": "any other Django management command, e.g. 'peaceops manage check --deploy'",
}


def _usage() -> str:
    width = max(map(len, COMMANDS))
    lines = ["usage: peaceops COMMAND [options]   (peaceops COMMAND --help for its options)", "", "commands:"]
    lines += [f"  {name.ljust(width)}  {text}" for name, text in COMMANDS.items()]
    lines += ["", "environment: PEACEOPS_HOME (data folder, default ./var), DATABASE_URL (postgres://...),",
              "             PEACEOPS_TODAY (YYYY-MM-DD: run as of a scenario date; empty: the real date)"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peaceops.settings")
    from peaceops.core.private_files import restrict_umask

    restrict_umask()  # the database, its WAL, backups and keys this process writes are its account's alone
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(_usage())
        return
    if argv[0] in ("--version", "version"):
        from peaceops import __version__

        print(__version__)
        return
    from django.core.management import execute_from_command_line

    if argv[0] == "manage":
        argv = argv[1:]
    elif argv[0] in COMMANDS:
        argv[0] = argv[0].replace("-", "_")  # 'import-places' is the Django command 'import_places'
    execute_from_command_line(["peaceops", *argv])


if __name__ == "__main__":
    main()
