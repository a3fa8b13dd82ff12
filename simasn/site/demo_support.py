"""Helpers for demo data: the system actor, a deterministic RNG, Indonesian NIKs."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from simasn.accounts.models import User
from simasn.accounts.roles import Role

DEMO_PASSWORD = "simasn-demo-2026"
#: The demo applicant (simasn/site/demo/procurement.py) signs in with this NIK.
DEMO_APPLICANT_NIK = "3273011203990002"


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
    """One line per demo login; of the applicants (a crowd that never signs in) only the
    demo applicant, whose NIK is the username."""
    logins = []
    for u in User.objects.select_related("instansi").order_by("role", "username"):
        if not u.has_usable_password() or (u.role == Role.PELAMAR and u.username != DEMO_APPLICANT_NIK):
            continue
        logins.append((u.username, f"{u.get_role_display()}{' · ' + u.instansi.name if u.instansi else ''}"))
    return logins
