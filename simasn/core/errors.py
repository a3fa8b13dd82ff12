"""One error type for business failures, shown the same way in web and API."""

from __future__ import annotations

from typing import Any


class ApplicationError(Exception):
    """A business rule refused the request.

    `message` is user-facing (translated, Indonesian by default); `code` is a stable
    machine code; `fields` maps a field name to its messages (for forms and the API).
    """

    status = 400

    def __init__(
        self,
        message: str,
        *,
        code: str = "invalid",
        fields: dict[str, list[str]] | None = None,
        details: dict[str, Any] | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = str(message)
        self.code = code
        self.fields = fields or {}
        self.details = details or {}
        if status is not None:
            self.status = status

    def as_dict(self) -> dict[str, Any]:
        return {
            "error": {
                "code": self.code,
                "message": self.message,
                "fields": {k: [str(m) for m in v] for k, v in self.fields.items()},
                "details": self.details,
            }
        }


class PermissionDeniedError(ApplicationError):
    status = 403

    def __init__(self, message: str, *, code: str = "forbidden", **kwargs: Any) -> None:
        super().__init__(message, code=code, **kwargs)


class NotFoundError(ApplicationError):
    status = 404

    def __init__(self, message: str, *, code: str = "not_found", **kwargs: Any) -> None:
        super().__init__(message, code=code, **kwargs)


class ConflictError(ApplicationError):
    """Somebody else changed the object first (optimistic concurrency, state races)."""

    status = 409

    def __init__(self, message: str, *, code: str = "conflict", **kwargs: Any) -> None:
        super().__init__(message, code=code, **kwargs)
