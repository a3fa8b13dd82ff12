from django.apps import AppConfig


class BulkConfig(AppConfig):
    name = "simasn.bulk"
    label = "bulk"
    verbose_name = "Impor dan ekspor massal"

    def ready(self) -> None:
        # Imported here, not at the top: it imports models, which Django loads after apps.py.
        from simasn.core.scheduling import register_daily, register_watchdog

        register_daily("simasn.bulk.tasks.discard_stale_uploads")
        register_watchdog("simasn.bulk.recovery.import_jobs_recover")
