"""Serve the web app and the API.

gunicorn with threaded workers, one process per core: a single Python process is bound to one
core by the GIL and tops out far below what 32 concurrent API clients ask (docs/benchmarks.md).
Static files come through whitenoise, so no separate web server is needed on a mission network.
"""

import os

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve peaceops on http://HOST:PORT (gunicorn, one worker process per core, static files included)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 2,
                            help="worker processes (default: one per core)")
        parser.add_argument("--threads", type=int, default=8, help="threads per worker (default 8)")

    def handle(self, *args, port, host, workers, threads, **options):
        from gunicorn.app.base import BaseApplication

        from peaceops.wsgi import application

        class Server(BaseApplication):
            def load_config(self):
                settings = {"bind": f"{host}:{port}", "workers": workers, "threads": threads,
                            "worker_class": "gthread", "accesslog": None, "errorlog": "-",
                            "loglevel": "warning", "timeout": 120, "keepalive": 5}
                for key, value in settings.items():
                    self.cfg.set(key, value)

            def load(self):
                return application

        self.stdout.write(f"peaceops serving on http://{host}:{port}/ with {workers} workers (Ctrl-C to stop)")
        self.stdout.flush()
        Server().run()
