"""Import files by storage name (simasn.core.storage), not by absolute path.

Existing rows keep what they pointed to when it lies under MEDIA_ROOT (the old upload and
report folder): the name relative to it is the working storage's name for the same file.
A path outside it was a file named on the command line, which the server never stored.
"""

from pathlib import Path

from django.conf import settings
from django.db import migrations, models


def _relative(path: str) -> str:
    if not path:
        return ""
    try:
        return Path(path).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve()).as_posix()
    except ValueError:
        return ""


def paths_to_names(apps, schema_editor):
    ImportJob = apps.get_model("bulk", "ImportJob")
    for job in ImportJob.objects.exclude(upload_name="", reject_name="").iterator():
        ImportJob.objects.filter(pk=job.pk).update(
            upload_name=_relative(job.upload_name), reject_name=_relative(job.reject_name))


class Migration(migrations.Migration):

    dependencies = [("bulk", "0005_import_heartbeat")]

    operations = [
        migrations.RenameField("importjob", "stored_path", "upload_name"),
        migrations.RenameField("importjob", "reject_path", "reject_name"),
        migrations.AlterField(
            model_name="importjob", name="upload_name",
            field=models.CharField(blank=True, max_length=500, verbose_name="berkas unggahan"),
        ),
        migrations.AlterField(
            model_name="importjob", name="reject_name",
            field=models.CharField(blank=True, max_length=500, verbose_name="berkas penolakan"),
        ),
        migrations.RunPython(paths_to_names, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="importjob", name="upload_name",
            field=models.CharField(blank=True, max_length=300, verbose_name="berkas unggahan"),
        ),
        migrations.AlterField(
            model_name="importjob", name="reject_name",
            field=models.CharField(blank=True, max_length=300, verbose_name="berkas penolakan"),
        ),
    ]
