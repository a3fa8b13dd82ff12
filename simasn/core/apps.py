from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "simasn.core"
    label = "core"
    verbose_name = "SIMASN core"
