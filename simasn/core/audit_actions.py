"""Stable audit action codes. They are data that outlives code: never rename a value."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATE = "create", _("Dibuat")
    UPDATE = "update", _("Diubah")
    DELETE = "delete", _("Dihapus")
    ARCHIVE = "archive", _("Diarsipkan")
    VIEW_SENSITIVE = "view_sensitive", _("Data pribadi dibuka")
    EXPORT = "export", _("Diekspor")
    IMPORT = "import", _("Diimpor")
    LOGIN = "login", _("Masuk")
    LOGIN_FAILED = "login_failed", _("Gagal masuk")
    LOGOUT = "logout", _("Keluar")
    TWO_FACTOR_ENROLLED = "2fa_enrolled", _("Verifikasi dua langkah diaktifkan")
    TOKEN_CREATED = "token_created", _("Token API dibuat")
    TOKEN_REVOKED = "token_revoked", _("Token API dicabut")
    TWO_FACTOR_FAILED = "2fa_failed", _("Kode verifikasi dua langkah salah")
    TWO_FACTOR_REFUSED = "2fa_refused", _("Pendaftaran verifikasi dua langkah ditolak")
    TWO_FACTOR_RESET = "2fa_reset", _("Verifikasi dua langkah disetel ulang")
    REFUSED = "refused", _("Ditolak oleh aturan")
    TRANSITION = "transition", _("Perubahan status")
    PARAMETER_VERSION_ADDED = "parameter_version_added", _("Versi parameter hukum ditambahkan")
    DOCUMENT_GENERATED = "document_generated", _("Dokumen dibuat")
    DOCUMENT_SIGNED = "document_signed", _("Dokumen ditandatangani")
    DISPATCHED = "dispatched", _("Dikirim")
    FLAGGED = "flagged", _("Ditandai")
