"""The glossary of ASN work-plan terms: the YAML seed merged with administrators' versions.

The seed (`glossary.yaml` beside this module) is read once; rows of
`workplans.GlossaryEntryVersion` are laid over it at run time, the latest row of an entry id
winning (a row may retire an entry). Nothing here is tuned on labelled pairs: every entry
names the regulation or official document it comes from.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SEED_PATH = Path(__file__).with_name("glossary.yaml")

KINDS = ("abbreviation", "former_name", "synonyms", "contrast", "own_institution", "scope_national", "institution")
STRENGTHS = ("strict", "soft")


class GlossaryError(ValueError):
    """An entry that cannot be used (unknown kind, no terms, a contrast with one member...)."""


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    verified: bool
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    terms: tuple[str, ...] = ()
    means: str = ""
    members: tuple[tuple[str, ...], ...] = ()
    dimension: str = ""
    strength: str = "strict"
    source: str = ""
    article: str = ""
    note: str = ""
    #: Where this version comes from: "seed" or the id of the database row.
    origin: str = "seed"

    @property
    def canonical(self) -> str:
        """What the entry's terms are rewritten to."""
        if self.kind in ("abbreviation", "former_name", "institution"):
            return self.means
        return self.terms[0] if self.terms else ""

    def reason(self, surface: str) -> str:
        """The explanation shown beside a matched pair, e.g. "PKA = Pelatihan Kepemimpinan Administrator"."""
        if self.kind in ("abbreviation", "institution"):
            return f"{surface} = {self.means}"
        if self.kind == "former_name":
            return f"{surface} → {self.means}"
        if self.kind == "synonyms":
            return f"{surface} ≈ {self.canonical}"
        return surface


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Entry, ...]
    sources: Mapping[str, Source] = field(default_factory=dict)

    @property
    def version(self) -> str:
        """A short fingerprint of the entries in force (shown with the model version)."""
        payload = json.dumps([entry_to_data(e) for e in self.entries], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:12]

    def of_kind(self, *kinds: str) -> list[Entry]:
        return [e for e in self.entries if e.kind in kinds]

    def get(self, entry_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def source_of(self, entry: Entry) -> Source | None:
        return self.sources.get(entry.source)


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise GlossaryError(f"{what} must be a list of words")
    return tuple(str(v).strip() for v in value if str(v).strip())


def entry_from_data(data: Mapping[str, Any], *, origin: str = "seed") -> Entry:
    """Validate one entry (a YAML mapping or a database row's data)."""
    entry_id = str(data.get("id") or "").strip()
    kind = str(data.get("kind") or "")
    if not entry_id:
        raise GlossaryError("id is required")
    if kind not in KINDS:
        raise GlossaryError(f"{entry_id}: unknown kind {kind!r}")
    members = tuple(_strings(m, f"{entry_id}: members") for m in (data.get("members") or ()))
    entry = Entry(
        id=entry_id, kind=kind, terms=_strings(data.get("terms"), f"{entry_id}: terms"),
        means=str(data.get("means") or "").strip(), members=tuple(m for m in members if m),
        dimension=str(data.get("dimension") or "").strip(), strength=str(data.get("strength") or "strict"),
        source=str(data.get("source") or "").strip(), article=str(data.get("article") or "").strip(),
        note=str(data.get("note") or "").strip(), origin=origin,
    )
    if entry.kind == "contrast":
        if len(entry.members) < 2:
            raise GlossaryError(f"{entry_id}: a contrast needs at least two members")
        if entry.strength not in STRENGTHS:
            raise GlossaryError(f"{entry_id}: strength is strict or soft")
    elif not entry.terms:
        raise GlossaryError(f"{entry_id}: terms are required")
    if entry.kind in ("abbreviation", "former_name", "institution") and not entry.means:
        raise GlossaryError(f"{entry_id}: 'means' is required for {entry.kind}")
    return entry


def entry_to_data(entry: Entry) -> dict[str, Any]:
    data: dict[str, Any] = {"id": entry.id, "kind": entry.kind}
    if entry.terms:
        data["terms"] = list(entry.terms)
    if entry.means:
        data["means"] = entry.means
    if entry.members:
        data["members"] = [list(m) for m in entry.members]
        data["dimension"] = entry.dimension
        data["strength"] = entry.strength
    for key in ("source", "article", "note"):
        if getattr(entry, key):
            data[key] = getattr(entry, key)
    return data


@lru_cache(maxsize=1)
def seed() -> Glossary:
    raw = yaml.safe_load(SEED_PATH.read_text(encoding="utf-8"))
    sources = {key: Source(key=key, title=str(v.get("title", "")), verified=bool(v.get("verified")),
                           url=str(v.get("url", "")), note=str(v.get("note", "")))
               for key, v in (raw.get("sources") or {}).items()}
    entries = tuple(entry_from_data(item) for item in raw.get("entries") or ())
    ids = [e.id for e in entries]
    if len(ids) != len(set(ids)):
        raise GlossaryError("duplicate entry ids in the seed")
    unknown = sorted({e.source for e in entries if e.source not in sources})
    if unknown:
        raise GlossaryError(f"entries cite unknown sources: {unknown}")
    return Glossary(entries=entries, sources=sources)


def merged(overrides: Iterable[tuple[str, Entry | None, Source | None]]) -> Glossary:
    """The seed with `(entry id, entry or None to retire, its source)` applied in order."""
    base = seed()
    entries = {e.id: e for e in base.entries}
    sources = dict(base.sources)
    for entry_id, entry, source in overrides:
        if entry is None:
            entries.pop(entry_id, None)
            continue
        if source is not None:
            sources[source.key] = source
        entries[entry_id] = entry
    return Glossary(entries=tuple(entries.values()), sources=sources)
