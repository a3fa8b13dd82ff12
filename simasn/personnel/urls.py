from django.urls import path

from simasn.personnel import views

app_name = "personnel"
urlpatterns = [
    path("", views.employee_list, name="list"),
    path("saya/", views.my_record, name="me"),
    path("tambah/", views.employee_create, name="create"),
    path("<int:pk>/", views.employee_detail, name="detail"),
    path("<int:pk>/ubah/", views.employee_update, name="update"),
    path("<int:pk>/data-pribadi/", views.employee_reveal, name="reveal"),
    path("<int:pk>/ubah-data-pribadi/", views.employee_sensitive_update, name="sensitive_update"),
]
