#!/usr/bin/env bash
# Runs all tests: unit + integration tests on SQLite, the integration tests again on PostgreSQL
# (a throwaway server on 127.0.0.1:$PGPORT), two app instances behind nginx on that server (tests/Beraterpool.ClusterTests),
# and the browser tests (Playwright + Debian Chromium + axe).
# Prints one closing line: "Tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
export PGPORT=${PGPORT:-55432}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
tools/install-test-deps.sh || echo "warning: could not install test dependencies" >&2

dotnet build Beraterpool.slnx -c Release -nologo -v q || { echo "Tests: 0 passed, 1 failed"; exit 1; }

logs=$(mktemp -d)
status=0
run() { # name, project, then env assignments
  local name=$1 project=$2; shift 2
  echo "== $name"
  env "$@" dotnet test --no-build -c Release --project "$project" 2>&1 | tee "$logs/$name.log" | grep -vE '^\s*$|"@t"' | tail -n 25
  [ "${PIPESTATUS[0]}" = 0 ] || { status=1; echo "-- failed in $name:"; grep -v '"@t"' "$logs/$name.log" | grep -E -A 14 '^\s*failed [A-Za-z_]' | head -n 60; }
}
num() { grep -hE "^\s+$1: [0-9]+" "$logs"/*.log | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}'; }

run sqlite tests/Beraterpool.Tests TEST_DATABASE=Sqlite
pg_started=0
if tools/pg-throwaway.sh start; then
  pg_started=1
  run postgres tests/Beraterpool.Tests TEST_DATABASE=Postgres TEST_PG_CONNECTION="Host=127.0.0.1;Port=$PGPORT;Username=postgres"
  # Required here: without nginx the stage fails (the tests say why), as the PostgreSQL run does without PostgreSQL.
  run cluster tests/Beraterpool.ClusterTests CLUSTER_TESTS_REQUIRED=1 TEST_PG_CONNECTION="Host=127.0.0.1;Port=$PGPORT;Username=postgres"
else
  echo "PostgreSQL could not be started: the PostgreSQL run and the two-instance run count as failed." >&2
  status=1; echo "  failed: 1" > "$logs/postgres.log"; echo "  failed: 1" > "$logs/cluster.log"
fi
[ -f tests/Beraterpool.BrowserTests/Beraterpool.BrowserTests.csproj ] && run browser tests/Beraterpool.BrowserTests TEST_DATABASE=Sqlite
[ $pg_started = 1 ] && tools/pg-throwaway.sh stop >/dev/null

echo "Tests: $(num succeeded) passed, $(num failed) failed, $(num skipped) skipped"
exit $status
