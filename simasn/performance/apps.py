from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerformanceConfig(AppConfig):
    name = "simasn.performance"
    label = "performance"
    verbose_name = _("Manajemen kinerja dan budaya kerja")

    def ready(self) -> None:
        # Imported here, not at the top: the registries are plain dictionaries, but the
        # providers module imports models, which Django loads after apps.py.
        from simasn.core.archiving import register_archive_guard
        from simasn.core.providers import register_provider

        # Facts other chapters read (talent, rewards, learning), by name (chapter-common.md).
        register_provider("performance.ratings", "simasn.performance.providers.ratings")
        register_provider("performance.development_needs",
                          "simasn.performance.providers.development_needs")
        # Who appraises whom in a year: the learning chapter's superior view of development plans.
        register_provider("performance.appraisers", "simasn.performance.providers.appraisers")
        # An acting assignment (Plt) rests on a managerial position.
        register_archive_guard("positions.Position", "simasn.performance.archive_guards.position_in_acting")
