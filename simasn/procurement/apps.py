from django.apps import AppConfig


class ProcurementConfig(AppConfig):
    name = "simasn.procurement"
    label = "procurement"
    verbose_name = "Pengadaan ASN"

    def ready(self) -> None:
        # Imported here, not at the top: the registries live in the kernel, loaded after apps.
        from simasn.core.archiving import register_archive_guard
        from simasn.core.scheduling import register_daily

        # Anything the outbox could not finish (identity service down, e-meterai failing)
        # is retried every day at least; the worker also drains it after each submit.
        register_daily("simasn.procurement.tasks.drain_outbox_daily")
        # An open vacancy keeps its position.
        register_archive_guard("positions.Position", "simasn.procurement.archive_guards.position_in_open_vacancy")
