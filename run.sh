#!/usr/bin/env bash
# Runs Beraterpool with demo data on the embedded SQLite database: http://localhost:5080
set -euo pipefail
cd "$(dirname "$0")"
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://localhost:5080}
export Demo__Seed=true
exec dotnet run --project src/Beraterpool.Web --no-launch-profile "$@"
