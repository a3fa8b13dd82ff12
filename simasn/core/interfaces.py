from django.db import models
from django.utils.translation import gettext_lazy as _


class Interface(models.TextChoices):
    """Where a change came from; recorded on every audit event."""

    WEB = "web", _("Web")
    API = "api", _("API")
    CLI = "cli", _("Baris perintah")
    IMPORT = "import", _("Impor")
    SYSTEM = "system", _("Sistem (tugas terjadwal)")
    ADMIN = "admin", _("Admin")
