import os

from django.core.wsgi import get_wsgi_application

from fasit.core.shedding import shed_departed_clients

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
application = shed_departed_clients(get_wsgi_application())
