"""Demo employees: a few hundred PNS and PPPK with Indonesian names, valid NIPs and
NIKs, spread over ages so that the retirement worklists have something to show."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from faker import Faker

from simasn.accounts.models import User
from simasn.core.interfaces import Interface
from simasn.law.enums import EmployeeType, PositionKind
from simasn.organization.models import Instansi
from simasn.personnel import services
from simasn.personnel.models import EducationLevel, Employee, MaritalStatus, Religion
from simasn.positions.models import Position
from simasn.site.demo.organization import INSTANSI
from simasn.site.demo_support import nik, rng
from simasn.testing.nip import pns_nip, pppk_nip

RANK_BY_KIND = {
    PositionKind.JPT_UTAMA: ["IV/e"], PositionKind.JPT_MADYA: ["IV/d", "IV/e"],
    PositionKind.JPT_PRATAMA: ["IV/c", "IV/d"], PositionKind.ADMINISTRATOR: ["IV/a", "IV/b"],
    PositionKind.PENGAWAS: ["III/c", "III/d"], PositionKind.FUNGSIONAL: ["III/a", "III/b", "III/c", "III/d", "IV/a"],
    PositionKind.PELAKSANA: ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b"],
}
PPPK_GRADES = ["V", "VII", "IX", "X", "XI"]
TITLES_BACK = ["S.Kom.", "S.E.", "S.H.", "S.Pd.", "S.Sos.", "M.Si.", "M.M.", "S.T.", "A.Md."]
REGIONS = {code: region for code, _n, _k, _p, region in INSTANSI}


def seed(*, actor: User, stdout: Any) -> None:
    if Employee.objects.count() >= 250:
        return
    fake = Faker("id_ID")
    fake.seed_instance(2023)
    r = rng("personnel")
    today = timezone.localdate()
    sequence = 0
    for instansi in Instansi.objects.order_by("code"):
        region = REGIONS.get(instansi.code, "317101")
        for position in Position.objects.filter(instansi=instansi).order_by("code"):
            if position.code == "JPT-DEP":
                continue  # left vacant: the President's demo case appoints to it (demo/actions.py)
            kind = PositionKind(position.kind)
            fill = min(position.seats, 2 if kind == PositionKind.FUNGSIONAL else position.seats)
            if kind == PositionKind.PELAKSANA:
                fill = max(1, position.seats - 3)
            for slot in range(fill):
                sequence += 1
                sex = r.choice(["L", "P"])
                as_pppk = position.open_to_pppk and slot % 3 == 2
                # Spread ages; a few employees per instansi reach BUP within the next year.
                if slot == 0 and kind in (PositionKind.ADMINISTRATOR, PositionKind.PENGAWAS, PositionKind.PELAKSANA):
                    birth = dt.date(today.year - 58, r.randint(1, 12), r.randint(1, 28))
                else:
                    birth = dt.date(r.randint(1968, 1998), r.randint(1, 12), r.randint(1, 28))
                first = fake.first_name_male() if sex == "L" else fake.first_name_female()
                name = f"{first} {fake.last_name()}"
                data: dict[str, Any] = {
                    "instansi_id": instansi.pk, "unit_id": position.unit_id, "position_id": position.pk,
                    "name": name, "back_title": r.choice(TITLES_BACK), "birth_date": birth,
                    "birth_place": fake.city_name(), "sex": sex,
                    "nik": nik(r, region, birth, sex),
                    "religion": r.choices(list(Religion.values), weights=[87, 7, 3, 2, 1, 0.5, 0.5])[0],
                    "marital_status": r.choice(list(MaritalStatus.values)),
                    "home_address": fake.street_address() + ", " + fake.city_name(),
                    "education_level": r.choice([EducationLevel.S1, EducationLevel.S2, EducationLevel.D3]),
                    "education_major": r.choice(["Administrasi Publik", "Ilmu Hukum", "Manajemen",
                                                 "Pendidikan", "Kedokteran", "Teknik Informatika"]),
                    "email": f"{first.lower()}.{sequence}@contoh.go.id",
                }
                if as_pppk:
                    start = dt.date(r.choice([2022, 2023, 2024]), 4, 1)
                    years = r.choice([1, 2, 5])
                    data.update({
                        "employee_type": EmployeeType.PPPK.value, "contract_start": start,
                        "contract_end": dt.date(start.year + years, 3, 31), "rank": r.choice(PPPK_GRADES),
                        "nip": pppk_nip(birth, start, sex, sequence),
                    })
                else:
                    earliest = max(birth.year + 21, 1990)
                    tmt = dt.date(r.randint(earliest, max(earliest, 2021)), r.choice([1, 3, 4]), 1)
                    data.update({
                        "employee_type": EmployeeType.PNS.value, "tmt_cpns": tmt,
                        "tmt_pns": dt.date(tmt.year + 1, tmt.month, 1), "rank": r.choice(RANK_BY_KIND[kind]),
                        "nip": pns_nip(birth, tmt, sex, sequence),
                    })
                if Employee.objects.filter(nip=data["nip"]).exists():
                    continue
                services.employee_create(actor=actor, interface=Interface.CLI, data=data)
