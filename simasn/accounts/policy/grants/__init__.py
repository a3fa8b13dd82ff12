"""The grant tables, one module per chapter of the law; `simasn.accounts.policy.table`
merges them into `POLICY` in the order of `table.CHAPTERS`.

A grant is `grant(view, create, update, delete, archive=...)`: the reach of each action.
"""

from __future__ import annotations

from simasn.accounts.policy.resources import Action, Reach, Resource
from simasn.accounts.roles import Role

#: One chapter's grants: role -> resource -> action -> reach.
Grants = dict[Role, dict[Resource, dict[Action, Reach]]]

N, S, I, A = Reach.NONE, Reach.SELF, Reach.INSTANSI, Reach.NATIONAL  # noqa: E741
V, C, U, D = Action.VIEW, Action.CREATE, Action.UPDATE, Action.DELETE


def grant(view: Reach = N, create: Reach = N, update: Reach = N, delete: Reach = N, *,
          archive: Reach = N) -> dict[Action, Reach]:
    return {V: view, C: create, U: update, D: delete, Action.ARCHIVE: archive}
