"""Run in a subprocess by test_resume.py: import FILE as the command line does, and SIGKILL
this very process right after the checkpoint at ROWS has committed — a crash at an exact
place, with no sleeping or polling (the importer's `after_chunk` hook).

    python -m simasn.bulk.tests.kill_at_checkpoint FILE ROWS CHUNK_SIZE
"""

from __future__ import annotations

import os
import signal
import sys

import django


def main(path: str, rows: int, chunk_size: int) -> None:
    django.setup()
    from simasn.bulk.tests.helpers import import_path

    def after_chunk(processed: int) -> None:
        if processed >= rows:
            os.kill(os.getpid(), signal.SIGKILL)

    import_path(path, chunk_size=chunk_size, after_chunk=after_chunk)
    sys.exit("the import finished before the checkpoint it was to be killed at")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
