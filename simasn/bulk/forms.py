from django import forms
from django.utils.translation import gettext_lazy as _


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas data pegawai (CSV atau XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
        help_text=_("Susunan kolom: lihat templat. Baris yang NIP-nya sudah terdaftar dilewati."),
    )
