"""Data one process app offers to another, by name, without either importing the other.

Process apps (planning, procurement, performance, talent, learning, discipline, …) are
independent of each other (the layers contract). When one needs another's facts — talent
needs the latest performance ratings and each employee's discipline record; procurement
needs the formasi a planning decision approved — the app that owns the facts registers a
plain function under a stable name in its AppConfig.ready():

    register_provider("performance.ratings", "simasn.performance.providers.ratings")

and the app that needs them calls it by that name:

    ratings = provide("performance.ratings", employee_ids=[...], year=2026, default={})

A provider returns plain data (dicts, dataclasses, ids), never a model instance of its own
app, and applies no access check of its own: the caller's service or selector has already
scoped the employees it asks about. When no app registered the name (the app is not
installed), `provide` returns `default`, so a caller must treat missing facts as unknown,
not as "none".
"""

from __future__ import annotations

from typing import Any

from django.utils.module_loading import import_string

#: name → dotted path of the providing function. Apps register theirs in AppConfig.ready().
PROVIDERS: dict[str, str] = {}


def register_provider(name: str, function_path: str) -> None:
    existing = PROVIDERS.get(name)
    if existing is not None and existing != function_path:
        raise ValueError(f"provider {name!r} is already registered by {existing}")
    PROVIDERS[name] = function_path


def has_provider(name: str) -> bool:
    return name in PROVIDERS


def provide(name: str, *, default: Any = None, **kwargs: Any) -> Any:
    """Call the provider registered under `name` with `kwargs`; `default` when none is."""
    path = PROVIDERS.get(name)
    if path is None:
        return default
    return import_string(path)(**kwargs)
