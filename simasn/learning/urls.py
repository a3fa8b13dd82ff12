from django.urls import path

from simasn.learning import views

app_name = "learning"
urlpatterns = [
    path("", views.record_list, name="list"),
    path("catat/", views.record_create, name="create"),
    path("impor/", views.record_import, name="import"),
    path("kepatuhan/", views.compliance, name="compliance"),
    path("saya/", views.my_learning, name="mine"),
    path("rencana/", views.plan_list, name="plans"),
    path("rencana/saya/", views.plan_mine, name="plan_mine"),
    path("rencana/tim/", views.plan_team, name="plan_team"),
    path("rencana/susun/", views.plan_prepare, name="plan_prepare"),
    path("rencana/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("rencana/<int:pk>/kebutuhan/", views.need_add, name="need_add"),
    path("rencana/kebutuhan/<int:pk>/tautkan/", views.record_link, name="record_link"),
]
