from django.contrib import admin
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import URLPattern, URLResolver, include, path

from config.api import api


def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    return HttpResponsePermanentRedirect(static("simasn/favicon.svg"))


urlpatterns: list[URLPattern | URLResolver] = [
    # Browsers ask for /favicon.ico on pages without the <link rel="icon"> (PDFs, JSON).
    path("favicon.ico", favicon),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("akun/", include("simasn.accounts.urls")),
    path("organisasi/", include("simasn.organization.urls")),
    path("jabatan/", include("simasn.positions.urls")),
    path("pegawai/", include("simasn.personnel.urls")),
    path("tindakan/", include("simasn.actions.urls")),
    path("hukum/", include("simasn.lawdata.urls")),
    path("impor/", include("simasn.bulk.urls")),
    path("sinkronisasi/", include("simasn.workplans.urls")),
    path("perencanaan/", include("simasn.planning.urls")),
    path("pengadaan/", include("simasn.procurement.urls")),
    path("kinerja/", include("simasn.performance.urls")),
    path("pengembangan-kompetensi/", include("simasn.learning.urls")),
    path("talenta/", include("simasn.talent.urls")),
    path("disiplin/", include("simasn.discipline.urls")),
    path("upaya-administratif/", include("simasn.disputes.urls")),
    path("penghargaan/", include("simasn.rewards.urls")),
    path("", include("simasn.site.urls")),
]

# Under /api/ Django's own 400/404/500 pages answer in the API's error shape.
handler400 = "simasn.web.api.handler400"
handler404 = "simasn.web.api.handler404"
handler500 = "simasn.web.api.handler500"
