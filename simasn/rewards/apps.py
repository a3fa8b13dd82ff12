from django.apps import AppConfig


class RewardsConfig(AppConfig):
    name = "simasn.rewards"
    label = "rewards"
    verbose_name = "Penghargaan dan pengakuan"

    def ready(self) -> None:
        from simasn.core.scheduling import register_daily

        # Every year's Satyalancana candidates, so nobody eligible is missed (idempotent).
        register_daily("simasn.rewards.tasks.refresh_satyalancana_daily")
