"""``peaceops report draft|export|list|late``: the reports app from the command line."""

import datetime as dt
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from peaceops.accounts.access import SYSTEM
from peaceops.accounts.commands import acting_user
from peaceops.core.terminal_progress import TerminalProgress
from peaceops.registry.models import Mission, Region
from peaceops.reports import render, selectors, services
from peaceops.reports.models import Report


def _date(label: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(f"{label}: {value!r} is not a date as YYYY-MM-DD") from None


def _user(name: str):
    return acting_user(name)


def _write(content: bytes, out: str, stdout) -> None:
    if not out:
        stdout.write(content.decode("utf-8", errors="replace"))
        return
    try:
        Path(out).write_bytes(content)
    except OSError as error:
        raise CommandError(f"{out}: {error.strerror or error}") from None


def _format_of(out: str, fmt: str | None) -> str:
    chosen = fmt or (Path(out).suffix.lstrip(".") if out else "md")
    if chosen not in render.FORMATS:
        raise CommandError(f"format {chosen!r}: one of {', '.join(render.FORMATS)} (or an --out file ending so)")
    return chosen


class Command(BaseCommand):
    help = ("Draft a threat assessment or SG report from the data (as a user, whose roles and clearance apply), "
            "list reports, export one as Markdown, PDF or DOCX, or list the quarterly reports that are late.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        draft = sub.add_parser("draft", help="draft a report from the data")
        draft.add_argument("--kind", required=True, choices=[k for k, _ in Report.Kind.choices])
        draft.add_argument("--mission", required=True, help="the drafting mission's acronym")
        draft.add_argument("--region", help="a region name: the report covers its missions the user may read")
        draft.add_argument("--from", dest="start", required=True, help="period start YYYY-MM-DD")
        draft.add_argument("--to", dest="end", required=True, help="period end YYYY-MM-DD")
        draft.add_argument("--user", required=True, help="the drafting user (needs the author role for the mission)")
        draft.add_argument("--title", default="")
        draft.add_argument("--out", default="", help="also write the draft to this file (.md, .pdf or .docx)")
        draft.add_argument("--format", dest="fmt", choices=list(render.FORMATS))
        export = sub.add_parser("export", help="export a report")
        export.add_argument("report_id", type=int)
        export.add_argument("--out", default="", help="file to write (.md, .pdf or .docx); default: Markdown on stdout")
        export.add_argument("--format", dest="fmt", choices=list(render.FORMATS))
        export.add_argument("--user", help="read as this user; default: a system-wide reader")
        listing = sub.add_parser("list", help="list the reports")
        listing.add_argument("--user", help="read as this user; default: a system-wide reader")
        late = sub.add_parser("late", help="the quarterly reports a region owes and has not approved by their due day")
        late.add_argument("--user", help="only the regions where this user holds a grant; default: every region")
        late.add_argument("--today", help="as of this day YYYY-MM-DD; default: the application's today")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _draft(self, *, kind, mission, region, start, end, user, title, out, fmt, **_):
        owning = Mission.objects.filter(acronym__iexact=mission).first()
        if owning is None:
            raise CommandError(f"--mission: no mission {mission!r}")
        area = None
        if region:
            area = Region.objects.filter(name__iexact=region).first()
            if area is None:
                raise CommandError(f"--region: no region {region!r}")
        drafter = _user(user)
        bar = TerminalProgress(unit="section providers")  # drafting stays in this process: a person waits for it
        try:
            report = services.report_draft(user=drafter, kind=kind, owning_mission=owning, region=area,
                                           start=_date("--from", start), end=_date("--to", end), title=title,
                                           progress=bar)
        except PermissionDenied as error:
            raise CommandError(str(error)) from None
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        finally:
            bar.finish()
        self.stderr.write(f"drafted report {report.pk}: {report.title} ({report.sections.count()} sections)")
        if out or fmt:
            _write(render.render(selectors.document(drafter, report), _format_of(out, fmt)), out, self.stdout)

    def _export(self, *, report_id, out, fmt, user, **_):
        reader = _user(user) if user else SYSTEM
        report = selectors.report_for(reader, report_id)
        if report is None:
            raise CommandError(f"no report {report_id} you may read")
        _write(render.render(selectors.document(reader, report), _format_of(out, fmt)), out, self.stdout)

    def _list(self, *, user, **_):
        reader = _user(user) if user else SYSTEM
        for report in selectors.reports_for(reader):
            self.stdout.write(f"{report.pk}\t{report.kind}\t{report.status}\t{report.period_start}..{report.period_end}"
                              f"\t{report.owning_mission.acronym}\t{report.title}")

    def _late(self, *, user, today, **_):
        reader = _user(user) if user else SYSTEM
        overdue = selectors.late_reports(reader, _date("--today", today) if today else None)
        for due in overdue:
            self.stdout.write(f"late: {due['label']}, due {due['due'].isoformat()} ({due['region'].name})")
        if not overdue:
            self.stdout.write("nothing late")
