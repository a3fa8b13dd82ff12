"""simasn refresh-retirement-summary: rebuild the national retirement summary now."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from simasn.actions.summary import refresh_retirement_summary
from simasn.core.interfaces import Interface


class Command(BaseCommand):
    help = "Rebuild the national retirement summary (also runs daily and after each bulk import)."

    def handle(self, *args: Any, **options: Any) -> None:
        refresh = refresh_retirement_summary(actor=None, interface=Interface.CLI)
        self.stdout.write(f"ringkasan pensiun: {refresh.employees} pegawai dalam {refresh.groups} kelompok "
                          f"({refresh.seconds:.1f} detik)")
