"""The audit trail is append-only in the database itself, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _event() -> AuditEvent:
    with transaction.atomic():
        return audit_record(actor=None, action=AuditAction.CREATE, interface=Interface.CLI,
                            object_type="test.thing", object_id="1", object_repr="benda")


def test_update_statement_is_refused_by_the_database() -> None:
    event = _event()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET reason = 'rewritten' WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).reason == ""


def test_delete_statement_is_refused_by_the_database() -> None:
    event = _event()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_orm_update_and_delete_are_refused_too() -> None:
    event = _event()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(actor_label="someone else")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).actor_label == "system"


def test_audit_record_refuses_to_run_outside_a_transaction() -> None:
    """An audit event written outside the service's transaction could survive a
    rolled-back change (or vanish from a committed one); the helper refuses."""
    from unittest import mock

    # pytest-django wraps each test in a transaction, so pretend we are outside one.
    with mock.patch.object(connection, "in_atomic_block", False), pytest.raises(
        RuntimeError, match="inside the service's transaction"
    ):
        audit_record(actor=None, action=AuditAction.CREATE, interface=Interface.CLI, object_type="x")


def test_a_scoped_record_is_filed_under_the_paths_the_policy_table_filters_on() -> None:
    from types import SimpleNamespace

    from simasn.core.models import ScopedRecord

    class Rating(ScopedRecord):
        scope_instansi_field = "plan__instansi_id"
        scope_self_field = "plan__employee_id"

        def __init__(self, plan: object) -> None:
            self.plan = plan

    rating = Rating(SimpleNamespace(instansi_id=7, employee_id=42))
    assert (rating.audit_instansi_id, rating.audit_subject_employee_id) == (7, 42)
    assert Rating(None).audit_instansi_id is None

    class Unit(ScopedRecord):
        instansi_id = 3

    assert (Unit().audit_instansi_id, Unit().audit_subject_employee_id) == (3, None)


FIELDS = ("actor_id", "actor_label", "action", "interface", "object_type", "object_id", "object_repr", "instansi_id",
          "subject_employee_id", "changes", "reason", "citations", "extra")


def test_plain_rows_are_stored_as_audit_record_stores_its_event() -> None:
    """`audit_record_rows` (batches, no model instances; one array statement on PostgreSQL) keeps
    the same columns as `audit_record` for the same event, and the same transaction rule."""
    import json

    from simasn.core.audit import AuditRow, audit_record_rows

    changes = {"after": {"receipt": "2024-001-ABC", "documents": ["a1", "b2"]}}
    with transaction.atomic():
        one = audit_record(actor=None, action=AuditAction.CREATE, interface=Interface.API, object_type="test.thing",
                           object_id="7", object_repr="benda 7", instansi_id=12, changes=changes,
                           citations=["UU 20/2023 Pasal 37"], extra={"detail": "x"})
        count = audit_record_rows(action=AuditAction.CREATE, interface=Interface.API, object_type="test.thing", rows=[
            AuditRow(actor_id=None, actor_label="system", object_id="7", object_repr="benda 7", instansi_id=12,
                     changes=json.dumps(changes), citations=json.dumps(["UU 20/2023 Pasal 37"]),
                     extra=json.dumps({"detail": "x"})),
            AuditRow(actor_id=None, actor_label="system", object_id="8", object_repr="benda 8", instansi_id=None,
                     changes="{}")])
    assert count == 2
    stored = {e.object_id: e for e in AuditEvent.objects.filter(object_type="test.thing").exclude(pk=one.pk)}
    assert set(stored) == {"7", "8"}
    for field in FIELDS:
        assert getattr(stored["7"], field) == getattr(AuditEvent.objects.get(pk=one.pk), field), field
    assert stored["8"].changes == {} and stored["8"].citations == [] and stored["8"].instansi_id is None
    from unittest import mock

    # pytest-django wraps each test in a transaction, so pretend we are outside one.
    with mock.patch.object(connection, "in_atomic_block", False), pytest.raises(RuntimeError, match="transaction"):
        audit_record_rows(action=AuditAction.CREATE, interface=Interface.API, object_type="test.thing",
                          rows=[AuditRow(None, "system", "9", "benda 9", None, "{}")])
