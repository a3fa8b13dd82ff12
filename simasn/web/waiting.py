""""What waits for me": one line of work waiting for a user, offered by any app.

Each app that gives users work to do has a module `simasn/<app>/waiting.py` with

    def waiting_for(*, viewer: User) -> list[WaitingItem]: ...

which reads through the app's own selectors (so the policy table and Scope decide what the
viewer is shown) and returns one item per kind of waiting work, with the count and the page
where it is done. The site layer lists those functions in `simasn.site.waiting.SOURCES` and
shows them first on the dashboard, urgent ones on top. An item with a zero count is not
shown.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WaitingItem:
    #: What waits, already translated, e.g. "Usul yang menunggu keputusan Anda".
    label: str
    count: int
    #: Where it is done (a resolved URL, with filters in the query string).
    url: str
    #: Past a deadline or a legal date (shown first and in red).
    urgent: bool = False
    #: Optional one-line explanation, e.g. the nearest deadline.
    detail: str = ""
