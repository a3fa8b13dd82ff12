"""Settings for bench/api.py: the real settings plus a bare JSON view (bench/urls.py)."""

from config.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["*"]
DEBUG = False
