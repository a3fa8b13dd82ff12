from django.apps import AppConfig


class OrganizationConfig(AppConfig):
    name = "simasn.organization"
    label = "organization"
    verbose_name = "Instansi dan lembaga"

    def ready(self) -> None:
        # What archiving an instansi or a unit would break here (simasn.core.archiving).
        from simasn.core.archiving import register_archive_guard

        register_archive_guard("organization.Instansi", "simasn.organization.archive_guards.instansi_has_units")
        register_archive_guard("organization.Unit", "simasn.organization.archive_guards.unit_has_children")
