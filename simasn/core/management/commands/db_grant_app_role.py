"""simasn db-grant-app-role ROLE|URL [--create --password-env VAR]

Run as the database *owner* role (the one that runs migrations), after every `simasn
migrate`. Gives the application role exactly what docs/deploy.md "Database roles" says:
SELECT, INSERT, UPDATE, DELETE on the tables and use of the sequences; on the audit table
only SELECT and INSERT; no TRUNCATE, no REFERENCES or TRIGGER, no CREATE on the schema,
no ownership of anything. Idempotent; refuses when the application role owns a table.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import unquote, urlsplit

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from psycopg import sql

AUDIT_TABLE = "core_auditevent"


def grant_statements(role: str, database: str, owner: str) -> list[sql.Composable]:
    ident = sql.Identifier(role)
    return [
        sql.SQL("REVOKE ALL ON DATABASE {} FROM {}").format(sql.Identifier(database), ident),
        sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(sql.Identifier(database), ident),
        sql.SQL("REVOKE ALL ON SCHEMA public FROM {}").format(ident),
        sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(ident),
        sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {}").format(ident),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(ident),
        sql.SQL("REVOKE UPDATE, DELETE ON {} FROM {}").format(sql.Identifier(AUDIT_TABLE), ident),
        sql.SQL("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {}").format(ident),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(ident),
        # Tables a later migration creates get the same rights (re-run this command anyway:
        # it takes UPDATE/DELETE off a new append-only table).
        sql.SQL("ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA public "
                "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {}").format(sql.Identifier(owner), ident),
        sql.SQL("ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA public "
                "GRANT USAGE, SELECT ON SEQUENCES TO {}").format(sql.Identifier(owner), ident),
    ]


class Command(BaseCommand):
    help = "Grant the application database role its rights (PostgreSQL; run as the owner role)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role", help="the application role (simasn_app), or the application's "
                                         "postgres:// URL (role and password taken from it)")
        parser.add_argument("--create", action="store_true", help="create the role (LOGIN) if missing")
        parser.add_argument("--password-env", default="",
                            help="environment variable holding the role's password (with --create)")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("Database roles exist on PostgreSQL only; SQLite has one file and no roles.")
        role: str = options["role"]
        password = os.environ.get(options["password_env"], "") if options["password_env"] else ""
        if "://" in role:
            url = urlsplit(role)
            role, password = unquote(url.username or ""), unquote(url.password or "") or password
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT current_user, current_database()")
            owner, database = cursor.fetchone()
            if role == owner:
                raise CommandError("The application role must not be the owner role.")
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
            if cursor.fetchone() is None:
                if not options["create"]:
                    raise CommandError(f"Role {role} does not exist (use --create).")
                create: sql.Composable = sql.SQL(
                    "CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT").format(sql.Identifier(role))
                if password:
                    create = sql.SQL("{} PASSWORD {}").format(create, sql.Literal(password))
                cursor.execute(create)
            cursor.execute(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = %s) AND n.nspname = 'public'",
                [role],
            )
            if cursor.fetchone()[0]:
                raise CommandError(f"Role {role} owns objects in the schema: it must own nothing.")
            for statement in grant_statements(role, database, owner):
                cursor.execute(statement)
        self.stdout.write(f"{role}: SELECT/INSERT/UPDATE/DELETE on the tables of {database}, "
                          f"SELECT/INSERT only on {AUDIT_TABLE}; no TRUNCATE, no DDL, owns nothing.")
