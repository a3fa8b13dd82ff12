from django.urls import path

from simasn.site import views

app_name = "site"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("audit/", views.audit_list, name="audit_list"),
    path("menunggu/jumlah/", views.nav_counts, name="nav_counts"),
]
