# A development plan keeps the year's appraiser (from the SKP) so the superior reads it
# through the policy table's qualified grant (Resource.DEVELOPMENT_TEAM).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0002_development_plans'),
        ('personnel', '0003_fewer_register_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='developmentplan',
            name='appraiser',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='personnel.employee', verbose_name='pejabat penilai kinerja'),
        ),
    ]
