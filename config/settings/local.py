"""Demo and development: DEBUG on, console e-mail, no forced two-factor login."""

from config.settings.base import *  # noqa: F403
from config.settings.base import env_bool

DEBUG = env_bool("DEBUG", True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SIMASN_REQUIRE_2FA = env_bool("SIMASN_REQUIRE_2FA", False)
