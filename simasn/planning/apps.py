from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "simasn.planning"
    label = "planning"
    verbose_name = "Perencanaan kebutuhan ASN"

    def ready(self) -> None:
        # Imported here, not at the top: the registries import models, loaded after apps.py.
        from simasn.core.archiving import register_archive_guard
        from simasn.core.providers import register_provider

        # Procurement reads the formasi a penetapan kebutuhan approved (chapter-common.md).
        register_provider("planning.approved_formasi", "simasn.planning.providers.approved_formasi")
        # A position named by a needs plan that is still open cannot be archived from under it.
        register_archive_guard("positions.Position", "simasn.planning.archive_guards.position_in_open_plan")
