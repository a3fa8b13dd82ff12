"""`simasn seed-demo`: idempotent demo data for every app.

Each app may have a `demo.py` with `ORDER: int` and `seed(*, actor, stdout)`; they run
in ORDER. Data is created through the real services wherever a service exists.
"""

from __future__ import annotations

import importlib
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand

from simasn.core.demo_support import DEMO_PASSWORD, demo_logins, system_admin


class Command(BaseCommand):
    help = "Load demo data (safe to run again)."

    def handle(self, *args: Any, **options: Any) -> None:
        actor = system_admin()
        modules = []
        for config in apps.get_app_configs():
            if not config.name.startswith("simasn."):
                continue
            try:
                module = importlib.import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            modules.append(module)
        for module in sorted(modules, key=lambda m: getattr(m, "ORDER", 50)):
            self.stdout.write(f"  seeding {module.__name__} ...")
            module.seed(actor=actor, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready. Logins (password for all: {DEMO_PASSWORD}):"))
        for username, description in demo_logins():
            self.stdout.write(f"  {username:<24} {description}")
