from django.urls import path

from simasn.lawdata import views

app_name = "lawdata"
urlpatterns = [
    path("", views.law_try, name="try"),
    path("parameter/", views.parameter_list, name="parameter_list"),
    path("parameter/<str:name>/", views.parameter_detail, name="parameter_detail"),
    path("parameter/<str:name>/tambah/", views.parameter_version_add, name="parameter_version_add"),
]
