"""Fixtures that run a test against each storage backend: the local directory and an
S3-compatible object store (moto's S3 server, started on a free loopback port).

    def test_x(storage_backend: str) -> None: ...   # runs twice: "filesystem", "s3"

Each s3 run gets a bucket of its own; each process (xdist worker) its own server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from config.settings.storage import storages_from_environment

BACKENDS = ["filesystem", "s3"]
_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "simasn-test", "AWS_SECRET_ACCESS_KEY": "simasn-test",
                "AWS_DEFAULT_REGION": "us-east-1"}


@pytest.fixture(scope="session")
def object_store() -> Iterator[str]:
    """The endpoint URL of an S3 server private to this test process."""
    # Imported on first use: moto's server pulls in Flask and most of botocore.
    from moto.server import ThreadedMotoServer

    saved = {name: os.environ.get(name) for name in _CREDENTIALS}
    os.environ.update(_CREDENTIALS)  # fake keys, so boto3 never looks for real ones
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(params=BACKENDS)
def storage_backend(request: pytest.FixtureRequest, settings: Any) -> str:
    """Point both storages at the backend of this run; returns its name."""
    if request.param == "s3":
        # Imported on first use: boto3 is needed only when the object store is in play.
        import boto3

        endpoint = request.getfixturevalue("object_store")
        bucket = f"simasn-{uuid.uuid4().hex[:12]}"
        boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket=bucket)
        settings.STORAGES = storages_from_environment(
            staticfiles_backend=settings.STORAGES["staticfiles"]["BACKEND"],
            environ={"SIMASN_STORAGE": "s3", "SIMASN_S3_BUCKET": bucket, "SIMASN_S3_ENDPOINT_URL": endpoint,
                     "SIMASN_S3_ADDRESSING_STYLE": "path"})
    return str(request.param)
