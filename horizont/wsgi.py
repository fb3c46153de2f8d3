import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
application = get_wsgi_application()

from horizont.sanctions.services import screening_index_open_at_start  # noqa: E402

screening_index_open_at_start()

from horizont.core.warmup import freeze_startup_objects, warm_up  # noqa: E402

warm_up()
freeze_startup_objects()
