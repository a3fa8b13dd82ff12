"""Who may do what, and how far: the one table every interface consults.

`POLICY[role][resource][action]` is the reach of that permission:
NONE (refused), SELF (the user's own employee record), INSTANSI (the user's own
instansi) or NATIONAL (everything). Web views, the API, the admin and exports all ask
`simasn.accounts.scope.Scope`, which reads only this table.

The package, by the table's parts:

- `resources`: Resource, Action, Reach, Own — the vocabulary;
- `grants.<chapter>`: one grant table per chapter of the law (registry, workplans, law,
  planning, performance, procurement, talent, cases, rewards);
- `qualifiers`: Qualifier and QUALIFIED — grants that reach some rows only;
- `table`: POLICY merged from the chapters, ROLE_INSTITUTION, `reach()` and `qualifier()`.

Import from `simasn.accounts.policy`; a new chapter adds a module under `grants/`, lists it
in `table.CHAPTERS`, and its qualified grants (if any) in `qualifiers`.
"""

from __future__ import annotations

from simasn.accounts.policy.qualifiers import QUALIFIED, Qualifier
from simasn.accounts.policy.resources import Action, Own, Reach, Resource
from simasn.accounts.policy.table import POLICY, ROLE_INSTITUTION, qualifier, reach

__all__ = [
    "POLICY",
    "QUALIFIED",
    "ROLE_INSTITUTION",
    "Action",
    "Own",
    "Qualifier",
    "Reach",
    "Resource",
    "qualifier",
    "reach",
]
