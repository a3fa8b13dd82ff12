from django.apps import AppConfig


class PositionsConfig(AppConfig):
    name = "simasn.positions"
    label = "positions"
    verbose_name = "Jabatan"

    def ready(self) -> None:
        # A unit keeps its positions until they are archived (simasn.core.archiving).
        from simasn.core.archiving import register_archive_guard

        register_archive_guard("organization.Unit", "simasn.positions.archive_guards.unit_has_positions")
