from django.apps import AppConfig


class TalentConfig(AppConfig):
    name = "simasn.talent"
    label = "talent"
    verbose_name = "Manajemen talenta"

    def ready(self) -> None:
        from simasn.core.providers import register_provider

        # The latest assessed competence, which learning's development plan reads.
        register_provider("talent.latest_competence", "simasn.talent.providers.latest_competence")
