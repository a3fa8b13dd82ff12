from django.urls import path

from simasn.planning import views

app_name = "planning"
urlpatterns = [
    path("kebijakan/", views.policy_list, name="policy_list"),
    path("kebijakan/buat/", views.policy_create, name="policy_create"),
    path("kebijakan/<int:pk>/", views.policy_detail, name="policy_detail"),
    path("kebijakan/<int:pk>/tetapkan/", views.policy_publish, name="policy_publish"),
    path("rencana/", views.plan_list, name="plan_list"),
    path("rencana/buat/", views.plan_create, name="plan_create"),
    path("rencana/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("rencana/<int:pk>/usulkan/", views.plan_submit, name="plan_submit"),
    path("rencana/<int:pk>/kembalikan/", views.plan_return, name="plan_return"),
    path("rencana/<int:pk>/tetapkan/", views.plan_decide, name="plan_decide"),
    path("rencana/<int:pk>/keputusan/", views.plan_decision, name="plan_decision"),
    path("rencana/<int:pk>/keputusan.pdf", views.plan_decision_pdf, name="plan_decision_pdf"),
    path("nasional/", views.national, name="national"),
]
