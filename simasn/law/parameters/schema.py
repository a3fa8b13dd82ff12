"""The shapes of the input: a YAML file of parameters, one version, one override entry, and
a legal reference (validated with pydantic; unknown fields are refused)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Reference(BaseModel):
    """Where a value comes from: regulation, article, paragraph, letter, link."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    regulation: str
    article: str | None = None
    ayat: str | None = None
    huruf: str | None = None
    angka: str | None = None
    penjelasan: bool = False
    lampiran: str | None = None
    title: str | None = None
    url: str | None = None
    note: str | None = None
    needs_legal_review: bool = False

    @field_validator("article", "ayat", "huruf", "angka", "lampiran", mode="before")
    @classmethod
    def _as_text(cls, raw: Any) -> Any:
        return None if raw is None else str(raw)

    def cite(self) -> str:
        """The citation as the system prints it: ``UU 20/2023 Pasal 52 ayat (3) huruf g``."""
        parts = [self.regulation]
        if self.penjelasan:
            parts.append("Penjelasan")
        if self.article:
            parts.append(f"Pasal {self.article}")
        if self.ayat:
            parts.append(f"ayat ({self.ayat})")
        if self.huruf:
            parts.append(f"huruf {self.huruf}")
        if self.angka:
            parts.append(f"angka {self.angka}")
        if self.lampiran is not None:
            # An empty lampiran cites the attachment without a number ("Lampiran").
            parts.append(f"Lampiran {self.lampiran}".strip())
        return " ".join(parts)


class VersionIn(BaseModel):
    """One version as written in YAML (or returned by an override source)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    start: dt.date = Field(alias="from")
    until: dt.date | None = None
    value: Any
    reference: Reference
    references_by_key: dict[str, Reference] = Field(default_factory=dict)
    last_verified_on: dt.date | None = None


class ParameterIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str
    description_id: str | None = None  # the description in Indonesian, for the Indonesian UI
    label_id: str | None = None
    label_en: str | None = None
    keyed_by: str | None = None
    unit: str | None = None
    values: list[VersionIn]


class FileIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    parameters: list[ParameterIn]


class OverrideIn(VersionIn):
    name: str
    source_id: str | None = None
