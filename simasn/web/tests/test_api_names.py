"""API paths speak one language (ADR 0009): English, lower case, hyphen-separated, collections
as plural nouns. Integrators at BKN and the agencies read the OpenAPI document, which is
English; legal categories appear as values (`PNS`, `JPT_MADYA`), never as path names.

Read from the OpenAPI schema, so an endpoint added later is checked without touching this test.
"""

from __future__ import annotations

import re

from config.api import api

#: The top-level resources (ADR 0009's table). A new chapter adds its English plural noun
#: here when it adds its router, which makes the naming a reviewed decision.
TOP_LEVEL = {
    "agencies", "units", "officials", "positions", "employees", "actions", "retirement", "law",
    "workplans", "planning", "procurement", "performance", "learning", "talent",
    "discipline", "disputes", "rewards",
}
SEGMENT = re.compile(r"^[a-z]+(-[a-z]+)*$")
#: Indonesian words once used as path names, and others a new chapter might reach for.
INDONESIAN = {
    "instansi", "pegawai", "jabatan", "sinkronisasi", "siklus", "rancangan", "kiriman", "kegiatan",
    "kirim", "analisis", "berita", "acara", "verifikasi", "tindakan", "hukum", "organisasi",
    "pengadaan", "kinerja", "disiplin", "sengketa", "penghargaan", "talenta", "pembelajaran",
    "perencanaan", "unit-kerja", "pejabat",
}


def _paths() -> list[str]:
    return list(api.get_openapi_schema()["paths"])


def test_every_path_segment_is_lower_case_hyphenated_english() -> None:
    problems = []
    for path in _paths():
        segments = [s for s in path.removeprefix("/api/v1/").split("/") if s and not s.startswith("{")]
        if segments[0] not in TOP_LEVEL:
            problems.append((path, segments[0]))
        problems += [(path, s) for s in segments if not SEGMENT.match(s) or s in INDONESIAN]
    assert not problems, problems


def test_the_renamed_resources_answer_under_their_english_names() -> None:
    paths = set(_paths())
    assert {"/api/v1/agencies/", "/api/v1/workplans/cycles/", "/api/v1/workplans/drafts/{pk}",
            "/api/v1/workplans/dispatches/", "/api/v1/employees/{pk}/sensitive-data"} <= paths
    assert not [p for p in paths if "sinkronisasi" in p or "/instansi/" in p]


def _schema_classes() -> dict[str, set[str]]:
    from ninja import Schema

    found: dict[str, set[str]] = {}
    pending = list(Schema.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith(("simasn.", "config.")):
            found.setdefault(cls.__name__, set()).add(cls.__module__)
    return found


def test_every_api_schema_has_its_own_name() -> None:
    """The OpenAPI document names a schema by its class name alone: two apps' `PlanOut`
    overwrote each other in /api/v1/docs, so integrators (and the fuzz test) read the other
    app's fields. Name each schema after what it carries."""
    api.get_openapi_schema()  # every router imported
    shared = {name: sorted(modules) for name, modules in _schema_classes().items() if len(modules) > 1}
    assert shared == {}
