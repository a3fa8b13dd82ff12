from django.urls import path

from simasn.learning import views

app_name = "learning"
urlpatterns = [
    path("", views.record_list, name="list"),
    path("catat/", views.record_create, name="create"),
    path("impor/", views.record_import, name="import"),
    path("kepatuhan/", views.compliance, name="compliance"),
    path("saya/", views.my_learning, name="mine"),
]
