"""The WSGI application: fresh page-cache hits first, then Django.

`PageCacheApp` answers a fresh hit of the shared page cache straight from the
environ (congxa/portal/fast_path.py); everything else goes to Django.
CONGXA_FAST_PATH=0 serves everything through Django (to compare, in bench/).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congxa.settings")

django_application = get_wsgi_application()

from congxa.portal.fast_path import PageCacheApp  # noqa: E402 (after setup)

if os.environ.get("CONGXA_FAST_PATH", "1").strip().lower() in {"0", "false", "no"}:
    application = django_application
else:
    application = PageCacheApp(django_application)
