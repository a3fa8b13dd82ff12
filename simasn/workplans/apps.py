from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkplansConfig(AppConfig):
    name = "simasn.workplans"
    label = "workplans"
    verbose_name = _("Sinkronisasi rencana kerja")

    def ready(self) -> None:
        # Imported here, not at the top: it imports models, which Django loads after apps.py.
        from simasn.core.providers import register_provider
        from simasn.core.scheduling import register_daily

        register_daily("simasn.workplans.tasks.remind_overdue_drafts")
        # The programmes of an instansi's plan, which performance links SKP organisation goals to.
        register_provider("workplans.programmes_of_instansi", "simasn.workplans.providers.programmes_of_instansi")
