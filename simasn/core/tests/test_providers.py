import pytest

from simasn.core import providers


@pytest.fixture
def clean_registry(monkeypatch):
    monkeypatch.setattr(providers, "PROVIDERS", {})


def _double(*, values):
    return [v * 2 for v in values]


def test_a_registered_provider_answers_by_name(clean_registry):
    providers.register_provider("test.double", f"{__name__}._double")
    assert providers.has_provider("test.double")
    assert providers.provide("test.double", values=[1, 2]) == [2, 4]


def test_an_unregistered_name_gives_the_default_not_an_error(clean_registry):
    assert not providers.has_provider("absent.facts")
    assert providers.provide("absent.facts", default={}, values=[1]) == {}


def test_a_name_cannot_be_taken_by_two_apps(clean_registry):
    providers.register_provider("test.double", f"{__name__}._double")
    providers.register_provider("test.double", f"{__name__}._double")  # same path: idempotent
    with pytest.raises(ValueError):
        providers.register_provider("test.double", "elsewhere.other")
