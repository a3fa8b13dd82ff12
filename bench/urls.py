"""Baselines for bench/api.py: plain Django JSON views, served by the same gunicorn and
middleware as the API, with no authentication, no scope, no django-ninja and no pydantic.

- `bench/bare/` reads nothing from the database: Django's request/response cycle alone
  (kept as a reference line).
- `bench/bare/employees/<id>` performs the same primary-key read of the employee row as
  `GET /api/v1/employees/{id}` (the same columns, one query) — the baseline for the detail.
- `bench/bare/employees/?q=` performs the same search as `GET /api/v1/employees/?q=`
  (the same WHERE, ORDER BY and count for the paginator, first page of 25) — the baseline
  for the search.

So the ratios measure what our endpoints add on top of the database work they must do
(token auth, scope, masking, ninja/pydantic), not the database round trip itself.
These views exist only in the bench URLconf (bench/settings.py); they are never served
by the application.
"""

from django.db.models import Q, Value
from django.db.models.functions import Concat
from django.http import Http404, HttpRequest, JsonResponse
from django.urls import include, path

from simasn.personnel.models import Employee

#: The columns EmployeeOut (simasn/personnel/api.py) serialises.
COLUMNS = ("id", "instansi_id", "unit_id", "position_id", "employee_type", "nip", "nik", "front_title",
           "name", "back_title", "birth_date", "sex", "rank", "education_level", "tmt_cpns",
           "contract_start", "contract_end", "status")
PAGE = 25


def _row(row: dict) -> dict:
    nik = row.pop("nik")
    row["nik_masked"] = nik[:4] + "*" * max(0, len(nik) - 6) + nik[-2:] if nik else ""
    return row


def bare(request: HttpRequest) -> JsonResponse:
    """Django's request/response cycle, no auth, no database."""
    return JsonResponse({"id": 1, "nip": "197906042007062007", "name": "Maya Purnomo"})


def bare_employee(request: HttpRequest, pk: int) -> JsonResponse:
    """The same primary-key read as the API detail, nothing else."""
    rows = list(Employee.objects.filter(pk=pk).values(*COLUMNS)[:1])  # no ORDER BY, as ours
    if not rows:
        raise Http404
    return JsonResponse(_row(rows[0]))


def bare_search(request: HttpRequest) -> JsonResponse:
    """The same search as the API list for a national viewer: count + first page."""
    q = request.GET.get("q", "").strip()
    qs = Employee.objects.all()
    if q.isdigit():
        qs = qs.filter(nip__startswith=q).order_by("name", "id")
    elif q:
        qs = qs.filter(Q(name__icontains=q) | Q(nip__startswith=q)).order_by(Concat("name", Value("")), "id")
    total = qs.count()
    items = [_row(r) for r in qs.values(*COLUMNS)[:PAGE]]
    return JsonResponse({"meta": {"page": 1, "page_size": PAGE, "total": total}, "items": items})


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/bare/employees/<int:pk>", bare_employee),
    path("bench/bare/employees/", bare_search),
    path("", include("config.urls")),
]
