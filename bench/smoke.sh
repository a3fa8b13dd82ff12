#!/usr/bin/env bash
# The benchmarks at a small size: a smoke test (they run and print ratios), no
# timing assertions. Needs PostgreSQL at 127.0.0.1:5432 (user postgres); each
# benchmark creates and drops its own databases (suffix _smoke_<pid>).
set -euo pipefail
cd "$(dirname "$0")/.."
export SIMASN_BENCH_DB_SUFFIX="_smoke_$$"
export SIMASN_BENCH_CACHE="${SIMASN_BENCH_CACHE:-var/bench-smoke}"
# The benchmarks' databases are copies of one migrated template (bench/_common.py prepare):
# the schema is built once for the run, not once for each benchmark. Dropped at the end.
export SIMASN_BENCH_TEMPLATE="simasn_bench_template${SIMASN_BENCH_DB_SUFFIX}"
drop_templates() {
  for db in "${SIMASN_BENCH_TEMPLATE}" "${SIMASN_BENCH_TEMPLATE}_ref"; do
    psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS \"${db}\" WITH (FORCE)" >/dev/null
  done
}
trap drop_templates EXIT
unset DATABASE_URL
N="${SIMASN_SMOKE_N:-2000}"
PY=.venv/bin/python
$PY bench/import.py "$N"
$PY bench/projection.py "$N" --repeat 1
$PY bench/api.py "$N" --seconds 2 --threads 4
$PY bench/selection.py 20000 2000 --repeat 1
# The registration burst with faults (issue 14) at 300 applicants, 20 clients, 2 seconds.
$PY bench/registration.py --applicants 300 --clients 20 --procs 1 --server-threads 4 --seconds 2 --drain-procs 1
$PY bench/law_columns.py "$N" --repeat 1 --employees 500
$PY bench/performance_rollup.py "$N" --repeat 1
# The pages of one large unit (issue 15): calibration, team list, ratings list, at 200 staff.
$PY bench/performance_pages.py 200 --repeat 1
$PY bench/talent.py "$N" --repeat 1
# The yearly Satyalancana list for the 20 largest instansi (end to end vs the law alone).
$PY bench/satyalancana.py "$N" --repeat 1 --instansi 20
# The overlap detector at 40 instansi x 50 activities (no database).
$PY bench/overlap.py --instansi 40 --per 50 --planted 100 --sample-instansi 6
echo "bench smoke: OK"
