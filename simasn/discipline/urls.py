from django.urls import path

from simasn.discipline import views

app_name = "discipline"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("lapor/", views.case_create, name="create"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/periksa/", views.case_examine, name="examine"),
    path("<int:pk>/putus/", views.case_decide, name="decide"),
    path("<int:pk>/terima/", views.case_receive, name="receive"),
    path("<int:pk>/hentikan/", views.case_close, name="close"),
    path("<int:pk>/berita-acara/", views.case_bap, name="bap"),
    path("<int:pk>/keputusan/", views.case_decision, name="decision"),
]
