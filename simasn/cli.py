"""The `simasn` console command: Django management with SIMASN's own verbs.

`simasn seed-demo` is the management command `seed_demo`; `simasn law ...` runs the
law package's own command line (scenario tests, evaluation, parameter history).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # Both imported on first use: `simasn law ...` runs the law package without Django
    # (no settings, no database); the rest needs Django and never the law CLI.
    if args and args[0] == "law":
        from simasn.law.cli import main as law_main

        return law_main(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["simasn", *args])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
