from django.urls import path

from simasn.disputes import views

app_name = "disputes"
urlpatterns = [
    path("", views.dispute_list, name="list"),
    path("ajukan/", views.dispute_file, name="file"),
    path("layanan/", views.service_levels, name="service_levels"),
    path("<int:pk>/", views.dispute_detail, name="detail"),
    path("<int:pk>/tanggapan/", views.dispute_answer, name="answer"),
    path("<int:pk>/putus/", views.dispute_decide, name="decide"),
]
