"""Indexes for searching 4.3 M employees (docs/adr/0007-indexes-for-national-scale.md).

PostgreSQL only (a vendor-conditional migration): a trigram GIN index on
UPPER(name::text) — exactly the expression Django's `icontains` produces — so that
"name contains" searches use an index instead of scanning the table; and (name, id)
so that a page of the register in name order is read in index order. NIP prefixes
already use the `_like` (varchar_pattern_ops) index Django adds to the unique NIP.
SQLite keeps its plain indexes (from personnel's models).
"""

from django.db import migrations

INDEXES = [
    ("employee_name_trgm_idx",
     "CREATE INDEX IF NOT EXISTS employee_name_trgm_idx ON personnel_employee "
     "USING gin (UPPER(name::text) gin_trgm_ops)"),
    ("employee_name_id_idx",
     "CREATE INDEX IF NOT EXISTS employee_name_id_idx ON personnel_employee (name, id)"),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for _name, sql in INDEXES:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _sql in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("bulk", "0001_initial"),
        ("personnel", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
