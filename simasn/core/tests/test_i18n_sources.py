"""Every user-facing string of the code and templates is in an English catalogue, and the
catalogues' source strings are Indonesian (issue 12 item 14).

The strings are extracted the way `makemessages` does (xgettext over the Python files,
Django's `templatize` for templates), into this test's own directory, and compared with the
msgids of every English catalogue (Django merges them all at run time)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils.translation.template import templatize

from simasn.core.tests.test_i18n import CATALOGUES, ROOT, _entries

SOURCES = ROOT  # the simasn package
SKIP_PARTS = {"tests", "migrations", "testing", "node_modules", "__pycache__"}
KEYWORDS = ["-k_", "-kgettext", "-kgettext_lazy", "-kngettext:1,2", "-kngettext_lazy:1,2", "-kpgettext:1c,2",
            "-kpgettext_lazy:1c,2", "-knpgettext:1c,2,3", "-knpgettext_lazy:1c,2,3", "-kgettext_noop"]


def _sources(suffix: str) -> list[Path]:
    return sorted(p for p in SOURCES.rglob(f"*{suffix}") if not SKIP_PARTS & set(p.relative_to(SOURCES).parts))


def _msgids(pot: Path, templates: dict[str, Path]) -> dict[str, set[str]]:
    """msgid (as gettext keys it) -> the apps (first folder under simasn/) that use it."""
    found: dict[str, set[str]] = {}
    for block in pot.read_text(encoding="utf-8").split("\n\n") if pot.exists() else []:
        refs = [ref.rsplit(":", 1)[0] for line in block.splitlines() if line.startswith("#: ")
                for ref in line[3:].split()]
        apps = set()
        for ref in refs:
            path = templates.get(ref, Path(ref))
            parts = path.resolve().relative_to(SOURCES).parts
            apps.add(parts[0] if len(parts) > 1 else "")
        for key, _strs, _fuzzy in _entries_of(block):
            found.setdefault(key, set()).update(apps)
    return found


def _entries_of(block: str) -> list[tuple[str, list[str], bool]]:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".po", encoding="utf-8", delete=False) as handle:
        handle.write(block)
    try:
        return _entries(Path(handle.name))
    finally:
        Path(handle.name).unlink()


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    if not shutil.which("xgettext"):
        pytest.fail("xgettext (GNU gettext) is needed, as for makemessages")
    work = tmp_path_factory.mktemp("i18n")
    templated: dict[str, Path] = {}
    for index, template in enumerate(_sources(".html")):
        out = work / f"t{index}.py"
        out.write_text(templatize(template.read_text(encoding="utf-8"), origin=str(template)), encoding="utf-8")
        templated[str(out)] = template
    files = work / "files.txt"
    files.write_text("\n".join(str(p) for p in [*_sources(".py"), *map(Path, templated)]), encoding="utf-8")
    pot = work / "all.pot"
    subprocess.run(["xgettext", "--language=Python", "--from-code=UTF-8", "--no-wrap", "--sort-output",
                    *KEYWORDS, "-f", str(files), "-o", str(pot)], check=True, capture_output=True)
    return _msgids(pot, templated)


def _missing(extracted: dict[str, set[str]]) -> dict[str, set[str]]:
    translated = set().union(*({key for key, strs, _ in _entries(po) if all(strs)} for po in CATALOGUES))
    return {msgid: apps for msgid, apps in extracted.items() if msgid not in translated}


def test_every_string_in_code_and_templates_has_an_english_translation(extracted: dict[str, set[str]]) -> None:
    missing = sorted(_missing(extracted))
    assert not missing, f"{len(missing)} strings have no English translation (makemessages + fill msgstr): " \
                        f"{missing[:15]}"


ENGLISH_WORDS = {"the", "of", "and", "is", "are", "with", "for", "not", "this", "that", "from", "to", "has", "have",
                 "will", "be", "by", "an", "which", "should", "must", "cannot", "only", "when", "was", "were"}


def english_like(msgid: str) -> bool:
    """A string of ordinary words with two or more English function words is English."""
    words = re.findall(r"[a-z]+", re.sub(r"%\(\w+\)s|\{[^}]*\}|<[^>]*>", " ", msgid.lower()))
    return len([w for w in words if w in ENGLISH_WORDS]) >= 2


def test_english_is_told_from_indonesian() -> None:
    assert english_like("The NIK is not valid for this record")
    assert not english_like("NIK tidak sah untuk data ini")
    assert not english_like("PNS dan PPPK — %(name)s")


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_source_strings_are_indonesian(po: Path) -> None:
    """A msgid is the Indonesian text; English written as the source would show in the
    Indonesian UI untranslated."""
    english = [msgid for msgid, _strs, _ in _entries(po) if english_like(msgid)]
    assert not english, f"English source strings in {po}: {english[:10]}"
