"""How the kernel types who acts, without importing the access layer above it: any object
with a primary key (accounts.User satisfies it), or None for the system itself."""

from __future__ import annotations

from typing import Any, Protocol


class ActorLike(Protocol):
    @property
    def pk(self) -> Any: ...


#: Who acts in a kernel service (audited writes, audit events): a user, or None (the system).
KernelActor = ActorLike | None
