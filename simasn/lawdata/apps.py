from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LawdataConfig(AppConfig):
    name = "simasn.lawdata"
    label = "lawdata"
    verbose_name = _("Hukum dan parameter")

    def ready(self) -> None:
        # Imported here, not at the top: overrides reads the models, which Django loads
        # after apps.py.
        from simasn.law import parameters
        from simasn.lawdata.overrides import database_overrides

        # Administrator versions stored in the database apply on top of the YAML.
        parameters.register_override_source(database_overrides)
