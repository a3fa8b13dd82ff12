from django.urls import path

from simasn.procurement.views import applicant, committee, portal, staff

app_name = "procurement"
urlpatterns = [
    # Public: no account needed (UU 20/2023 Pasal 37).
    path("", portal.portal, name="portal"),
    path("lowongan/<int:pk>/", portal.vacancy_public, name="vacancy_public"),
    path("daftar/", applicant.register, name="register"),
    path("tanda-terima/periksa/", applicant.receipt_check, name="receipt_check"),
    path("pengumuman/", committee.announcement_list, name="announcements"),
    path("pengumuman/<int:pk>.pdf", committee.announcement_pdf, name="announcement_pdf"),
    path("pengumuman/<int:pk>/periksa/", committee.announcement_check, name="announcement_check"),
    # The applicant.
    path("lowongan/<int:pk>/lamar/", applicant.apply, name="apply"),
    path("lowongan/<int:pk>/lamar/dokumen/", applicant.upload, name="upload"),
    path("lowongan/<int:pk>/lamar/kirim/", applicant.submit, name="submit"),
    path("lamaran-saya/", applicant.my_applications, name="my_applications"),
    path("lamaran/<int:pk>/", applicant.application_detail, name="application"),
    path("lamaran/<int:pk>/tanda-terima.pdf", applicant.receipt_pdf, name="receipt_pdf"),
    path("lamaran/<int:pk>/dokumen/<str:sha>/", committee.document_download, name="document"),
    path("lamaran/<int:pk>/sanggah/", committee.sanggah_file, name="sanggah_file"),
    # The instansi's committee, BKN, KemenPANRB.
    path("verifikasi/", committee.verification_list, name="verification"),
    path("verifikasi/<int:pk>/", committee.verify, name="verify"),
    path("sanggah/", committee.sanggah_list, name="sanggah_list"),
    path("sanggah/<int:pk>/jawab/", committee.sanggah_answer, name="sanggah_answer"),
    path("periode/", staff.period_list, name="periods"),
    path("periode/baru/", staff.period_create, name="period_create"),
    path("periode/<int:pk>/", staff.period_detail, name="period"),
    path("periode/<int:pk>/lanjut/", staff.period_advance, name="period_advance"),
    path("periode/<int:pk>/lowongan-baru/", staff.vacancy_create, name="vacancy_create"),
    path("periode/<int:pk>/hasil/", committee.results, name="results"),
    path("periode/<int:pk>/umumkan/<str:kind>/", committee.announcement_publish, name="announce"),
    path("impor/<int:pk>/penolakan.csv", committee.reject_report, name="reject_report"),
    path("pengangkatan/", committee.appointment_list, name="appointments"),
    path("pengangkatan/<int:pk>/", committee.appoint, name="appoint"),
    path("rekonsiliasi/", committee.reconciliation, name="reconciliation"),
]
