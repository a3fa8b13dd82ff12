"""The UI speaks Indonesian first with a complete English translation: every English
catalogue in the project is fully translated, not fuzzy, and compiled."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("**/locale/en/LC_MESSAGES/django.po"))


def _entries(po: Path) -> list[tuple[str, list[str], bool]]:
    """(msgid, msgstrs, fuzzy) for every entry except the header; an entry with a
    context is keyed as gettext keys it, "context\x04msgid"."""
    entries: list[tuple[str, list[str], bool]] = []
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.strip().splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid") for line in lines):
            continue
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields: dict[str, str] = {}
        current = None
        for line in lines:
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid", "") == "":
            continue
        key = f"{fields['msgctxt']}\x04{fields['msgid']}" if "msgctxt" in fields else fields["msgid"]
        entries.append((key, [v for k, v in fields.items() if k.startswith("msgstr")], fuzzy))
    return entries


def test_there_are_english_catalogues() -> None:
    assert any(p.parts[-5] == "simasn" for p in CATALOGUES), CATALOGUES


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_string_is_translated_and_compiled(po: Path) -> None:
    entries = _entries(po)
    untranslated = [msgid for msgid, strs, _ in entries if not all(strs)]
    fuzzy = [msgid for msgid, _, is_fuzzy in entries if is_fuzzy]
    assert not untranslated, f"untranslated in {po}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {po}: {fuzzy[:10]}"
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run compilemessages"
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [msgid for msgid, strs, _ in entries if "\\" not in msgid and '"' not in msgid
             and compiled.gettext(msgid) != strs[0] and len(strs) == 1]
    assert not stale, f"{mo} is older than its .po: run compilemessages ({stale[:5]})"
