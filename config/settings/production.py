"""Production: HTTPS only, HSTS, CSP, no debug; SECRET_KEY must come from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.storage import storages_from_environment

DEBUG = False
if "SECRET_KEY" not in os.environ:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
SECRET_KEY = os.environ["SECRET_KEY"]

SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SIMASN_REQUIRE_2FA = True
# The shared cache is Redis (docs/deploy.md "Cache"): every web worker, the task worker
# and the scheduler see a revoked token or a new law version on their next request.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
    }
}
STORAGES = storages_from_environment(
    staticfiles_backend="whitenoise.storage.CompressedManifestStaticFilesStorage")
