"""The errors of the legal parameters: every one is a ParameterError."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


class ParameterError(Exception):
    """Base of every failure of the parameter loader."""


class UnknownParameterError(ParameterError, KeyError):
    """No parameter has this name."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"unknown parameter {name!r}")

    def __str__(self) -> str:
        return str(self.args[0])


class ParameterGapError(ParameterError, LookupError):
    """The parameter has no value in force on the requested date."""

    def __init__(self, name: str, on: dt.date, detail: str = "") -> None:
        self.name = name
        self.on = on
        message = f"parameter {name!r} has no value in force on {on.isoformat()}"
        super().__init__(f"{message}{': ' + detail if detail else ''}")


class ParameterOverlapError(ParameterError):
    """Two baseline versions of a parameter are in force on the same day."""


class ParameterFileError(ParameterError):
    """A parameter file or an override entry does not have the expected shape."""


class UnknownKeyError(ParameterError, KeyError):
    """A keyed parameter has no entry for the requested key on that date."""

    def __init__(self, name: str, key: str, on: dt.date, known: Iterable[str]) -> None:
        self.name = name
        self.key = key
        super().__init__(
            f"parameter {name!r} has no key {key!r} on {on.isoformat()} "
            f"(known: {', '.join(sorted(known))})"
        )

    def __str__(self) -> str:
        return str(self.args[0])
