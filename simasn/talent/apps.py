from django.apps import AppConfig


class TalentConfig(AppConfig):
    name = "simasn.talent"
    label = "talent"
    verbose_name = "Manajemen talenta"
