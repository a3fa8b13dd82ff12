"""Test settings: fast hashing, tasks run immediately, in-memory e-mail."""

from config.settings.base import *  # noqa: F403
from config.settings.base import DATABASES
from config.settings.storage import storages_from_environment

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SIMASN_REQUIRE_2FA = False
DEBUG = False
ALLOWED_HOSTS = ["*"]
# Local directories whatever the environment says; a fixture (conftest.py) moves MEDIA_ROOT
# under each test's tmp_path, and the storage tests also run on an object store (moto).
STORAGES = storages_from_environment(
    staticfiles_backend="django.contrib.staticfiles.storage.StaticFilesStorage", environ={})
DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A test database is thrown away: its commits need not wait for the WAL to reach the disk
    # (visibility and locking are unchanged; only a server crash could lose the last commits).
    # The benchmarks, which measure durable commits, do not use these settings.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"]["options"] = " ".join(
        filter(None, [DATABASES["default"]["OPTIONS"].get("options"), "-c synchronous_commit=off"]))
# A second alias pointing at the same database lets the replica router be tested.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
SIMASN_READ_REPLICA_ALIAS = None  # tests opt in with override_settings
OTP_TOTP_THROTTLE_FACTOR = 0  # no back-off between TOTP attempts in tests
# Each test process has its own memory cache; the cross-process test
# (simasn/lawdata/tests/test_shared_cache_processes.py) starts processes with a file cache.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
