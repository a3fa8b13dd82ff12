"""Shared set-up for the benchmarks: a throw-away PostgreSQL database, the generated
register file, and running `simasn` against that database."""

from __future__ import annotations

import contextlib
import os
import platform
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIMASN = str(ROOT / ".venv" / "bin" / "simasn")
PG = os.environ.get("SIMASN_BENCH_PG", "postgres://postgres@127.0.0.1:5432")
CACHE = Path(os.environ.get("SIMASN_BENCH_CACHE", ROOT / "var" / "bench"))
#: Appended to every benchmark database name (bench/smoke.sh uses its own).
SUFFIX = os.environ.get("SIMASN_BENCH_DB_SUFFIX", "")
#: When set (bench/smoke.sh), the name of a database migrated once per run: each benchmark's
#: database is then copied from it (CREATE DATABASE ... TEMPLATE) instead of migrated again.
TEMPLATE = os.environ.get("SIMASN_BENCH_TEMPLATE", "")


def machine() -> str:
    mem = ""
    with contextlib.suppress(OSError):
        meminfo = Path("/proc/meminfo").read_text()
        kb = int(next(line for line in meminfo.splitlines() if line.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB"
    return f"{platform.machine()}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}"


def admin_connect(dbname: str = "postgres"):
    import psycopg

    return psycopg.connect(f"{PG}/{dbname}", autocommit=True)


@contextlib.contextmanager
def database(name: str, *, keep: bool = False) -> Iterator[str]:
    """Create `name` (dropping an old one) and yield its URL; drop it afterwards."""
    name = f"{name}{SUFFIX}"
    with admin_connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG}/{name}"
    finally:
        if not keep:
            with admin_connect() as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def env_for(url: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.base",
                "SIMASN_MEDIA_ROOT": str(CACHE / "media"), **extra})
    return env


def simasn(url: str, *args: str, quiet: bool = True, **extra: str) -> float:
    """Run a `simasn` command against `url`; return its wall-clock seconds."""
    start = time.perf_counter()
    subprocess.run([SIMASN, *args], env=env_for(url, **extra), check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL if quiet else None)
    return time.perf_counter() - start


def prepare(url: str, *, reference: bool = True) -> None:
    """The schema (and the reference data: jabatan, golongan, units) in the database at `url`.

    With SIMASN_BENCH_TEMPLATE set, the first call migrates a template database and each call
    copies it: the smoke run's benchmarks then migrate once, not once each. Set-up only: no
    benchmark times it.
    """
    if not TEMPLATE:
        simasn(url, "migrate", "--noinput", "-v", "0")
        if reference:
            simasn(url, "generate-reference")
        return
    template = f"{TEMPLATE}_ref" if reference else TEMPLATE
    with admin_connect() as conn:
        ready = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template]).fetchone()
    if not ready and reference:  # the schema-only template, copied, then the reference data
        prepare(f"{PG}/{template}", reference=False)
        simasn(f"{PG}/{template}", "generate-reference")
    elif not ready:
        with admin_connect() as conn:
            conn.execute(f'CREATE DATABASE "{template}"')
        simasn(f"{PG}/{template}", "migrate", "--noinput", "-v", "0")
    name = url.rsplit("/", 1)[1]
    with admin_connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def register_file(n: int, seed: int = 1) -> Path:
    """The generated register for (n, seed), cached under var/bench/."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"register-{n}-{seed}.csv"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        subprocess.run([SIMASN, "generate-population", "--employees", str(n), "--seed", str(seed),
                        "--out", str(tmp), "--no-progress"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
                       env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.base"})
        tmp.rename(path)
    return path


def load_register_fast(url: str, path: Path) -> int:
    """Set-up only (not measured): put the register rows in the database with plain SQL
    (COPY to a staging table, then one INSERT … SELECT resolving the codes)."""
    import psycopg

    from simasn.bulk.layout import HEADER

    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cols = ", ".join(f'"{c}" text' for c in HEADER)
        cur.execute(f"CREATE TEMP TABLE stage ({cols})")
        not_null = ", ".join(f'"{c}"' for c in HEADER)
        sql = f"COPY stage FROM STDIN (FORMAT csv, HEADER true, FORCE_NOT_NULL ({not_null}))"
        with open(path, "rb") as handle, cur.copy(sql) as copy:
            while block := handle.read(1 << 20):
                copy.write(block)
        cur.execute("""
            INSERT INTO personnel_employee (instansi_id, unit_id, position_id, employee_type, nip, nik,
                front_title, name, back_title, birth_date, birth_place, sex, religion, marital_status,
                disability, home_address, education_level, education_major, rank, tmt_cpns, tmt_pns,
                contract_start, contract_end, status, email, phone, created_at, updated_at)
            SELECT i.id, u.id, p.id, s."JENIS_PEGAWAI", s."NIP_BARU", s."NIK", s."GELAR_DEPAN", s."NAMA",
                s."GELAR_BELAKANG", s."TANGGAL_LAHIR"::date, s."TEMPAT_LAHIR", s."JENIS_KELAMIN", s."AGAMA",
                s."STATUS_KAWIN", '', '', s."PENDIDIKAN", s."JURUSAN", s."GOL", NULLIF(s."TMT_CPNS", '')::date,
                NULLIF(s."TMT_PNS", '')::date, NULLIF(s."TMT_KONTRAK_AWAL", '')::date,
                NULLIF(s."TMT_KONTRAK_AKHIR", '')::date, 'AKTIF', '', s."NOMOR_HP", now(), now()
            FROM stage s
            JOIN organization_instansi i ON i.code = s."INSTANSI_KODE"
            LEFT JOIN organization_unit u ON u.instansi_id = i.id AND u.code = s."UNOR_KODE"
            LEFT JOIN positions_position p ON p.instansi_id = i.id AND p.code = s."JABATAN_KODE"
        """)
        count = cur.rowcount
        cur.execute("ANALYZE personnel_employee")
        conn.commit()
    return count


def django_setup(url: str) -> None:
    os.environ.update(env_for(url))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ratio_line(label: str, ours: float, baseline: float, goal: str) -> str:
    return f"{label}: ratio {ours / baseline:.2f} (goal {goal})"
