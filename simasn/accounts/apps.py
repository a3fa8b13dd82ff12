from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "simasn.accounts"
    label = "accounts"
    verbose_name = "Akun dan peran"

    def ready(self) -> None:
        from simasn.accounts import signals  # noqa: F401
