"""``RuleSpec``: a rule as the CLI, the API and the web page see it.

Kept apart from the registry so that a rule family (``simasn.law.rules.discipline``,
``…disputes``, ``…rewards``) can declare its own specs and the registry adds a family
with one line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from simasn.law.decision import Decision, Facts


@dataclass(frozen=True)
class RuleSpec:
    """A rule as the CLI, the API and the web page see it."""

    name: str
    facts_model: type[Facts]
    decide: Callable[[Any, dt.date], Decision]
    title_id: str
    title_en: str
    catalogue: tuple[str, ...]
    articles: tuple[str, ...]

    def facts_schema(self) -> dict[str, Any]:
        return self.facts_model.model_json_schema()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title_id": self.title_id,
            "title_en": self.title_en,
            "catalogue": list(self.catalogue),
            "articles": list(self.articles),
            "facts_schema": self.facts_schema(),
        }
