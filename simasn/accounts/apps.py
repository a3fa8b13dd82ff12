from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "simasn.accounts"
    label = "accounts"
    verbose_name = "Akun dan peran"

    def ready(self) -> None:
        # Imported here, not at the top: it imports models, which Django loads after apps.py.
        from simasn.accounts import signals  # noqa: F401
