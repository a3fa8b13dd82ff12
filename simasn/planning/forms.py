"""Forms of the planning screens: they check the shape; the services decide."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from simasn.law import pns_ranks, pppk_grades
from simasn.law.enums import EmployeeType, FormasiType
from simasn.planning.models import FORMASI_TYPE_CHOICES, NeedsPlan, NeedsPolicy
from simasn.positions.models import Position
from simasn.web.fields import DateInput, RupiahField

SPECIAL_FORMASI_CHOICES = [c for c in FORMASI_TYPE_CHOICES if c[0] != FormasiType.UMUM.value]


def formasi_label(code: str) -> str:
    return dict(FORMASI_TYPE_CHOICES).get(code, code)


class PolicyForm(forms.Form):
    fiscal_year = forms.IntegerField(label=_("Tahun anggaran"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Judul"), max_length=250)
    basis = forms.CharField(label=_("Dasar: prioritas nasional (RPJMN) dan kemampuan keuangan negara"),
                            widget=forms.Textarea(attrs={"rows": 3}))
    pns_share_percent = forms.IntegerField(label=_("Porsi PNS (%)"), min_value=0, max_value=100,
                                           help_text=_("Sisanya porsi PPPK."))
    national_target = forms.IntegerField(label=_("Target nasional formasi"), min_value=0, required=False)


class PolicyEditForm(PolicyForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["fiscal_year"]


class PriorityForm(forms.Form):
    job_family = forms.SlugField(label=_("Kode rumpun jabatan"), max_length=40,
                                 help_text=_("Huruf kecil tanpa spasi, misalnya guru, kesehatan, digital."))
    name = forms.CharField(label=_("Rumpun jabatan prioritas"), max_length=200)
    target = forms.IntegerField(label=_("Target nasional"), min_value=0)
    note = forms.CharField(label=_("Catatan"), max_length=300, required=False)


class FormasiTypeForm(forms.Form):
    formasi_type = forms.ChoiceField(label=_("Jenis formasi khusus"), choices=SPECIAL_FORMASI_CHOICES)
    target = forms.IntegerField(label=_("Target nasional"), min_value=0, required=False)
    note = forms.CharField(label=_("Catatan"), max_length=300, required=False)


class NoteForm(forms.Form):
    change_note = forms.CharField(label=_("Perubahan kebijakan"), widget=forms.Textarea(attrs={"rows": 2}))


class PlanForm(forms.Form):
    fiscal_year = forms.IntegerField(label=_("Tahun anggaran"), min_value=2000, max_value=2100)
    # Typed the Indonesian way, "1.500.000.000" (an <input type=number> refused it: issue 12 item 6).
    budget_ceiling = RupiahField(label=_("Pagu belanja gaji pegawai baru (Rp/tahun)"), max_value=10**18 - 1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fiscal_year"].initial = timezone.localdate().year + 1


class CeilingForm(forms.Form):
    # Typed the Indonesian way, "1.500.000.000" (an <input type=number> refused it: issue 12 item 6).
    budget_ceiling = RupiahField(label=_("Pagu belanja gaji pegawai baru (Rp/tahun)"), max_value=10**18 - 1)


class LineForm(forms.Form):
    position: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Jabatan"), queryset=Position.objects.none())
    workload_hours = forms.DecimalField(label=_("Beban kerja setahun (jam), hasil ABK"), min_value=0,
                                        max_digits=12, decimal_places=2)
    job_family = forms.ChoiceField(label=_("Rumpun jabatan"))

    def __init__(self, *args: Any, plan: NeedsPlan, positions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["position"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = positions
        families = self.fields["job_family"]
        assert isinstance(families, forms.ChoiceField)
        families.choices = [*((p.job_family, p.name) for p in plan.policy.priorities.all()),
                            ("lainnya", _("Lainnya (bukan prioritas nasional)"))]


def rank_choices(on: dt.date) -> list[tuple[str, list[tuple[str, str]]]]:
    return [
        (EmployeeType.PNS.value, [(str(r["code"]), f"{r['code']} {r.get('pangkat', '')}".strip()) for r in pns_ranks(on)]),
        (EmployeeType.PPPK.value, [(str(g["code"]), f"{EmployeeType.PPPK} {g['code']}") for g in pppk_grades(on)]),
    ]


class ProposalForm(forms.Form):
    line = forms.TypedChoiceField(label=_("Jabatan"), coerce=int)
    employee_type = forms.ChoiceField(label=_("Jenis pegawai"), choices=[(t.value, t.value) for t in EmployeeType])
    formasi_type = forms.ChoiceField(label=_("Jenis formasi"))
    proposed_count = forms.IntegerField(label=_("Jumlah"), min_value=0,
                                        help_text=_("0 menghapus usulan jenis ini."))
    entry_rank = forms.ChoiceField(label=_("Golongan awal (untuk biaya gaji pokok)"))

    def __init__(self, *args: Any, policy: NeedsPolicy, on: dt.date, lines: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        line = self.fields["line"]
        assert isinstance(line, forms.ChoiceField)
        line.choices = [(ln.pk, f"{ln.position.name} ({_('kekurangan')} {ln.gap})") for ln in lines]
        opened = [FormasiType.UMUM.value, *policy.formasi_types.values_list("formasi_type", flat=True)]
        formasi = self.fields["formasi_type"]
        assert isinstance(formasi, forms.ChoiceField)
        formasi.choices = [(code, formasi_label(code)) for code in opened]
        rank = self.fields["entry_rank"]
        assert isinstance(rank, forms.ChoiceField)
        rank.choices = rank_choices(on)


class ReviewForm(forms.Form):
    proposal = forms.IntegerField(widget=forms.HiddenInput)
    approved_count = forms.IntegerField(label=_("Jumlah ditetapkan"), min_value=0)
    review_note = forms.CharField(label=_("Catatan"), max_length=300, required=False)


class DecideForm(forms.Form):
    decision_number = forms.CharField(label=_("Nomor keputusan"), max_length=100)
    decision_date = forms.DateField(label=_("Tanggal keputusan"), widget=DateInput())
    signer = forms.CharField(label=_("Nama penandatangan"), max_length=200,
                             help_text=_("Menteri PANRB atau pejabat yang diberi wewenang."))


class PlanFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari instansi"), required=False)
    fiscal_year = forms.IntegerField(label=_("Tahun anggaran"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Semua")), *NeedsPlan.Status.choices])


class YearForm(forms.Form):
    fiscal_year = forms.IntegerField(label=_("Tahun anggaran"), min_value=2000, max_value=2100)
