from django.http import HttpRequest, JsonResponse
from django.urls import include, path


def bare(request: HttpRequest) -> JsonResponse:
    """The baseline: Django's request/response cycle, no auth, no database."""
    return JsonResponse({"id": 1, "nip": "197906042007062007", "name": "Maya Purnomo"})


urlpatterns = [path("bench/bare/", bare), path("", include("config.urls"))]
