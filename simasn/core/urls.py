from django.urls import path

from simasn.core import views

app_name = "core"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("audit/", views.audit_list, name="audit_list"),
]
