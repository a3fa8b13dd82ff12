from django.urls import path

from simasn.talent import views

app_name = "talent"
urlpatterns = [
    path("", views.grid, name="grid"),
    path("saya/", views.mine, name="mine"),
    path("pegawai/<int:pk>/", views.employee_profile, name="profile"),
    path("penilaian/impor/", views.assessment_import, name="assessment_import"),
    path("suksesi/", views.succession, name="succession"),
    path("suksesi/tetapkan/", views.critical_create, name="critical_create"),
    path("suksesi/<int:pk>/", views.critical_detail, name="critical"),
    path("mobilitas/", views.mobility_list, name="mobility_list"),
    path("mobilitas/usul/", views.mobility_create, name="mobility_create"),
    path("mobilitas/<int:pk>/", views.mobility_detail, name="mobility"),
    path("mobilitas/<int:pk>/<str:step>/", views.mobility_step, name="mobility_step"),
    path("prioritas/", views.priority_list, name="priority_list"),
    path("prioritas/baru/", views.priority_create, name="priority_create"),
    path("prioritas/<int:pk>/", views.priority_detail, name="priority"),
    path("kesenjangan/", views.gap_view, name="gaps"),
    path("keadilan/", views.fairness_view, name="fairness"),
]
