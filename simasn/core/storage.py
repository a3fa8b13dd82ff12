"""Files through Django's storage API, by relative name — never by a path on this machine.

Two storages are configured in ``STORAGES`` (config/settings/storage.py):

- ``default`` — working files: import uploads and their reject reports. They hold personal
  data and are deleted when no longer needed (simasn.bulk).
- ``documents`` — what an official signed or sent: SK (actions), agenda letters, berita
  acara and coordination letters (workplans). A name stored there is **write-once**: the
  storage refuses to overwrite it and refuses to delete it (`WriteOnceMixin`), so a decree
  of 2025 is in 2040 the bytes whose SHA-256 the database recorded.

Both are local directories under ``MEDIA_ROOT`` by default, and an S3-compatible object
store by configuration only (docs/deploy.md): the web process and the task worker may run
on different machines (ADR 0006), so a row or a task argument carries a storage *name*
(``imports/3f2a….csv``), never an absolute path. Names are a uuid or a content hash, so two
writers (or two parallel test workers) never pick the same one.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import IO, Any

from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext as _

from simasn.core.errors import ApplicationError, ConflictError

#: The alias of the write-once storage in settings.STORAGES.
DOCUMENTS = "documents"
#: The alias of the working storage (uploads, reports).
WORKING = "default"


class ImmutableFileError(ConflictError):
    """A write-once name was about to be overwritten or deleted."""


class WriteOnceMixin:
    """Mixed into a storage backend (before it) to make every stored name final.

    ``Storage.save`` asks ``get_available_name`` for the name to write; a backend that
    would overwrite (S3's default) or pick another name (the file system's) is stopped
    here when the name exists. The file-system backend asks again if it loses a race for
    the name (exclusive create), and is stopped the same way.
    """

    def get_available_name(self, name: str, max_length: int | None = None) -> str:
        if self.exists(name):  # type: ignore[attr-defined]  # the backend's
            raise ImmutableFileError(
                _("Berkas %(name)s sudah tersimpan dan tidak dapat ditimpa.") % {"name": name},
                code="document_exists")
        return super().get_available_name(name, max_length)  # type: ignore[misc]

    def delete(self, name: str) -> None:
        raise ImmutableFileError(
            _("Berkas %(name)s adalah dokumen resmi dan tidak dapat dihapus.") % {"name": name},
            code="document_immutable")


class WriteOnceFileSystemStorage(WriteOnceMixin, FileSystemStorage):
    """Write-once documents in a local directory (MEDIA_ROOT unless `location` is given)."""


class _StorageAlias(LazyObject):
    """A storage named by its alias, looked up again whenever STORAGES changes (a test may
    point it at a temporary directory or an object store); usable as a FileField's storage."""

    _wrapped: Any

    def __init__(self, alias: str) -> None:
        super().__init__()
        self.__dict__["_alias"] = alias

    def _setup(self) -> None:
        self._wrapped = storages[self.__dict__["_alias"]]

    def forget(self) -> None:
        self._wrapped = empty


_documents = _StorageAlias(DOCUMENTS)


@receiver(setting_changed)
def _forget_storage(*, setting: str, **kwargs: Any) -> None:
    if setting in ("STORAGES", "MEDIA_ROOT"):
        _documents.forget()


def documents_storage() -> Storage:
    """The write-once storage (a callable, so a FileField's migration names it, not a path)."""
    return _documents  # type: ignore[return-value]


def working_storage() -> Storage:
    return storages[WORKING]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def unique_name(folder: str, suffix: str) -> str:
    """A fresh relative name in `folder`, e.g. ``imports/<uuid>.csv``."""
    return f"{folder.strip('/')}/{uuid.uuid4().hex}{suffix}"


def save_exactly(storage: Storage, name: str, content: File | IO[bytes]) -> str:
    """Save under exactly `name` (a uuid or hash name): a backend that would rename it
    because the name is taken is a bug, not something to paper over."""
    stored = storage.save(name, content if isinstance(content, File) else File(content))
    if stored != name:
        storage.delete(stored)
        raise ConflictError(_("Nama berkas %(name)s sudah dipakai.") % {"name": name}, code="name_taken")
    return stored


def store_document(name: str, data: bytes) -> str:
    """Store a document's bytes once under `name` in the write-once storage.

    Storing the same bytes under the same name again (a retried task, a re-rendered
    document that came out identical) is a no-op; different bytes under a stored name
    are refused. Returns the name.
    """
    storage = documents_storage()
    if storage.exists(name):
        if sha256(read_bytes(storage, name)) == sha256(data):
            return name
        raise ImmutableFileError(
            _("Berkas %(name)s sudah tersimpan dengan isi lain dan tidak dapat ditimpa.") % {"name": name},
            code="document_exists")
    return save_exactly(storage, name, ContentFile(data))


def read_bytes(storage: Storage, name: str) -> bytes:
    with storage.open(name, "rb") as handle:
        data = handle.read()
    return data if isinstance(data, bytes) else data.encode()


def read_document(name: str, *, expected_sha256: str) -> bytes:
    """A stored document's bytes, refused when they no longer match the recorded SHA-256."""
    data = read_bytes(documents_storage(), name)
    if sha256(data) != expected_sha256:
        raise ApplicationError(_("Berkas dokumen tidak cocok dengan SHA-256 yang tercatat."),
                               code="integrity", status=409)
    return data
