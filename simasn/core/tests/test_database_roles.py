"""The application's database role cannot empty or rewrite the audit trail (issue 10 item 3).

On PostgreSQL: the audit table refuses TRUNCATE even to its owner (statement trigger),
and the application role that `simasn db-grant-app-role` sets up (docs/deploy.md
"Database roles") has no TRUNCATE, no DDL and no UPDATE/DELETE on the audit table, while
the application's ordinary writes work. On SQLite (no TRUNCATE, no roles): DELETE without
WHERE — SQLite's truncate optimisation — is refused by the DELETE trigger.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent


def _event() -> AuditEvent:
    with transaction.atomic():
        return audit_record(actor=None, action=AuditAction.CREATE, interface=Interface.CLI,
                            object_type="test.thing", object_id="1", object_repr="benda")


def _require_postgres() -> None:
    if connection.vendor != "postgresql":
        if os.environ.get("SIMASN_REQUIRE_POSTGRES") == "1":
            pytest.fail("SIMASN_REQUIRE_POSTGRES=1 but the database is not PostgreSQL")
        pytest.skip("needs PostgreSQL: TRUNCATE and database roles exist only there")


@pytest.mark.django_db
def test_sqlite_delete_without_where_is_refused() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's truncate optimisation; PostgreSQL's TRUNCATE is tested below")
    event = _event()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.postgres
@pytest.mark.django_db
def test_truncate_is_refused_even_to_the_owner() -> None:
    _require_postgres()
    event = _event()
    for statement in ("TRUNCATE core_auditevent", "TRUNCATE core_auditevent RESTART IDENTITY CASCADE"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.fixture
def app_role() -> Iterator[str]:
    _require_postgres()
    role = f"simasn_app_test_{os.getpid()}"
    yield role
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if cursor.fetchone():
            cursor.execute(f'DROP OWNED BY "{role}"')
            cursor.execute(f'DROP ROLE "{role}"')


def _connect_as(role: Any) -> Any:
    import psycopg

    settings = connection.settings_dict
    return psycopg.connect(host=settings["HOST"] or "127.0.0.1", port=settings["PORT"] or 5432,
                           dbname=settings["NAME"], user=role, autocommit=True)


def _refused(conn: Any, statement: str) -> str:
    import psycopg

    with pytest.raises(psycopg.errors.InsufficientPrivilege) as info:
        conn.execute(statement)
    return str(info.value)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_application_role_has_exactly_the_documented_rights(app_role: str) -> None:
    event = _event()
    with pytest.raises(CommandError, match="does not exist"):
        call_command("db_grant_app_role", app_role)
    call_command("db_grant_app_role", app_role, "--create")
    call_command("db_grant_app_role", app_role)  # idempotent: re-run after every migrate
    with _connect_as(app_role) as conn:
        # What the application does every day works.
        assert conn.execute("SELECT count(*) FROM core_auditevent").fetchone()[0] == 1
        conn.execute("INSERT INTO core_auditevent (occurred_at, actor_label, action, interface, object_type, "
                     "object_id, object_repr, changes, reason, citations, extra) VALUES "
                     "(now(), 'system', 'create', 'cli', 'x', '1', 'x', '{}', '', '[]', '{}')")
        conn.execute("INSERT INTO django_session (session_key, session_data, expire_date) "
                      "VALUES ('k', 'd', now())")
        conn.execute("UPDATE django_session SET session_data = 'e' WHERE session_key = 'k'")
        conn.execute("DELETE FROM django_session WHERE session_key = 'k'")
        # The audit trail cannot be rewritten, deleted or emptied.
        assert "core_auditevent" in _refused(conn, f"UPDATE core_auditevent SET reason = 'x' WHERE id = {event.pk}")
        _refused(conn, f"DELETE FROM core_auditevent WHERE id = {event.pk}")
        _refused(conn, "TRUNCATE core_auditevent")
        # No TRUNCATE anywhere, no DDL, and the triggers cannot be dropped.
        _refused(conn, "TRUNCATE django_session")
        _refused(conn, "CREATE TABLE intruder (id int)")
        _refused(conn, "DROP TRIGGER core_auditevent_no_truncate ON core_auditevent")
        _refused(conn, "ALTER TABLE core_auditevent DISABLE TRIGGER ALL")
        _refused(conn, "DROP TABLE django_session")
        owned = conn.execute("SELECT count(*) FROM pg_class WHERE relowner = "
                             "(SELECT oid FROM pg_roles WHERE rolname = current_user)").fetchone()[0]
        assert owned == 0
    assert AuditEvent.objects.count() == 2


@pytest.mark.django_db
def test_the_grant_command_refuses_sqlite() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite refusal")
    with pytest.raises(CommandError, match="PostgreSQL only"):
        call_command("db_grant_app_role", "simasn_app")
