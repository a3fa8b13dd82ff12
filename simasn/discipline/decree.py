"""The words of a discipline decision as a decree (Tata Naskah Dinas): subject, the
considerations and the dicta, in Indonesian whatever the reader's language. The same words
are on the page /disiplin/<id>/keputusan/ and in the SK the personnel-action register stores
(provider ``actions.record_decree``), which adds the heading, Mengingat, the signature
block and the verification line."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from simasn.discipline import legal
from simasn.discipline.models import DisciplineCase
from simasn.law.rules._support import fmt_date_id


def decree_words(case: DisciplineCase) -> dict[str, Any]:
    with translation.override("id"):
        penalty = legal.penalty_label(case.penalty, on=case.decided_or_reported)
        breach = legal.breach_label(case.breach, on=case.reported_on) if case.breach else ""
        citation = legal.breach_citation(case.breach, on=case.reported_on) if case.breach else ""
        remedy = legal.remedy_view(legal.remedy_for(case, on=case.decided_on)) if case.decided_on else None
    level = (case.level or "").lower()
    subject = f"Penjatuhan Hukuman Disiplin Tingkat {level.title()} berupa {penalty}"
    examined = fmt_date_id(case.examined_on) if case.examined_on else ""
    menimbang = [
        f"bahwa berdasarkan hasil pemeriksaan sebagaimana dituangkan dalam berita acara pemeriksaan"
        f"{' tanggal ' + examined if examined else ''}, Saudara {case.employee.full_name} NIP {case.employee.nip} "
        f"terbukti melakukan pelanggaran terhadap ketentuan {citation}, yaitu {breach};",
        f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan "
        f"tentang {subject};",
    ]
    effect = ("Hukuman disiplin sebagaimana dimaksud dalam Diktum KESATU berlaku pada hari ke-15 (lima belas) "
              "terhitung sejak keputusan ini diterima oleh yang bersangkutan.")
    if remedy and remedy.get("route_label_id"):
        # A decree states the time limit as the law words it, never computed dates (the limit runs
        # from when the employee receives the decision) and never two readings: where the law
        # leaves the count open (the readings differ), the decree refers to the law and the case
        # page shows each reading with its legal-review flag.
        readings = {str(r["text"]) for r in remedy.get("readings") or []}
        when = (f" dalam jangka waktu paling lama {readings.pop()}" if len(readings) == 1
                else " dalam tenggang waktu sesuai dengan ketentuan peraturan perundang-undangan")
        remedy_text = (f"Terhadap keputusan ini yang bersangkutan dapat mengajukan {remedy['route_label_id']} "
                       f"kepada {remedy['body_label_id']}{when}.")
    else:
        remedy_text = ("Terhadap keputusan ini yang bersangkutan dapat menempuh upaya administratif sesuai "
                       "dengan ketentuan peraturan perundang-undangan.")
    return {"subject": subject, "verb": f"Menjatuhkan hukuman disiplin tingkat {level} berupa {penalty}",
            "menimbang": menimbang, "dicta": [effect, remedy_text]}
