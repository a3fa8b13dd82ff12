from django.apps import AppConfig


class PositionsConfig(AppConfig):
    name = "simasn.positions"
    label = "positions"
    verbose_name = "Jabatan"
