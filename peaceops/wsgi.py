import os

from django.core.wsgi import get_wsgi_application

from peaceops.core.private_files import restrict_umask

restrict_umask()  # the database, its WAL and files the server writes are readable by its account alone
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peaceops.settings")
application = get_wsgi_application()
