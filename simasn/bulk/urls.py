from django.urls import path

from simasn.bulk import views

app_name = "bulk"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("templat/", views.template_csv, name="template"),
    path("templat.xlsx", views.template_xlsx, name="template_xlsx"),
    path("<int:pk>/", views.job_detail, name="detail"),
    path("<int:pk>/progres/", views.job_progress, name="progress"),
    path("<int:pk>/penolakan/", views.job_rejects, name="rejects"),
    path("<int:pk>/lanjutkan/", views.job_resume, name="resume"),
]
