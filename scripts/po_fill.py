"""Fill English translations into a Django .po file from a JSON {msgid: msgstr} map.

Usage: python scripts/po_fill.py path/to/django.po translations.json
Only empty (or fuzzy) entries are filled; the fuzzy flag is dropped on filled entries.
Prints what is still untranslated.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def _unquote(lines: list[str]) -> str:
    return "".join(json.loads(line[line.index('"'):]) for line in lines if '"' in line)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def fill(po_path: Path, mapping: dict[str, str]) -> list[str]:
    blocks = po_path.read_text(encoding="utf-8").split("\n\n")
    missing: list[str] = []
    for index, block in enumerate(blocks):
        lines = block.split("\n")
        try:
            start = next(i for i, line in enumerate(lines) if line.startswith("msgid "))
            stop = next(i for i, line in enumerate(lines) if line.startswith("msgstr"))
        except StopIteration:
            continue
        plural = next((i for i, line in enumerate(lines) if line.startswith("msgid_plural")), stop)
        if plural != stop:
            continue  # plural entries are translated by hand
        msgid = _unquote(lines[start:stop])
        if not msgid:
            continue
        msgstr = _unquote(lines[stop:])
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        if msgstr and not fuzzy:
            continue
        if msgid in mapping:
            head = [re.sub(r",? fuzzy", "", line) if line.startswith("#,") else line for line in lines[:stop]]
            head = [line for line in head if line.strip() != "#,"]
            blocks[index] = "\n".join([*head, f"msgstr {_quote(mapping[msgid])}"])
        else:
            missing.append(msgid)
    po_path.write_text("\n\n".join(blocks), encoding="utf-8")
    return missing


if __name__ == "__main__":
    left = fill(Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))
    for msgid in left:
        print("untranslated:", msgid)
