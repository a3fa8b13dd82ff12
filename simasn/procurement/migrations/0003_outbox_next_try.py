# The batched outbox drain (issue 14): a failed event waits until its next try.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('procurement', '0002_announcement_sequence'),
    ]

    operations = [
        migrations.AddField(
            model_name='outboxevent',
            name='next_try_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
