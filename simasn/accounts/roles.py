"""The roles of MISSION.md "Users and their jobs" and where each one acts."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PEGAWAI = "PEGAWAI", _("Pegawai ASN")
    OPERATOR = "OPERATOR", _("Operator kepegawaian instansi")
    PYB = "PYB", _("Pejabat yang Berwenang (PyB)")
    PPK = "PPK", _("Pejabat Pembina Kepegawaian (PPK)")
    PRESIDEN = "PRESIDEN", _("Kantor Presiden")
    KEMENPANRB = "KEMENPANRB", _("KemenPANRB (Menteri / Deputi SDM Aparatur)")
    BKN = "BKN", _("Badan Kepegawaian Negara")
    LAN = "LAN", _("Lembaga Administrasi Negara")
    KASN = "KASN", _("Pengawas sistem merit (KASN)")
    PERENCANA = "PERENCANA", _("Perencana lembaga ASN nasional")
    KEPALA_SEKRETARIAT = "KEPALA_SEKRETARIAT", _("Kepala unit kesekretariatan lembaga")
    BAPPENAS = "BAPPENAS", _("Kementerian PPN/Bappenas")
    KEMENKEU = "KEMENKEU", _("Kementerian Keuangan")
    BPASN = "BPASN", _("Badan Pertimbangan ASN (BPASN)")
    ADMIN = "ADMIN", _("Administrator sistem")
    # Procurement (UU 20/2023 Pasal 36-37): a citizen applying, and the instansi's selection
    # committee that verifies applications and runs the selection.
    PELAMAR = "PELAMAR", _("Pelamar (calon ASN)")
    PANITIA_SELEKSI = "PANITIA_SELEKSI", _("Panitia seleksi instansi")


#: Roles that act for one instansi; all others act nationally.
INSTANSI_ROLES = frozenset({Role.PEGAWAI, Role.OPERATOR, Role.PYB, Role.PPK, Role.PANITIA_SELEKSI})
#: Roles that act for one national institution (work-plan synchronization).
INSTITUTION_ROLES = frozenset({Role.PERENCANA, Role.KEPALA_SEKRETARIAT})
#: Roles that must log in with a second factor (BKN made MFA mandatory in 2025).
#: An applicant is any citizen with an account on the public portal; one password is enough.
TWO_FACTOR_ROLES = frozenset(set(Role) - {Role.PEGAWAI, Role.PELAMAR})
#: Roles that keep records and may also use the (scoped) Django admin.
STAFF_ROLES = frozenset({Role.ADMIN, Role.OPERATOR, Role.BKN})
