from simasn.discipline.tests.conftest import world  # noqa: F401 — the same small world
