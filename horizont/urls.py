from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from horizont.api import api
from horizont.audit.views import audit_log
from horizont.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    path("api/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", core_views.home, name="home"),
    path("search/", core_views.search, name="search"),
    path("accounts/", include("allauth.urls")),
    path("me/", include("horizont.accounts.urls")),
    path("jobs/", include("horizont.jobs.urls")),
    path("initiatives/", include("horizont.network.urls")),
    path("events/", include("horizont.events.urls")),
    path("publications/", include("horizont.publications.urls")),
    path("forum/", include("horizont.forum.urls")),
    path("elections/", include("horizont.elections.urls")),
    path("sanctions/", include("horizont.sanctions.urls")),
    path("donations/", include("horizont.donations.urls")),
    path("petitions/", include("horizont.petitions.urls")),
    path("positions/", include("horizont.positions.urls")),
    path("observers/", include("horizont.observers.urls")),
    path("abroad/", include("horizont.abroad.urls")),
    path("audit/", audit_log, name="audit_log"),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

handler403 = "horizont.core.views.error_403"
handler404 = "horizont.core.views.error_404"
handler500 = "horizont.core.views.error_500"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
