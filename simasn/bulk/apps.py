from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulkConfig(AppConfig):
    name = "simasn.bulk"
    label = "bulk"
    verbose_name = "Impor dan ekspor massal"

    def ready(self) -> None:
        from simasn.accounts.policy import Resource
        from simasn.core.context_processors import NAV_ITEMS
        from simasn.core.scheduling import register_daily

        register_daily("simasn.bulk.tasks.discard_stale_uploads")

        item = (_("Impor pegawai"), "bulk:list", Resource.EMPLOYEE_IMPORT)
        if item not in NAV_ITEMS:
            NAV_ITEMS.append(item)
