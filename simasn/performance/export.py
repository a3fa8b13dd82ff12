"""The ratings exchange format other national systems take in (docs/performance.md):
one row per final or provisional annual rating, codes as in the law's performance rules."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from simasn.performance.models import Rating

FORMAT = "simasn.performance.ratings/1"

COLUMNS: list[Any] = [
    (_("Tahun"), lambda r: r.plan.period.year),
    (_("NIP"), lambda r: r.plan.employee.nip),
    (_("Nama"), lambda r: r.plan.employee.name),
    (_("Kode instansi"), lambda r: r.plan.instansi.code),
    (_("Unit kerja"), lambda r: r.plan.unit.name),
    (_("Jabatan"), lambda r: r.plan.position.name),
    (_("Mulai"), lambda r: r.plan.start_date.isoformat()),
    (_("Sampai"), lambda r: r.plan.end_date.isoformat()),
    (_("Hasil kerja"), lambda r: r.work_result_rating),
    (_("Perilaku kerja"), lambda r: r.behaviour_rating),
    (_("Predikat"), lambda r: r.predikat),
    (_("Predikat menurut matriks"), lambda r: r.computed_predikat),
    (_("Final"), lambda r: "YA" if r.is_final else "TIDAK"),
]


def exchange_document(qs: QuerySet[Rating]) -> dict[str, Any]:
    return {"format": FORMAT, "ratings": [{
        "year": r.plan.period.year, "nip": r.plan.employee.nip, "instansi_code": r.plan.instansi.code,
        "unit": r.plan.unit.name, "position": r.plan.position.name, "start": r.plan.start_date.isoformat(),
        "end": r.plan.end_date.isoformat(), "hasil_kerja": r.work_result_rating, "perilaku": r.behaviour_rating,
        "predikat": r.predikat, "computed_predikat": r.computed_predikat, "final": r.is_final,
        "citations": r.citations} for r in qs[:50000]]}
