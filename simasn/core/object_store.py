"""The write-once document storage on an S3-compatible object store (django-storages).

Kept apart from simasn.core.storage so that a deployment on local disk never imports
boto3; settings name this class only when SIMASN_STORAGE=s3 (config/settings/storage.py).
"""

from __future__ import annotations

from storages.backends.s3 import S3Storage

from simasn.core.storage import WriteOnceMixin


class WriteOnceS3Storage(WriteOnceMixin, S3Storage):
    """SK, agenda letters, berita acara: a key, once written, is never overwritten or
    deleted through the app (pair it with bucket versioning or object lock for defence
    in depth against other clients of the bucket)."""
