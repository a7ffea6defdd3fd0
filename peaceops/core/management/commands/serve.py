"""Serve the web app and the API.

gunicorn with threaded workers, one process per core: a single Python process is bound to one
core by the GIL and tops out far below what 32 concurrent API clients ask (docs/benchmarks.md).
Static files come through whitenoise, so no separate web server is needed on a mission network.
Beside it runs a job worker (``peaceops worker``) for the long work started from the pages (imports, report
drafts, exports, the analysis refresh), so that
the one command is still all a mission network needs; ``--job-workers`` sets how many.
"""

import os
import subprocess
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve peaceops on http://HOST:PORT (gunicorn, one worker process per core, static files included)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 2,
                            help="worker processes (default: one per core)")
        parser.add_argument("--threads", type=int, default=8, help="threads per worker (default 8)")
        parser.add_argument("--job-workers", type=int, default=1,
                            help="background job workers (imports, report drafts, exports, analysis refresh) to start beside the server "
                                 "(default 1; 0: none, e.g. when 'peaceops worker' runs elsewhere)")

    def handle(self, *args, port, host, workers, threads, job_workers, **options):
        from django.core.wsgi import get_wsgi_application
        from gunicorn.app.base import BaseApplication

        # Django's own loader rather than peaceops.wsgi: core imports nothing of the project above it.
        application = get_wsgi_application()

        class Server(BaseApplication):
            def load_config(self):
                settings = {"bind": f"{host}:{port}", "workers": workers, "threads": threads,
                            "worker_class": "gthread", "accesslog": None, "errorlog": "-",
                            "loglevel": "warning", "timeout": 120, "keepalive": 5}
                for key, value in settings.items():
                    self.cfg.set(key, value)

            def load(self):
                return application

        self.stdout.write(f"peaceops serving on http://{host}:{port}/ with {workers} workers "
                          f"and {job_workers} job worker(s) (Ctrl-C to stop)")
        self.stdout.flush()
        job_processes = [start_job_worker() for _ in range(max(0, job_workers))]
        try:
            Server().run()
        finally:
            stop_job_workers(job_processes)


def start_job_worker() -> subprocess.Popen:
    """``peaceops worker`` as a child process, with this process's environment (data folder, database)."""
    return subprocess.Popen([sys.executable, "-m", "peaceops.cli", "worker", "--verbosity", "0"])


def stop_job_workers(processes: list[subprocess.Popen], grace_seconds: float = 10) -> None:
    """Ask each worker to stop after its current job; one still busy after the grace period is killed,
    which is safe: its import's transaction is undone, and the next worker marks the job failed."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=grace_seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
