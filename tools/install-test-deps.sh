#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine that has only the .NET SDK:
# Debian's Chromium (Playwright cannot download browsers here), fonts, PostgreSQL 15, nginx (the two-instance test),
# wrk for the benchmark.
# Idempotent; needs root (or sudo). Skips what is already there.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core fonts-dejavu-extra)
[ -d /usr/share/fonts/truetype/liberation ] || need+=(fonts-liberation)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql-15)
[ -x /usr/sbin/nginx ] || need+=(nginx)
[ "${WITH_WRK:-0}" = 1 ] && ! command -v wrk >/dev/null && need+=(wrk)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
echo "Installing: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The Debian postgresql package starts a cluster on 5432; the tests use their own throwaway one.
# The nginx package may start a server on port 80; the two-instance test starts its own on free ports.
