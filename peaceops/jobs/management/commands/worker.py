"""``peaceops worker``: run queued background jobs (imports, drafts, exports, refreshes) until stopped."""

from django.core.management.base import BaseCommand

from peaceops.accounts.access import SYSTEM
from peaceops.jobs.services import job_outputs_expire, jobs_recover
from peaceops.jobs.worker import new_worker


class Command(BaseCommand):
    help = ("Run queued background jobs (imports, report drafts, exports, analysis refreshes started from the "
            "web pages) until stopped; "
            "'peaceops serve' starts one, start more for more jobs at once. See docs/operations.md.")

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="run the jobs queued now, then exit")
        parser.add_argument("--interval", type=float, default=1.0,
                            help="seconds between looks at the queue when it is empty (default 1)")

    def handle(self, *args, batch, interval, verbosity, **options):
        recovered = jobs_recover(SYSTEM)
        if recovered and verbosity:
            self.stderr.write(f"{recovered} job(s) of a stopped worker marked failed (nothing of them was written)")
        expired = job_outputs_expire(SYSTEM)
        if expired and verbosity:
            self.stderr.write(f"{expired} file(s) of jobs older than the days they are kept removed")
        worker = new_worker(batch=batch, interval=interval)
        worker.configure_signals()
        worker.run()
