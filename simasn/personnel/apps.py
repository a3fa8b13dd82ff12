from django.apps import AppConfig


class PersonnelConfig(AppConfig):
    name = "simasn.personnel"
    label = "personnel"
    verbose_name = "Pegawai ASN"
