"""Models of the overlap detector: glossary versions, labelled pairs from meetings, and the
trained detector's versions (issue 13).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import TimeStampedModel


class GlossaryEntryVersion(TimeStampedModel):
    """An administrator's version of a glossary entry, laid over the YAML seed.

    Rows are never edited or deleted: a correction is a newer version of the same
    `entry_key`; `retired` removes the entry from the glossary in force.
    """

    entry_key = models.CharField(_("kode entri"), max_length=80, db_index=True)
    retired = models.BooleanField(_("dicabut"), default=False)
    #: The entry as the seed writes it: kind, terms, means, members, dimension, strength, article, note.
    data = models.JSONField(_("isi entri"), default=dict)
    source_title = models.CharField(_("sumber (peraturan atau dokumen resmi)"), max_length=300)
    source_url = models.URLField(_("tautan sumber"), max_length=500, blank=True)
    verified = models.BooleanField(_("teks sumber sudah dibaca"), default=False)
    reason = models.TextField(_("alasan"))

    class Meta:
        ordering = ["entry_key", "id"]
        verbose_name = _("versi entri glosarium")
        verbose_name_plural = _("versi entri glosarium")

    def __str__(self) -> str:
        return f"{self.entry_key} #{self.pk}"


class LabelledPair(TimeStampedModel):
    """A pair of activities the meeting labelled: a decision on a proposed pair (PermenRK
    Pasal 5 ayat (5)) or a participant's mark ("juga tumpang tindih" / "bukan tumpang tindih").
    The texts are kept as they were when labelled; the latest label of a pair and origin wins."""

    class Origin(models.TextChoices):
        DECISION = "DECISION", _("Keputusan pertemuan")
        MARK = "MARK", _("Tanda peserta")

    cycle = models.ForeignKey("workplans.Cycle", on_delete=models.PROTECT, related_name="labelled_pairs")
    activity_a = models.ForeignKey("workplans.Activity", on_delete=models.PROTECT, related_name="+")
    activity_b = models.ForeignKey("workplans.Activity", on_delete=models.PROTECT, related_name="+")
    text_a = models.CharField(_("kegiatan A"), max_length=400)
    text_b = models.CharField(_("kegiatan B"), max_length=400)
    institution_a = models.CharField(max_length=30)
    institution_b = models.CharField(max_length=30)
    #: The units the two targets were counted in when labelled (the detector reads them since
    #: round 16, docs/adr/0027); empty on pairs labelled before.
    unit_a = models.CharField(_("satuan A"), max_length=50, blank=True, default="")
    unit_b = models.CharField(_("satuan B"), max_length=50, blank=True, default="")
    is_overlap = models.BooleanField(_("tumpang tindih"))
    origin = models.CharField(_("asal label"), max_length=10, choices=Origin.choices)
    decision = models.CharField(_("keputusan"), max_length=5, blank=True)
    note = models.CharField(_("catatan"), max_length=400, blank=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("pasangan berlabel")
        verbose_name_plural = _("pasangan berlabel")
        constraints = [models.UniqueConstraint(fields=["activity_a", "activity_b", "origin"], name="wp_label_once")]

    def __str__(self) -> str:
        return f"{self.activity_a_id}~{self.activity_b_id} {self.is_overlap}"


class DetectorModel(TimeStampedModel):
    """A trained version of the overlap detector; its JSON file is kept through the storage
    API. The newest version is the one in force."""

    version = models.PositiveIntegerField(_("versi"), unique=True)
    file = models.FileField(upload_to="workplans/detector/")
    sha256 = models.CharField(max_length=64)
    glossary_version = models.CharField(_("versi glosarium"), max_length=20)
    threshold = models.FloatField(_("ambang"))
    trained_on = models.JSONField(_("data latih"), default=dict)
    cv = models.JSONField(_("validasi silang"), default=dict)
    note = models.CharField(_("catatan"), max_length=400, blank=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("versi model deteksi tumpang tindih")
        verbose_name_plural = _("versi model deteksi tumpang tindih")

    def __str__(self) -> str:
        return f"v{self.version}"
