#!/usr/bin/env bash
# npm run test:postgres — the organiser service's tests on a real PostgreSQL server (npm test runs
# them on PGlite). Installs Debian's postgresql if missing, starts it, makes a `kepu` role that may
# create databases; each test file creates its own database. CI runs it after npm test.
#   --install-only: install postgresql if missing, and stop there (CI does it while npm test runs).
set -euo pipefail
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "Installing Debian's postgresql for the service tests"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
[[ "${1:-}" != --install-only ]] || exit 0
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
$sudo pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do as_postgres psql -qAtc 'select 1' >/dev/null 2>&1 && break; sleep 1; done
as_postgres psql -qAtc "select 1 from pg_roles where rolname = 'kepu'" | grep -q 1 ||
  as_postgres psql -qc "create role kepu login createdb password 'kepu'"
KEPU_TEST_DATABASE_URL=postgres://kepu:kepu@127.0.0.1:5432/postgres npx vitest run tests/service
