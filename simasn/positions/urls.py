from django.urls import path

from simasn.positions import views

app_name = "positions"
urlpatterns = [
    path("", views.position_list, name="list"),
    path("tambah/", views.position_create, name="create"),
    path("<int:pk>/", views.position_detail, name="detail"),
    path("<int:pk>/ubah/", views.position_update, name="update"),
    path("<int:pk>/arsipkan/", views.position_archive, name="archive"),
]
