from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkplansConfig(AppConfig):
    name = "simasn.workplans"
    label = "workplans"
    verbose_name = _("Sinkronisasi rencana kerja")

    def ready(self) -> None:
        from simasn.accounts.policy import Resource
        from simasn.core.context_processors import NAV_ITEMS
        from simasn.core.scheduling import register_daily

        register_daily("simasn.workplans.tasks.remind_overdue_drafts")

        for item in [
            (_("Sinkronisasi rencana kerja"), "workplans:cycle_list", Resource.WORKPLAN),
            (_("Kiriman rencana kerja"), "workplans:coordination_list", Resource.WORKPLAN_COORDINATION),
        ]:
            if item not in NAV_ITEMS:
                NAV_ITEMS.append(item)
