"""Make the audit table append-only in the database itself (UPDATE/DELETE refused)."""

from django.db import migrations


def install(apps, schema_editor):
    from simasn.core import audit_triggers

    audit_triggers.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from simasn.core import audit_triggers

    audit_triggers.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(install, uninstall)]
