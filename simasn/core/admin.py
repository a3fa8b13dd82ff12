from django.contrib import admin

from simasn.core.admin_support import AuditEventAdmin
from simasn.core.models import AuditEvent

admin.site.register(AuditEvent, AuditEventAdmin)
admin.site.site_header = "SIMASN"
admin.site.site_title = "SIMASN"
