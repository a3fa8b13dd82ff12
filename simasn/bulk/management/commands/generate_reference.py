"""simasn generate-reference: load the ~600 synthetic instansi, units and positions."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from simasn.bulk import reference
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.interfaces import Interface


class Command(BaseCommand):
    help = "Create the reference instansi/units/positions a generated register refers to (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            created = reference.load_reference()
            audit_record(actor=None, action=AuditAction.IMPORT, interface=Interface.CLI,
                         object_type="bulk.reference", object_repr="data referensi sintetis", extra=created)
        self.stdout.write(f"instansi {created['instansi']}, unit {created['unit']}, jabatan {created['position']} dibuat")
