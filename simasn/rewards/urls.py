from django.urls import path

from simasn.rewards import views

app_name = "rewards"
urlpatterns = [
    path("", views.candidate_list, name="candidates"),
    path("hitung-ulang/", views.candidate_refresh, name="refresh"),
    path("calon/<int:pk>/usulkan/", views.candidate_propose, name="propose"),
    path("catat/", views.award_create, name="award_create"),
    path("saya/", views.my_record, name="mine"),
    path("pegawai/<int:employee_id>/", views.reward_record, name="record"),
]
