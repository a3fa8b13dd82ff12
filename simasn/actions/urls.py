from django.urls import path

from simasn.actions import views

app_name = "actions"
urlpatterns = [
    path("", views.action_list, name="list"),
    path("buat/", views.action_create, name="create"),
    path("daftar-kerja/", views.worklist, name="worklist"),
    path("pensiun/", views.retirement_register, name="register"),
    path("pensiun/proyeksi/", views.retirement_projection, name="projection"),
    path("verifikasi/<str:code>/", views.verify, name="verify"),
    path("<int:pk>/", views.action_detail, name="detail"),
    path("<int:pk>/sk.pdf", views.action_document, name="document"),
    path("<int:pk>/<str:step>/", views.action_step, name="step"),
]
