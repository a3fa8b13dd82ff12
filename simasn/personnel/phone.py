"""The shape of a telephone number in the register.

Not a legal value: a number is reachable when it is an Indonesian number written from the
trunk prefix 0 or the country code +62 (numbering plan of ITU-T E.164, country code 62), or
any international number in E.164 form (``+`` and at most 15 digits). Spaces, hyphens, dots
and parentheses as people write them are allowed; letters are not.
"""

from __future__ import annotations

import re

SEPARATORS = re.compile(r"[\s\-.()]")
INDONESIAN = re.compile(r"^(?:\+62|62|0)[1-9][0-9]{6,11}$")
INTERNATIONAL = re.compile(r"^\+[1-9][0-9]{6,14}$")
#: The same test for whole columns (bulk import), after SEPARATORS are removed.
PATTERN = r"^(?:(?:\+62|62|0)[1-9][0-9]{6,11}|\+[1-9][0-9]{6,14})$"


def phone_valid(text: str) -> bool:
    compact = SEPARATORS.sub("", text)
    return bool(INDONESIAN.match(compact) or INTERNATIONAL.match(compact))
