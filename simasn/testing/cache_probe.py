"""A long-lived SIMASN process for the cross-process cache test.

`python -m simasn.testing.cache_probe` reads one JSON command per line on stdin and answers
one JSON line on stdout. Requests go through Django's full request cycle in *this*
process (middleware, API, caches), as a gunicorn worker would serve them:

- {"op": "setup"}                              -> {"token": raw, "token_id": id}
- {"op": "get", "path": p, "token": raw}       -> {"status": n, "body": ...}
- {"op": "post", "path": p, "token": raw, "json": {...}} -> {"status": n, "body": ...}
- {"op": "revoke", "token_id": id}             -> {"ok": true}   (the web page's service)
- {"op": "law", "data": {...}}                 -> {"ok": true}   (an administrator's new version)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from typing import Any


def _client() -> Any:
    from django.test import Client

    return Client(HTTP_HOST="127.0.0.1")


def _admin() -> Any:
    from simasn.accounts.models import User
    from simasn.accounts.roles import Role

    user = User.objects.filter(username="probe-admin").first()
    if user is None:
        from simasn.accounts.services import user_create
        from simasn.core.interfaces import Interface

        user = user_create(actor=None, interface=Interface.CLI, username="probe-admin",
                           password="probe-password-2026", role=Role.ADMIN)
    return user


def handle(command: dict[str, Any]) -> dict[str, Any]:
    from simasn.core.interfaces import Interface

    op = command["op"]
    if op == "setup":
        from simasn.accounts.services import api_token_create

        token, raw = api_token_create(actor=_admin(), interface=Interface.CLI, name="probe")
        return {"token": raw, "token_id": token.pk}
    if op in ("get", "post"):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {command['token']}"}
        if op == "get":
            response = _client().get(command["path"], **headers)
        else:
            response = _client().post(command["path"], json.dumps(command["json"]),
                                      content_type="application/json", **headers)
        return {"status": response.status_code, "body": response.json()}
    if op == "revoke":
        from simasn.accounts.models import ApiToken
        from simasn.accounts.services import api_token_revoke

        token = ApiToken.objects.get(pk=command["token_id"])
        api_token_revoke(actor=token.user, interface=Interface.WEB, token=token)
        return {"ok": True}
    if op == "law":
        from simasn.lawdata.services import parameter_override_create

        data = {**command["data"]}
        for key in ("valid_from", "last_verified_on"):
            data[key] = dt.date.fromisoformat(data[key])
        parameter_override_create(actor=_admin(), interface=Interface.WEB, data=data)
        return {"ok": True}
    raise ValueError(f"unknown op {op!r}")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    import django

    django.setup()
    print(json.dumps({"ready": os.getpid()}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer = handle(json.loads(line))
        except Exception as error:  # reported to the test, which fails on it
            answer = {"error": f"{type(error).__name__}: {error}"}
        print(json.dumps(answer, default=str), flush=True)


if __name__ == "__main__":
    main()
