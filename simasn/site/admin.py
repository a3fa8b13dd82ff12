from django.contrib import admin

from simasn.core.models import AuditEvent
from simasn.web.admin_support import AuditEventAdmin

admin.site.register(AuditEvent, AuditEventAdmin)
admin.site.site_header = "SIMASN"
admin.site.site_title = "SIMASN"
