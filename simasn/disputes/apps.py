from django.apps import AppConfig


class DisputesConfig(AppConfig):
    name = "simasn.disputes"
    label = "disputes"
    verbose_name = "Upaya administratif"
