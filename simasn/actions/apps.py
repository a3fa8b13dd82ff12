from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "simasn.actions"
    label = "actions"
    verbose_name = "Tindakan kepegawaian"

    def ready(self) -> None:
        from simasn.accounts.policy import Resource
        from simasn.core.context_processors import NAV_ITEMS
        from simasn.core.scheduling import register_daily

        register_daily("simasn.actions.tasks.apply_due_actions")
        register_daily("simasn.actions.tasks.refresh_retirement_summary")
        present = {item[1] for item in NAV_ITEMS}
        for entry in ((_("Tindakan"), "actions:list", Resource.ACTION),
                      # National institutions read the projection without seeing actions.
                      (_("Proyeksi pensiun"), "actions:projection", Resource.AGGREGATE)):
            if entry[1] not in present:
                NAV_ITEMS.append(entry)
