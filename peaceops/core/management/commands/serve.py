"""Serve the web app and the API with waitress (a pure-Python, multi-threaded WSGI server)."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve peaceops on http://HOST:PORT with waitress (static files through whitenoise)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--threads", type=int, default=16, help="worker threads (default 16)")

    def handle(self, *args, port, host, threads, **options):
        from waitress import serve

        from peaceops.wsgi import application

        self.stdout.write(f"peaceops serving on http://{host}:{port}/  (Ctrl-C to stop)")
        serve(application, host=host, port=port, threads=threads, connection_limit=256, ident="peaceops")
