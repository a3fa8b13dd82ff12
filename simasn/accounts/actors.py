"""Who acts and who reads: the types services, selectors and views use instead of `Any`.

- A service takes `actor: Actor` — a signed-in `User`, or None when the system itself acts
  (the command line without ``--as``, daily jobs) — or `actor: User` when only a person may
  act. A selector takes `viewer: User`.
- A view behind ``@login_required`` types its request as `AuthenticatedRequest`, whose
  ``user`` is a `User`, and passes ``request.user`` on.
- The kernel (simasn.core) may not import accounts; it types actors with its own
  `simasn.core.actors.ActorLike` protocol, which `User` satisfies.
"""

from __future__ import annotations

from django.http import HttpRequest

from simasn.accounts.models import User

#: A signed-in user, or None for the system itself.
Actor = User | None


class AuthenticatedRequest(HttpRequest):
    """The request a ``@login_required`` view receives."""

    user: User
