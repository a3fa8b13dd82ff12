from django.contrib.auth import views as auth_views
from django.urls import path

from simasn.accounts import views

app_name = "accounts"
urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("verifikasi/", views.verify, name="verify"),
    path("dua-langkah/", views.two_factor_setup, name="two_factor_setup"),
    path("token-api/", views.api_tokens, name="api_tokens"),
    path("token-api/<int:pk>/cabut/", views.api_token_revoke_view, name="api_token_revoke"),
]
