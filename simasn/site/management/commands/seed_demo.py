"""`simasn seed-demo`: idempotent demo data for every app.

The site layer composes the demo: each app's data lives in `simasn/site/demo/<app>.py` with a
`seed(*, actor, stdout)`, and runs in the order listed here (a module may rely on the rows of
the ones before it). Data is created through the real services wherever a service exists.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from simasn.site.demo import (
    accounts,
    actions,
    discipline,
    disputes,
    learning,
    organization,
    performance,
    personnel,
    planning,
    positions,
    procurement,
    rewards,
    talent,
    workplans,
)
from simasn.site.demo_support import DEMO_PASSWORD, demo_logins, system_admin

#: The order matters: instansi and units, then positions, employees, the users who act on
#: them, their personnel actions, and the work-plan cycle those users take part in.
#: A new chapter app adds its module at the place its data depends on.
SEED_ORDER = (organization, positions, personnel, accounts, actions, workplans, planning, procurement,
              performance, learning, talent, discipline, disputes, rewards)


class Command(BaseCommand):
    help = "Load demo data (safe to run again)."

    def handle(self, *args: Any, **options: Any) -> None:
        actor = system_admin()
        for module in SEED_ORDER:
            self.stdout.write(f"  seeding {module.__name__} ...")
            module.seed(actor=actor, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready. Logins (password for all: {DEMO_PASSWORD}):"))
        for username, description in demo_logins():
            self.stdout.write(f"  {username:<24} {description}")
