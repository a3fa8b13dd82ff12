"""Where files live (simasn/core/storage.py): a local directory, or an S3-compatible object
store, chosen by the environment alone (docs/deploy.md, ADR 0013).

SIMASN_STORAGE=filesystem (default): both storages under MEDIA_ROOT; documents are written
  read-only (0444) and never overwritten.
SIMASN_STORAGE=s3: both storages in the bucket SIMASN_S3_BUCKET, under the key prefixes
  SIMASN_S3_PREFIX/working and SIMASN_S3_PREFIX/documents. Optional: SIMASN_S3_ENDPOINT_URL
  (MinIO, Ceph, a government cloud), SIMASN_S3_REGION, SIMASN_S3_ADDRESSING_STYLE
  ("path" for most self-hosted stores). Credentials come the usual boto3 way
  (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or an instance role).
"""

from __future__ import annotations

import os
from typing import Any

from django.core.exceptions import ImproperlyConfigured


def s3_options(*, bucket: str, prefix: str, endpoint_url: str | None = None, region: str | None = None,
               addressing_style: str | None = None) -> dict[str, Any]:
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "location": prefix.strip("/"),
        "default_acl": None,  # the bucket's policy: private; files are served through the app
        "querystring_auth": True,
        "file_overwrite": False,
    }
    if endpoint_url:
        options["endpoint_url"] = endpoint_url
    if region:
        options["region_name"] = region
    if addressing_style:
        options["addressing_style"] = addressing_style
    return options


def storages_from_environment(*, staticfiles_backend: str, environ: Any = os.environ) -> dict[str, Any]:
    kind = environ.get("SIMASN_STORAGE", "filesystem").strip().lower()
    static = {"BACKEND": staticfiles_backend}
    if kind == "filesystem":
        return {
            # No "location": the storages follow MEDIA_ROOT (and a test that moves it).
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "documents": {"BACKEND": "simasn.core.storage.WriteOnceFileSystemStorage",
                          "OPTIONS": {"file_permissions_mode": 0o444}},
            "staticfiles": static,
        }
    if kind != "s3":
        raise ImproperlyConfigured(f"SIMASN_STORAGE must be 'filesystem' or 's3', not {kind!r}")
    bucket = environ.get("SIMASN_S3_BUCKET", "")
    if not bucket:
        raise ImproperlyConfigured("SIMASN_STORAGE=s3 needs SIMASN_S3_BUCKET")
    prefix = environ.get("SIMASN_S3_PREFIX", "simasn").strip("/")
    common = {"bucket": bucket, "endpoint_url": environ.get("SIMASN_S3_ENDPOINT_URL") or None,
              "region": environ.get("SIMASN_S3_REGION") or None,
              "addressing_style": environ.get("SIMASN_S3_ADDRESSING_STYLE") or None}
    return {
        "default": {"BACKEND": "storages.backends.s3.S3Storage",
                    "OPTIONS": s3_options(prefix=f"{prefix}/working", **common)},
        "documents": {"BACKEND": "simasn.core.object_store.WriteOnceS3Storage",
                      "OPTIONS": s3_options(prefix=f"{prefix}/documents", **common)},
        "staticfiles": static,
    }
