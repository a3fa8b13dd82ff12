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


def _msgids(pot: Path) -> set[str]:
    return {key for key, _strs, _fuzzy in _entries(pot)} if pot.exists() else set()


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    if not shutil.which("xgettext"):
        pytest.fail("xgettext (GNU gettext) is needed, as for makemessages")
    work = tmp_path_factory.mktemp("i18n")
    templated = []
    for index, template in enumerate(_sources(".html")):
        out = work / f"t{index}.py"
        out.write_text(templatize(template.read_text(encoding="utf-8"), origin=str(template)), encoding="utf-8")
        templated.append(out)
    files = work / "files.txt"
    files.write_text("\n".join(str(p) for p in [*_sources(".py"), *templated]), encoding="utf-8")
    pot = work / "all.pot"
    subprocess.run(["xgettext", "--language=Python", "--from-code=UTF-8", "--no-wrap", "--sort-output",
                    "--add-comments=Translators", *KEYWORDS, "-f", str(files), "-o", str(pot)],
                   check=True, capture_output=True)
    return _msgids(pot)


def test_every_string_in_code_and_templates_has_an_english_translation(extracted: set[str]) -> None:
    translated = set().union(*({key for key, strs, _ in _entries(po) if all(strs)} for po in CATALOGUES))
    missing = sorted(extracted - translated)
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
