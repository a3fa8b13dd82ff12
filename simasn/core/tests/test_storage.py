"""Files through the storage API: documents are write-once, working files come and go, and
both behave the same on the local directory and on an S3-compatible object store (each
test that takes `storage_backend` runs once per backend; simasn/testing/storage.py)."""

from __future__ import annotations

import re
from pathlib import Path

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from config.settings.storage import storages_from_environment
from simasn.core.errors import ApplicationError, ConflictError
from simasn.core.storage import (
    ImmutableFileError,
    documents_storage,
    read_bytes,
    read_document,
    save_exactly,
    sha256,
    store_document,
    unique_name,
    working_storage,
)


def _tamper(backend: str, name: str, data: bytes, tmp_path: Path, settings) -> None:
    """Change a stored document behind the app's back (another client of the disk or bucket)."""
    if backend == "filesystem":
        path = tmp_path / "media" / name
        path.chmod(0o644)
        path.write_bytes(data)
    else:
        options = settings.STORAGES["documents"]["OPTIONS"]
        boto3.client("s3", endpoint_url=options["endpoint_url"]).put_object(
            Bucket=options["bucket_name"], Key=f"{options['location']}/{name}", Body=data)


def test_each_test_stores_its_files_under_its_own_tmp_path(tmp_path):
    assert Path(working_storage().path("imports/x.csv")) == tmp_path / "media" / "imports" / "x.csv"
    assert Path(documents_storage().path("sk/2025/x.pdf")) == tmp_path / "media" / "sk" / "2025" / "x.pdf"


def test_a_document_is_stored_once_read_back_and_never_overwritten_or_deleted(storage_backend, tmp_path,
                                                                              settings):
    name = store_document("sk/2025/sk-1-abc.pdf", b"%PDF-1.7 SK")
    assert name == "sk/2025/sk-1-abc.pdf"
    assert read_document(name, expected_sha256=sha256(b"%PDF-1.7 SK")) == b"%PDF-1.7 SK"
    # The same bytes again (a retried task) is a no-op; other bytes under the name are refused.
    assert store_document(name, b"%PDF-1.7 SK") == name
    with pytest.raises(ImmutableFileError) as refused:
        store_document(name, b"%PDF-1.7 another SK")
    assert refused.value.code == "document_exists" and "tidak dapat ditimpa" in refused.value.message
    # Neither the storage API itself nor a delete gets past it.
    with pytest.raises(ImmutableFileError):
        documents_storage().save(name, ContentFile(b"overwrite"))
    with pytest.raises(ImmutableFileError):
        documents_storage().delete(name)
    assert read_bytes(documents_storage(), name) == b"%PDF-1.7 SK"
    # Bytes changed behind the app's back are refused on reading.
    _tamper(storage_backend, name, b"%PDF-1.7 forged", tmp_path, settings)
    with pytest.raises(ApplicationError) as integrity:
        read_document(name, expected_sha256=sha256(b"%PDF-1.7 SK"))
    assert (integrity.value.code, integrity.value.status) == ("integrity", 409)


def test_working_files_get_fresh_names_and_are_deleted(storage_backend):
    storage = working_storage()
    first, second = unique_name("imports", ".csv"), unique_name("imports", ".csv")
    assert first != second and re.fullmatch(r"imports/[0-9a-f]{32}\.csv", first)
    assert save_exactly(storage, first, ContentFile(b"NIP_BARU\n1\n")) == first
    with storage.open(first, "rb") as handle:
        assert handle.read() == b"NIP_BARU\n1\n"
    with pytest.raises(ConflictError):  # a taken name is a bug, never silently renamed
        save_exactly(storage, first, ContentFile(b"other"))
    storage.delete(first)
    assert not storage.exists(first)
    assert sorted(storage.listdir("imports")[1]) == []


def test_documents_on_local_disk_are_read_only_files(tmp_path):
    name = store_document("workplans/agenda/x.pdf", b"%PDF agenda")
    assert (tmp_path / "media" / name).stat().st_mode & 0o777 == 0o444


def test_the_object_store_is_a_configuration_change():
    config = storages_from_environment(staticfiles_backend="S", environ={
        "SIMASN_STORAGE": "s3", "SIMASN_S3_BUCKET": "bkn-simasn", "SIMASN_S3_ENDPOINT_URL": "https://s3.example",
        "SIMASN_S3_PREFIX": "prod"})
    assert config["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert config["documents"]["BACKEND"] == "simasn.core.object_store.WriteOnceS3Storage"
    assert (config["default"]["OPTIONS"]["location"], config["documents"]["OPTIONS"]["location"]) == (
        "prod/working", "prod/documents")
    assert config["documents"]["OPTIONS"]["endpoint_url"] == "https://s3.example"
    local = storages_from_environment(staticfiles_backend="S", environ={})
    assert local["documents"]["BACKEND"] == "simasn.core.storage.WriteOnceFileSystemStorage"
    with pytest.raises(ImproperlyConfigured):
        storages_from_environment(staticfiles_backend="S", environ={"SIMASN_STORAGE": "s3"})
    with pytest.raises(ImproperlyConfigured):
        storages_from_environment(staticfiles_backend="S", environ={"SIMASN_STORAGE": "ftp"})


def test_the_s3_fixture_really_uses_the_object_store(storage_backend, tmp_path):
    """Guards the tests above: on the s3 run nothing lands on local disk."""
    store_document("sk/2026/probe.pdf", b"probe")
    on_disk = (tmp_path / "media" / "sk" / "2026" / "probe.pdf").exists()
    assert on_disk == (storage_backend == "filesystem")
    assert type(storages["documents"]).__name__ == (
        "WriteOnceFileSystemStorage" if storage_backend == "filesystem" else "WriteOnceS3Storage")
