"""The public portal (UU 20/2023 Pasal 37): open vacancies, searchable without an account."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _

from simasn.procurement import legal, selectors
from simasn.procurement.forms import PortalFilterForm
from simasn.procurement.models import DocumentType, Vacancy
from simasn.web.exports import Column
from simasn.web.pages import list_page


def _formasi_choices() -> list[tuple[str, str]]:
    # The labels of the latest year with open vacancies; codes are the law's own.
    years = sorted({v.period.fiscal_year for v in selectors.public_vacancy_list().select_related("period")[:200]})
    rows = legal.formasi_types(years[-1]) if years else []
    return [(row.code, row.label) for row in rows]


def portal(request: HttpRequest) -> HttpResponseBase:
    form = PortalFilterForm(request.GET or None, regions=selectors.public_regions(),
                            formasi_types=_formasi_choices())
    data = form.cleaned_data if form.is_valid() else {}
    qs = selectors.public_vacancy_list(
        q=data.get("q", ""), region=data.get("region", ""), education=data.get("education", ""),
        formasi_type=data.get("formasi_type", ""), employee_type=data.get("employee_type", ""))
    columns: list[Column] = [
        (_("Seleksi"), lambda v: v.period.name),
        (_("Instansi"), lambda v: v.instansi.name),
        (_("Wilayah"), lambda v: v.region),
        (_("Jabatan"), lambda v: v.position.name),
        (_("Jenis formasi"), lambda v: legal.formasi_label(v.formasi_type, v.period.fiscal_year)),
        (_("Jumlah kebutuhan"), lambda v: v.seats),
        (_("Kualifikasi pendidikan"), lambda v: v.education),
        (_("Pendaftaran ditutup"), lambda v: v.period.closes_on.isoformat()),
    ]
    return list_page(request, queryset=qs, template="procurement/portal.html", title=_("Lowongan ASN"),
                     columns=columns, export_name="lowongan-asn", filter_form=form,
                     export_object_type="procurement.vacancy", estimate_count=False)


def vacancy_public(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy: Vacancy = selectors.public_vacancy_get(pk=pk)
    labels = dict(DocumentType.choices)
    return render(request, "procurement/vacancy_public.html", {
        "title": vacancy.position.name, "vacancy": vacancy,
        "formasi_label": legal.formasi_label(vacancy.formasi_type, vacancy.period.fiscal_year),
        "documents": [labels.get(code, code) for code in vacancy.required_documents],
        "applicant": selectors.applicant_of(viewer=request.user) if request.user.is_authenticated else None,
    })
