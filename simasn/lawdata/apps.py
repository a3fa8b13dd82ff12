from django.apps import AppConfig
from django.core.signals import request_started
from django.utils.translation import gettext_lazy as _
from django_tasks.signals import task_started


class LawdataConfig(AppConfig):
    name = "simasn.lawdata"
    label = "lawdata"
    verbose_name = _("Hukum dan parameter")

    def ready(self) -> None:
        # Imported here, not at the top: overrides reads the models, which Django loads
        # after apps.py.
        from simasn.law import parameters
        from simasn.lawdata.overrides import database_overrides, mark_stale

        # Administrator versions stored in the database apply on top of the YAML; every
        # request and task starts by comparing them with the shared version.
        parameters.register_override_source(database_overrides)
        request_started.connect(mark_stale, dispatch_uid="simasn.lawdata.request_started")
        task_started.connect(mark_stale, dispatch_uid="simasn.lawdata.task_started")
