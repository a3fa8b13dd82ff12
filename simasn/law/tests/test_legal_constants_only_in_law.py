"""Legal constants live in simasn/law only (issue 11 item 4).

The code outside the law package is read (with ``ast``, so comments and docstrings do not
count) for four things a service must take from the law package instead of writing by hand:

- ``cite``: a string that cites a regulation ("UU 20/2023 Pasal 87", "PP 11/2017",
  "PermenPANRB ...") outside a translated message — citations come from a rule's decision,
  a parameter's reference or ``simasn.law.grounds``;
- ``articles``: article numbers handed to an audit helper (``articles=("5 ayat (2)",)``);
- ``list``: a literal list, tuple or set of ASN types (PNS, PPPK) or of ranks (III/a, ...)
  — the enums and ``pns_ranks``/``pppk_grades`` of the law package give them;
- ``compare``: a comparison with an ASN type written as a string (``== "PNS"``) — compare
  with ``EmployeeType.PNS``.

Translated messages (``_("...")``) may quote an article to the user; they are not counted.
What remains is listed in ALLOWED with the number of places and the reason. A file may not
have more places than listed (a new hard-coded citation fails), nor fewer (then lower the
count, so that the list stays a true picture).
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

SIMASN = Path(__file__).resolve().parents[2]

CITATION = re.compile(
    r"\b(Pasal \d+|Permen ?PANRB|Kepmen ?PANRB|PP \d+/\d{4}|UU \d+/\d{4}|Perpres \d+|Peraturan BKN)"
)
ASN_TYPES = {"PNS", "PPPK"}
RANK = re.compile(r"^(I|II|III|IV)/[a-e]$")
GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy",
           "gettext_noop"}
#: Folders not read: the law itself, tests, migrations (history), demo and test data.
SKIPPED = {"law", "tests", "migrations", "testing", "demo"}

WORKPLANS_ARTICLES = ("the PermenRK procedure (a draft regulation of KemenPANRB, cited by title until it is "
                      "numbered) names its article at each step; to move to simasn.law.grounds when numbered")
ALLOWED: dict[tuple[str, str], tuple[int, str]] = {
    ("actions/decree_text.py", "cite"): (
        8, "the wording of a decree's considerations (Tata Naskah Dinas text of the SK), not a citation"),
    ("bulk/population.py", "list"): (
        1, "synthetic population for benchmarks: rank ladder indexed by education; every generated row "
           "is checked by the law's rules when imported"),
    ("bulk/population.py", "compare"): (1, "synthetic population for benchmarks (see above)"),
    ("discipline/legal.py", "cite"): (
        1, "a label built from the law's code-of-ethics rows (their huruf), shown in a choice list"),
    ("disputes/legal.py", "compare"): (2, "maps a decision kind to the register's employee type code"),
    ("performance/views/other.py", "compare"): (1, "chooses the action type a 'tidak berkinerja' case opens"),
    ("planning/api.py", "cite"): (1, "API documentation text (OpenAPI description)"),
    ("procurement/services/announcements.py", "cite"): (
        1, "the wording of the published announcement (document text)"),
    ("rewards/legal.py", "compare"): (2, "salary.basic applies to PNS only: the register's type code"),
    ("workplans/api.py", "cite"): (3, "API documentation text (OpenAPI descriptions)"),
    ("workplans/calendar.py", "cite"): (1, "fallback label of a reference without a cite() (PP 17/2017)"),
    ("workplans/services/_common.py", "cite"): (1, WORKPLANS_ARTICLES),
}
#: Folders whose places of one kind are allowed whatever their number, with the reason.
ALLOWED_FOLDERS: dict[tuple[str, str], str] = {
    ("workplans/services/", "articles"): WORKPLANS_ARTICLES,
}


def _not_counted(tree: ast.AST) -> set[int]:
    """ids of the string nodes that are docstrings or inside a translated message."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))  # docstrings and bare strings
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in GETTEXT:
                skip.update(id(sub) for arg in node.args for sub in ast.walk(arg))
    return skip


def places(source: str) -> Counter[str]:
    """How many places of each kind a module's source has."""
    tree = ast.parse(source)
    skip = _not_counted(tree)
    found: Counter[str] = Counter()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "articles":
            if any(isinstance(sub, ast.Constant) and isinstance(sub.value, str) for sub in ast.walk(node.value)):
                found["articles"] += 1
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if CITATION.search(node.value):
                found["cite"] += 1
        elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            texts = {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
            if len(texts & ASN_TYPES) >= 2 or sum(bool(RANK.match(t)) for t in texts) >= 2:
                found["list"] += 1
        elif isinstance(node, ast.Compare):
            found["compare"] += sum(isinstance(side, ast.Constant) and side.value in ASN_TYPES
                                    for side in [node.left, *node.comparators])
    return found


def _modules() -> list[Path]:
    return sorted(p for p in SIMASN.rglob("*.py") if not SKIPPED & set(p.relative_to(SIMASN).parts[:-1])
                  and p.relative_to(SIMASN).parts[0] != "law")


def test_legal_constants_and_category_lists_stay_in_the_law_package() -> None:
    found: dict[tuple[str, str], int] = {}
    for path in _modules():
        for kind, count in places(path.read_text(encoding="utf-8")).items():
            name = path.relative_to(SIMASN).as_posix()
            if not any(name.startswith(folder) and kind == allowed for folder, allowed in ALLOWED_FOLDERS):
                found[(name, kind)] = count
    new = {key: count for key, count in found.items() if count > ALLOWED.get(key, (0, ""))[0]}
    assert not new, (
        f"legal constants written outside simasn/law (take them from the law package): {new}")
    stale = {key: (found.get(key, 0), allowed) for key, (allowed, _why) in ALLOWED.items()
             if found.get(key, 0) < allowed}
    assert not stale, f"fewer places than ALLOWED says — lower the counts: {stale}"


def test_the_check_sees_what_it_must_refuse() -> None:
    service = '''
def decide(actor, employee):
    """Docstrings may say UU 20/2023 Pasal 87 and PNS == PPPK."""
    message = _("Pegawai diberhentikan (UU 20/2023 Pasal 87).")
    audit(actor=actor, citations=["UU 20/2023 Pasal 87"])
    record(articles=("5 ayat (2)",))
    types = ["PNS", "PPPK"]
    ranks = ("III/a", "III/b")
    if employee.employee_type == "PPPK":
        return message, types, ranks
'''
    assert places(service) == Counter({"cite": 1, "articles": 1, "list": 2, "compare": 1})
    assert places('NOTE = "see the register"\nCOUNT = ("PNS",)\n') == Counter()
