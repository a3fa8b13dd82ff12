from django.apps import AppConfig


class OrganizationConfig(AppConfig):
    name = "simasn.organization"
    label = "organization"
    verbose_name = "Instansi dan lembaga"
