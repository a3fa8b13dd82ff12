from django.apps import AppConfig


class DisciplineConfig(AppConfig):
    name = "simasn.discipline"
    label = "discipline"
    verbose_name = "Disiplin dan kode etik"

    def ready(self) -> None:
        from simasn.core.providers import register_provider

        # Talent (integrity) and rewards (Satyalancana) read an employee's discipline record.
        register_provider("discipline.record", "simasn.discipline.providers.record")
        # A decision on a keberatan or banding changes a discipline decision (simasn.disputes).
        register_provider("discipline.apply_remedy_outcome",
                          "simasn.discipline.providers.apply_remedy_outcome")
        # The service-level dashboard of simasn.disputes counts open discipline cases too.
        register_provider("discipline.service_levels", "simasn.discipline.providers.service_levels")
