from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "simasn.actions"
    label = "actions"
    verbose_name = "Tindakan kepegawaian"

    def ready(self) -> None:
        # Imported here, not at the top: it imports models, which Django loads after apps.py.
        from simasn.core.archiving import register_archive_guard
        from simasn.core.providers import register_provider
        from simasn.core.scheduling import register_after_import, register_daily

        # Other chapters start and follow SKs through the provider registry (talent's mobility).
        register_provider("actions.draft_transfer", "simasn.actions.providers.draft_transfer")
        register_provider("actions.states", "simasn.actions.providers.states")
        # Discipline records its decisions as SKs here; disputes amend or revoke any SK here.
        register_provider("actions.record_decree", "simasn.actions.providers.record_decree")
        register_provider("actions.amend_or_revoke", "simasn.actions.providers.amend_or_revoke")
        register_provider("actions.follow_up", "simasn.actions.providers.follow_up")
        # Procurement records the appointment of the selected (CPNS, PPPK) as an SK here.
        register_provider("actions.record_appointment", "simasn.actions.providers.record_appointment")
        register_daily("simasn.actions.tasks.apply_due_actions")
        register_daily("simasn.actions.tasks.refresh_retirement_summary")
        register_daily("simasn.actions.tasks.flag_overdue_retirements")
        # A bulk import changes who is counted in the national retirement summary.
        register_after_import("simasn.actions.tasks.refresh_retirement_summary")
        # Open actions keep what they name; an instansi keeps an official able to decide them.
        for label, guard in (("organization.Instansi", "instansi_in_open_actions"),
                             ("positions.Position", "position_in_open_actions"),
                             ("organization.Official", "official_needed_for_open_actions")):
            register_archive_guard(label, f"simasn.actions.archive_guards.{guard}")
