"""The words of the appointment SK of a selected applicant (Tata Naskah Dinas), handed to the
personnel-action register (provider ``actions.record_appointment``), which adds the heading,
Mengingat, the signature block and the verification line. Indonesian whatever the reader's
language: a decree has one text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.law.enums import EmployeeType
from simasn.law.rules._support import fmt_date_id
from simasn.procurement.models import AnnouncementKind, Application


def appointment_words(application: Application, *, nip: str, tmt: dt.date,
                      contract_end: dt.date | None) -> dict[str, Any]:
    applicant = application.applicant
    vacancy = application.vacancy
    period = application.period
    final = (application.period.announcements.filter(instansi_id=vacancy.instansi_id, kind=AnnouncementKind.FINAL)
             .order_by("-version").first())
    announced = (f" sebagaimana diumumkan dengan Pengumuman Nomor {final.number} tanggal "
                 f"{fmt_date_id(final.announced_on)}") if final else ""
    formasi = f"formasi {vacancy.get_formasi_type_display()} jabatan {vacancy.position.name}"
    decided = vacancy.formasi_decision or (f"penetapan kebutuhan tanggal {fmt_date_id(vacancy.formasi_decided_on)}"
                                           if vacancy.formasi_decided_on else "penetapan kebutuhan")
    if period.employee_type == EmployeeType.PNS:
        subject = "Pengangkatan Calon Pegawai Negeri Sipil"
        verb = f"Mengangkat sebagai Calon Pegawai Negeri Sipil terhitung mulai tanggal {fmt_date_id(tmt)}"
        dicta = [f"Kepada yang bersangkutan diberikan Nomor Induk Pegawai {nip}.",
                 "Kepada yang bersangkutan diberikan gaji dan hak lainnya sesuai dengan ketentuan peraturan "
                 "perundang-undangan."]
    else:
        assert contract_end is not None
        subject = "Pengangkatan Pegawai Pemerintah dengan Perjanjian Kerja"
        verb = (f"Mengangkat sebagai Pegawai Pemerintah dengan Perjanjian Kerja untuk masa perjanjian kerja "
                f"terhitung mulai tanggal {fmt_date_id(tmt)} sampai dengan tanggal {fmt_date_id(contract_end)}")
        dicta = [f"Kepada yang bersangkutan diberikan nomor induk PPPK {nip}.",
                 "Hak dan kewajiban yang bersangkutan dituangkan dalam perjanjian kerja yang ditandatangani "
                 "sebelum tanggal mulai perjanjian kerja.",
                 "Kepada yang bersangkutan diberikan gaji dan tunjangan sesuai dengan ketentuan peraturan "
                 "perundang-undangan."]
    menimbang = [
        f"bahwa berdasarkan hasil {period.name}{announced}, Saudara {applicant.name} dinyatakan lulus pada "
        f"{formasi} yang telah ditetapkan dengan {decided};",
        f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan tentang "
        f"{subject};",
    ]
    return {"subject": subject, "verb": verb, "menimbang": menimbang, "dicta": dicta}
