#!/usr/bin/env bash
# Regenerates the migrations of both providers as one "Initial" migration each.
# Only while nothing is released: once an installation runs, add migrations instead
#   dotnet ef migrations add <Name> --context SqliteAppDbContext   --output-dir Data/Migrations/Sqlite
#   dotnet ef migrations add <Name> --context PostgresAppDbContext --output-dir Data/Migrations/Postgres
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
cd src/Beraterpool.Web
rm -rf Data/Migrations
dotnet ef migrations add Initial --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite
dotnet ef migrations add Initial --context PostgresAppDbContext --output-dir Data/Migrations/Postgres
rm -f design.db
