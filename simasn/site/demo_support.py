"""Helpers for demo data: the system actor, a deterministic RNG, Indonesian NIKs."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from simasn.accounts.models import User
from simasn.accounts.roles import Role

DEMO_PASSWORD = "simasn-demo-2026"


def system_admin() -> Any:
    user, created = User.objects.get_or_create(
        username="admin",
        defaults={"role": Role.ADMIN, "is_staff": True, "is_superuser": True,
                  "first_name": "Administrator", "last_name": "Sistem"},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def rng(salt: str) -> random.Random:
    return random.Random(f"simasn-demo-{salt}")


def nik(r: random.Random, region: str, birth: dt.date, sex: str) -> str:
    """A NIK-shaped number: region (6 digits), birth DDMMYY (+40 on the day for women), 4-digit sequence."""
    day = birth.day + (40 if sex == "P" else 0)
    return f"{region}{day:02d}{birth:%m%y}{r.randint(1, 9999):04d}"


def demo_logins() -> list[tuple[str, str]]:
    return [
        (u.username, f"{u.get_role_display()}{' · ' + u.instansi.name if u.instansi else ''}")
        for u in User.objects.select_related("instansi").order_by("role", "username")
        if u.has_usable_password()
    ]
