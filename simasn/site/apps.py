from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The top layer: composes the apps (dashboard, navigation, audit page, demo data)."""

    name = "simasn.site"
    label = "site"
    verbose_name = "SIMASN site"
