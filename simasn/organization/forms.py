from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from simasn.accounts.models import User
from simasn.organization import selectors
from simasn.organization.models import INSTANSI_KIND_CHOICES, Instansi, Official, Unit
from simasn.web.pages import archived_filter, limit_choices


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class InstansiForm(forms.ModelForm):
    class Meta:
        model = Instansi
        fields = ["code", "name", "kind", "province", "address", "valid_from", "valid_until"]
        widgets = {"valid_from": DateInput(), "valid_until": DateInput()}


class UnitForm(forms.ModelForm):
    def __init__(self, *args: Any, viewer: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "instansi", selectors.instansi_list(viewer=viewer))
        limit_choices(self, "parent", selectors.unit_list(viewer=viewer))
        if self.instance.pk:
            self.fields["instansi"].disabled = True

    class Meta:
        model = Unit
        fields = ["instansi", "parent", "code", "name", "is_secretariat"]


class OfficialForm(forms.ModelForm):
    def __init__(self, *args: Any, viewer: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "instansi", selectors.instansi_list(viewer=viewer))
        if self.instance.pk:
            self.fields["instansi"].disabled = True
            self.fields["role"].disabled = True

    class Meta:
        model = Official
        fields = ["instansi", "role", "person_name", "title", "valid_from", "valid_until"]
        widgets = {"valid_from": DateInput(), "valid_until": DateInput()}


class InstansiFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau kode"), required=False)
    kind = forms.ChoiceField(label=_("Jenis"), required=False,
                             choices=[("", _("Semua jenis")), *INSTANSI_KIND_CHOICES])
    include_archived = archived_filter()


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False)
    include_archived = archived_filter()
