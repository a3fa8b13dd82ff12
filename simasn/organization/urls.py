from django.urls import path

from simasn.organization import views

app_name = "organization"
urlpatterns = [
    path("instansi/", views.instansi_list, name="instansi_list"),
    path("instansi/tambah/", views.instansi_create, name="instansi_create"),
    path("instansi/<int:pk>/", views.instansi_detail, name="instansi_detail"),
    path("instansi/<int:pk>/ubah/", views.instansi_update, name="instansi_update"),
    path("instansi/<int:pk>/arsipkan/", views.instansi_archive, name="instansi_archive"),
    path("unit/", views.unit_list, name="unit_list"),
    path("unit/tambah/", views.unit_create, name="unit_create"),
    path("unit/<int:pk>/ubah/", views.unit_update, name="unit_update"),
    path("unit/<int:pk>/arsipkan/", views.unit_archive, name="unit_archive"),
    path("pejabat/", views.official_list, name="official_list"),
    path("pejabat/tambah/", views.official_create, name="official_create"),
    path("pejabat/<int:pk>/ubah/", views.official_update, name="official_update"),
    path("pejabat/<int:pk>/arsipkan/", views.official_archive, name="official_archive"),
]
