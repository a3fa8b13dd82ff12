from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from simasn.accounts.models import User
from simasn.organization import selectors as org_selectors
from simasn.positions.models import POSITION_KIND_CHOICES, Position
from simasn.web.pages import archived_filter, limit_choices


class PositionForm(forms.ModelForm):
    def __init__(self, *args: Any, viewer: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "instansi", org_selectors.instansi_list(viewer=viewer))
        limit_choices(self, "unit", org_selectors.unit_list(viewer=viewer))
        if self.instance.pk:
            self.fields["instansi"].disabled = True

    class Meta:
        model = Position
        fields = ["instansi", "unit", "code", "name", "kind", "functional_family", "functional_level",
                  "open_to_pppk", "open_to_tni_polri", "seats", "is_active"]


class PositionFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau kode"), required=False)
    kind = forms.ChoiceField(label=_("Jenis jabatan"), required=False,
                             choices=[("", _("Semua jenis")), *POSITION_KIND_CHOICES])
    vacant = forms.ChoiceField(label=_("Keterisian"), required=False, choices=[
        ("", _("Semua")), ("1", _("Lowong")), ("0", _("Terisi"))])
    include_archived = archived_filter()
