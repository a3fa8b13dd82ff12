"""One demo user per role (password in simasn.site.demo_support.DEMO_PASSWORD)."""

from __future__ import annotations

from typing import Any

from simasn.accounts.models import User
from simasn.accounts.roles import Role
from simasn.accounts.services import user_create
from simasn.core.interfaces import Interface
from simasn.organization.models import Instansi, NationalInstitution
from simasn.personnel.models import Employee
from simasn.site.demo_support import DEMO_PASSWORD

# username, full name, role, instansi code, institution code
USERS = [
    ("operator.bandung", "Rina Marlina", Role.OPERATOR, "KOTA-BANDUNG", None),
    ("pyb.bandung", "Drs. Bambang Suryadi, M.Si.", Role.PYB, "KOTA-BANDUNG", None),
    ("ppk.bandung", "Muhammad Farhan", Role.PPK, "KOTA-BANDUNG", None),
    # The receiving side of the demo transfer Bandung → Bogor (it accepts before Bandung decides).
    ("operator.bogor", "Asep Saepudin", Role.OPERATOR, "KAB-BOGOR", None),
    ("ppk.bogor", "Rudy Susmanto", Role.PPK, "KAB-BOGOR", None),
    ("operator.kupang", "Yohanes Bria", Role.OPERATOR, "KAB-KUPANG", None),
    ("operator.bkn", "Dewi Lestari", Role.OPERATOR, "BKN", None),
    ("ppk.kemenpanrb", "Dr. Rini Widyantini", Role.PPK, "KEMENPANRB", None),
    ("operator.kemenpanrb", "Operator Kepegawaian KemenPANRB", Role.OPERATOR, "KEMENPANRB", None),
    ("bkn", "Petugas Layanan BKN", Role.BKN, None, None),
    ("bpasn", "Sekretariat BPASN", Role.BPASN, None, None),
    ("presiden", "Sekretariat Presiden", Role.PRESIDEN, None, None),
    ("menpan", "Deputi SDM Aparatur", Role.KEMENPANRB, None, None),
    ("lan", "Petugas LAN", Role.LAN, None, None),
    ("kasn", "Pengawas Sistem Merit", Role.KASN, None, None),
    ("bappenas", "Direktorat Aparatur Negara Bappenas", Role.BAPPENAS, None, None),
    ("kemenkeu", "Direktorat Anggaran Kemenkeu", Role.KEMENKEU, None, None),
    ("perencana.bkn", "Perencana BKN", Role.PERENCANA, None, "BKN"),
    ("perencana.lan", "Perencana LAN", Role.PERENCANA, None, "LAN"),
    ("perencana.kemenpanrb", "Perencana KemenPANRB", Role.PERENCANA, None, "KEMENPANRB"),
    ("sekretariat.bkn", "Sekretaris Utama BKN", Role.KEPALA_SEKRETARIAT, None, "BKN"),
    ("sekretariat.lan", "Sekretaris Utama LAN", Role.KEPALA_SEKRETARIAT, None, "LAN"),
    ("sekretariat.kemenpanrb", "Sekretaris Kementerian PANRB", Role.KEPALA_SEKRETARIAT, None, "KEMENPANRB"),
]


def seed(*, actor: User, stdout: Any) -> None:
    for username, full_name, role, instansi_code, institution_code in USERS:
        if User.objects.filter(username=username).exists():
            continue
        instansi = Instansi.objects.filter(code=instansi_code).first() if instansi_code else None
        institution = NationalInstitution.objects.filter(code=institution_code).first() if institution_code else None
        user_create(actor=actor, interface=Interface.CLI, username=username, password=DEMO_PASSWORD,
                    role=role, full_name=full_name, instansi_id=instansi.pk if instansi else None,
                    institution_id=institution.pk if institution else None)
    if not User.objects.filter(username="pegawai.bandung").exists():
        employee = Employee.objects.filter(instansi__code="KOTA-BANDUNG", employee_type="PNS").order_by("id").first()
        if employee is not None:
            user_create(actor=actor, interface=Interface.CLI, username="pegawai.bandung", password=DEMO_PASSWORD,
                        role=Role.PEGAWAI, full_name=employee.name, instansi_id=employee.instansi_id,
                        employee_id=employee.pk)
