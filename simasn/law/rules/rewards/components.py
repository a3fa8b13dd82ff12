"""The components of rewards and recognition as structured data (UU 20/2023 Pasal 21-22).

No decision to take here: an app builds an employee's reward record from these
components and forms (Pasal 21 ayat (2)-(9)); pension and old-age savings follow
Pasal 22.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.law import parameters
from simasn.law.enums import RewardComponent


def reward_components(*, on: dt.date) -> list[dict[str, Any]]:
    """Pasal 21 ayat (2) huruf a-g in order, each with its forms and citation."""
    version = parameters.version("rewards.components", on)
    rows: list[dict[str, Any]] = []
    for member in RewardComponent:
        item = version.value.get(member.value)
        if item is None:
            continue
        rows.append(
            {
                "code": member.value,
                "huruf": item["huruf"],
                "label_id": item["label_id"],
                "label_en": item["label_en"],
                "citation": version.reference_for(member).cite(),
                "forms": [
                    {**form, "citation": f"UU 20/2023 Pasal 21 ayat ({item['forms_ayat']}) huruf {form['huruf']}"}
                    for form in item["forms"]
                ],
            }
        )
    return rows
