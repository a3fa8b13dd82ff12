"""The remedy against an SK, shown on the SK's page (simasn.site.panels): the law's
disputes.remedy rule, read from the action the page passes, without importing its app."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.disputes import legal
from simasn.law.rules.disputes.remedy import remedy_summary

register = template.Library()


@register.simple_tag(takes_context=True)
def sk_remedy(context: dict[str, Any], action: Any) -> dict[str, Any] | None:
    request = context.get("request")
    if request is None or action is None or not getattr(request.user, "is_authenticated", False):
        return None
    decision = legal.sk_remedy(action, on=timezone.localdate())
    if decision is None:
        return None
    file_url = ""
    if decision.outcome.get("route") and Scope.of(request.user).allows(
            Resource.DISPUTE, Action.CREATE, instansi_id=action.instansi_id, employee_id=action.employee_id):
        params = {"employee": action.employee_id, "decision_number": action.sk_number,
                  "decision_kind": legal.ACTION_DECISION_KIND.get(action.action_type, "LAINNYA"),
                  "issuer": "PRESIDEN" if action.decider == "PRESIDEN" else "PPK",
                  "decision_date": action.sk_date.isoformat() if action.sk_date else "",
                  "source": f"actions.personnelaction:{action.pk}"}
        file_url = f"{reverse('disputes:file')}?{urlencode(params)}"
    summary = remedy_summary(decision, en=(get_language() or "id").startswith("en"))
    if summary is None:  # no settled remedy (e.g. a presidential decision): the law says why
        # The reason alone: the page labels it "Perlu kajian hukum" (the explanation repeats it).
        english = (get_language() or "id").startswith("en")
        reason = (decision.review_reason if english else decision.review_reason_id) or \
            (decision.explanation_en if english else decision.explanation_id)
        return {"review": reason, "file_url": ""}
    return {**summary, "file_url": file_url}
