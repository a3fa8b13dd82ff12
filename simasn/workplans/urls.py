from django.urls import path

from simasn.workplans import views

app_name = "workplans"
urlpatterns = [
    path("", views.cycle_list, name="cycle_list"),
    path("baru/", views.cycle_create, name="cycle_create"),
    path("pemberitahuan/", views.notifications, name="notifications"),
    path("pemberitahuan/dibaca/", views.notifications_read, name="notifications_read"),
    path("verifikasi/", views.verify_upload, name="verify_upload"),
    path("arah-kebijakan/", views.policy_list, name="policy_list"),
    path("arah-kebijakan/baru/", views.policy_create, name="policy_create"),
    path("arah-kebijakan/<int:pk>/", views.policy_detail, name="policy_detail"),
    path("rancangan/<int:pk>/", views.draft_detail, name="draft_detail"),
    path("rancangan/<int:pk>/xlsx/", views.draft_xlsx, name="draft_xlsx"),
    path("kegiatan/<int:pk>/", views.activity_edit, name="activity_edit"),
    path("deteksi-tumpang-tindih/", views.detector_page, name="detector"),
    path("glosarium/", views.glossary_page, name="glossary"),
    path("glosarium/tambah/", views.glossary_add, name="glossary_add"),
    path("kiriman/", views.coordination_list, name="coordination_list"),
    path("kiriman/<int:pk>/", views.coordination_detail, name="coordination_detail"),
    path("<int:pk>/", views.cycle_detail, name="cycle_detail"),
    path("<int:pk>/agenda/", views.agenda_send, name="agenda_send"),
    path("<int:pk>/agenda.pdf", views.agenda_pdf, name="agenda_pdf"),
    path("<int:pk>/analisis/", views.analysis_page, name="analysis"),
    path("<int:pk>/analisis/tandai/", views.pair_mark, name="pair_mark"),
    path("<int:pk>/pertemuan/buka/", views.meeting_open, name="meeting_open"),
    path("<int:pk>/pertemuan/", views.meeting_page, name="meeting"),
    path("<int:pk>/berita-acara.pdf", views.berita_acara_pdf, name="berita_acara_pdf"),
    path("<int:pk>/berita-acara/tandatangani/", views.berita_acara_sign, name="berita_acara_sign"),
    path("<int:pk>/berita-acara/verifikasi/", views.berita_acara_verify, name="berita_acara_verify"),
    path("<int:pk>/koordinasi/", views.coordination_send, name="coordination_send"),
    path("<int:pk>/revisi/", views.cycle_revise, name="revise"),
    path("<int:pk>/perbandingan/", views.revision_diff, name="diff"),
    path("<int:pk>/pemantauan/", views.monitoring, name="monitoring"),
]
