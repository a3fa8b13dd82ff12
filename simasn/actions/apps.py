from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "simasn.actions"
    label = "actions"
    verbose_name = "Tindakan kepegawaian"

    def ready(self) -> None:
        # Imported here, not at the top: it imports models, which Django loads after apps.py.
        from simasn.core.scheduling import register_after_import, register_daily

        register_daily("simasn.actions.tasks.apply_due_actions")
        register_daily("simasn.actions.tasks.refresh_retirement_summary")
        # A bulk import changes who is counted in the national retirement summary.
        register_after_import("simasn.actions.tasks.refresh_retirement_summary")
