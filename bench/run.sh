#!/usr/bin/env bash
# The directory benchmark (see bench/README.md): Release build, fresh SQLite database, N synthetic advisors,
# then wrk against /advisors with rotating filter combinations and against /plaintext in the same app process.
#
#   bench/run.sh [N]          N advisors (default 50000; also N=… in the environment)
#   DURATION=10s THREADS=2 CONNECTIONS=32 PATHS=20000 NO_BUILD=1 KEEP=1   optional knobs
#   DIRECTORY=/advisors   the page under test (DIRECTORY=/ checks the script itself against the home page)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

N=${1:-${N:-50000}}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PATHS=${PATHS:-20000}
DIRECTORY=${DIRECTORY:-/advisors}
# The app reads unprefixed environment variables as configuration (URLS would become its bind address).
export -n N DURATION THREADS CONNECTIONS PATHS DIRECTORY NO_BUILD KEEP
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 LC_NUMERIC=C

if ! command -v wrk >/dev/null; then
  echo "== installing wrk"
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi
command -v curl >/dev/null || { echo "curl is missing (apt-get install curl)" >&2; exit 1; }

out=$root/bench/out
app_dir=$out/app
cli_dir=$out/cli
if [ -z "${NO_BUILD:-}" ] || [ ! -f "$app_dir/Beraterpool.Web.dll" ] || [ ! -f "$cli_dir/Beraterpool.Cli.dll" ]; then
  echo "== building Release into bench/out/app and bench/out/cli"
  dotnet publish src/Beraterpool.Web -c Release -o "$app_dir" -nologo -v q
  dotnet publish src/Beraterpool.Cli -c Release -o "$cli_dir" -nologo -v q
fi

work=$(mktemp -d /tmp/beraterpool-bench.XXXXXX)
app_pid=""
sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  [ -n "${KEEP:-}" ] && echo "(kept $work)" || rm -rf "$work"
}
trap cleanup EXIT

# The app as production runs it: its own folder as content root, warnings only in the log.
export ASPNETCORE_ENVIRONMENT=Production
export Database__Provider=Sqlite
export ConnectionStrings__Default="Data Source=$work/bench.db"
export Serilog__MinimumLevel__Default=Warning
export Email__OutboxFolder=$work/outbox
export Demo__Seed=false
# Production refuses to start without the key-ring certificate (README, Production): a throwaway one for this run.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/dp.key" -out "$work/dp.crt" -days 2 -subj "/CN=bench" 2>/dev/null
openssl pkcs12 -export -inkey "$work/dp.key" -in "$work/dp.crt" -out "$work/dp.pfx" -passout pass:
export DataProtection__CertificatePath=$work/dp.pfx
# The seeding commands live in the command-line tool; it runs on the published app's folder as content root.
run_cli() { (cd "$app_dir" && ASPNETCORE_CONTENTROOT=$app_dir exec dotnet "$cli_dir/Beraterpool.Cli.dll" "$@"); }

echo "== seeding $N synthetic advisors (migrations and the shipped register first, as at a start)"
seed_start=$(date +%s%N)
run_cli seed-synthetic "$N" || { echo "seed-synthetic failed" >&2; exit 1; }
seed_ms=$(( ($(date +%s%N) - seed_start) / 1000000 ))

echo "== generating $PATHS rotating directory addresses"
run_cli bench-urls "$work/advisors-paths.lua" --count "$PATHS" || { echo "bench-urls failed" >&2; exit 1; }
sed -e "s#/advisors#${DIRECTORY%/}#" -e 's#^  "?#  "/?#' -e 's#^  ""#  "/"#' "$work/advisors-paths.lua" | cat - bench/wrk-report.lua > "$work/advisors.lua"
cp bench/wrk-report.lua "$work/plain.lua"

free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 30000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
port=$(free_port)
base="http://127.0.0.1:$port"

echo "== starting the app on $base (Bench:Plaintext on)"
start_ns=$(date +%s%N)
# One subshell that execs dotnet, so $! is the app's own process (for its RSS).
# App:PublicUrl: production answers only its own host names (HttpsSetup).
(cd "$app_dir" && ASPNETCORE_URLS=$base App__PublicUrl=$base Bench__Plaintext=true exec dotnet Beraterpool.Web.dll > "$work/app.log" 2>&1) &
app_pid=$!

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base$1" || true; }

# Time to the first directory page: from process start to the first 200 of the directory.
first_any_ms="" first_dir_ms="" dir_status=""
deadline=$(( $(date +%s) + 120 ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  kill -0 "$app_pid" 2>/dev/null || { echo "The app exited; its log:" >&2; tail -n 30 "$work/app.log" >&2; exit 1; }
  dir_status=$(status_of "$DIRECTORY")
  now_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  if [ "$dir_status" != "000" ] && [ -z "$first_any_ms" ]; then first_any_ms=$now_ms; fi
  if [ "$dir_status" = "200" ]; then first_dir_ms=$now_ms; break; fi
  # Up, but no directory page: report it rather than wait for ever.
  if [ -n "$first_any_ms" ] && [ $(( now_ms - first_any_ms )) -gt 5000 ]; then break; fi
  sleep 0.02
done
[ -n "$first_any_ms" ] || { echo "The app did not answer within 120 s." >&2; exit 1; }
echo "   first response after ${first_any_ms} ms; $DIRECTORY answers $dir_status"
[ "$(status_of /plaintext)" = 200 ] || { echo "/plaintext does not answer 200 (is Bench:Plaintext honoured?)" >&2; exit 1; }

echo "   sample of the rotating addresses:"
sed -n '3,14p' "$work/advisors.lua" | tr -d ' ",' | while read -r path; do
  printf '     %s  %s\n' "$(status_of "$path")" "$path"
done

# RSS of the app process, sampled every 200 ms while the load runs.
sample_rss() { while :; do awk '/^VmRSS/ {print $2}' "/proc/$app_pid/status" 2>/dev/null >> "$work/rss.txt" || true; sleep 0.2; done; }

# The app's own processor time (user + system, in clock ticks): per request it does not depend on what else runs on the
# machine, so a before/after comparison holds on a busy machine where requests per second swing.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
tick_us=$(( 1000000 / $(getconf CLK_TCK) ))

bench() { # name, connections, threads, script, path
  local name=$1 conns=$2 threads=$3 script=$4 path=$5 line before after requests
  before=$(cpu_ticks)
  line=$(wrk -t"$threads" -c"$conns" -d"$DURATION" --timeout 5s -s "$script" "$base$path" | grep '^BENCH ' || true)
  after=$(cpu_ticks)
  [ -n "$line" ] || { echo "wrk gave no result for $name" >&2; line="BENCH requests=0 rps=0 p50_us=0 p99_us=0 not_2xx=0 socket_errors=0 statuses="; }
  requests=$(sed -nE 's/.*requests=([0-9]+).*/\1/p' <<<"$line")
  line="$line cpu_us=$(awk -v t=$(( (after - before) * tick_us )) -v n="${requests:-0}" 'BEGIN { if (n > 0) printf "%.1f", t / n; else print 0 }')"
  echo "$name conns=$conns ${line#BENCH }" >> "$work/results.txt"
  echo "   $name -c$conns: ${line#BENCH }"
}

echo "== warming up (JIT, tiered compilation, caches of the app)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$work/advisors.lua" "$base$DIRECTORY" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -s "$work/plain.lua" "$base/plaintext" >/dev/null

echo "== measuring ($DURATION each)"
: > "$work/results.txt"
sample_rss & sampler_pid=$!
bench plaintext "$CONNECTIONS" "$THREADS" "$work/plain.lua" /plaintext
bench advisors "$CONNECTIONS" "$THREADS" "$work/advisors.lua" "$DIRECTORY"
bench plaintext 1 1 "$work/plain.lua" /plaintext
bench advisors 1 1 "$work/advisors.lua" "$DIRECTORY"
kill "$sampler_pid" 2>/dev/null || true; sampler_pid=""

field() { sed -nE "s/.* $2=([^ ]*).*/\1/p" <<<" $1"; }
row_of() { grep -E "^$1 conns=$2 " "$work/results.txt" || true; }
ms() { awk -v us="${1:-0}" 'BEGIN { printf "%.2f ms", us / 1000 }'; }

rss_peak=$(sort -n "$work/rss.txt" | tail -n 1)
rss_mean=$(awk '{ s += $1; n++ } END { if (n) printf "%d", s / n }' "$work/rss.txt")
sha=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
report=$out/results-$(date +%Y%m%d-%H%M%S).txt
{
  echo
  echo "Beraterpool directory benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), commit $sha"
  echo "$N synthetic advisors in 16 pools, SQLite, Release, $(nproc) cores shared by app and wrk, wrk -d$DURATION, $PATHS rotating $DIRECTORY addresses"
  echo
  printf '| %-22s | %5s | %11s | %9s | %9s | %9s | %11s | %12s |\n' endpoint conns requests/s p50 p99 non-2xx "÷ plaintext" "app CPU/req"
  printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' ------------------------ ------- ------------- ----------- ----------- ----------- ------------- --------------
  ratio_c32="" p50_c1="" dir_bad=0
  for conns in "$CONNECTIONS" 1; do
    plain_rps=$(field "$(row_of plaintext "$conns")" rps)
    for name in plaintext advisors; do
      r=$(row_of "$name" "$conns")
      rps=$(field "$r" rps); p50=$(field "$r" p50_us); p99=$(field "$r" p99_us); cpu=$(field "$r" cpu_us)
      bad=$(( $(field "$r" not_2xx || echo 0) + $(field "$r" socket_errors || echo 0) ))
      ratio=$(awk -v a="${rps:-0}" -v b="${plain_rps:-0}" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }')
      label=/$name; [ "$name" = advisors ] && label="$DIRECTORY (rotating)"
      printf '| %-22s | %5s | %11.0f | %9s | %9s | %9s | %11s | %9s µs |\n' "$label" "$conns" "${rps:-0}" "$(ms "$p50")" "$(ms "$p99")" "$bad" "$ratio" "${cpu:-0}"
      if [ "$name" = advisors ]; then dir_bad=$(( dir_bad + bad )); fi
      if [ "$name" = advisors ] && [ "$conns" = "$CONNECTIONS" ]; then ratio_c32=$ratio; fi
      if [ "$name" = advisors ] && [ "$conns" = 1 ]; then p50_c1=$p50; fi
    done
  done
  echo
  echo "Memory under load (VmRSS):       peak $(( ${rss_peak:-0} / 1024 )) MB, mean $(( ${rss_mean:-0} / 1024 )) MB"
  if [ -n "$first_dir_ms" ]; then
    echo "Start to first directory page:   $(awk -v m="$first_dir_ms" 'BEGIN { printf "%.2f s", m / 1000 }') (first response of any kind after ${first_any_ms} ms)"
  else
    echo "Start to first directory page:   none — $DIRECTORY answered $dir_status (first response after ${first_any_ms} ms)"
  fi
  echo "Seeding (incl. migrations and register import): $(awk -v m="$seed_ms" 'BEGIN { printf "%.1f s", m / 1000 }')"
  for name in advisors plaintext; do
    for conns in "$CONNECTIONS" 1; do
      r=$(row_of "$name" "$conns")
      [ "$(( $(field "$r" not_2xx || echo 0) + $(field "$r" socket_errors || echo 0) ))" = 0 ] ||
        echo "ERRORS $([ $name = advisors ] && echo "$DIRECTORY" || echo /plaintext) -c$conns: status counts $(field "$r" statuses), socket errors $(field "$r" socket_errors)"
    done
  done
  goal1=$(awk -v r="${ratio_c32:--1}" 'BEGIN { print (r != "-" && r >= 0.10) ? "met" : "NOT met" }')
  goal2=$(awk -v p="${p50_c1:-999999}" 'BEGIN { print (p > 0 && p <= 2000) ? "met" : "NOT met" }')
  if [ "$dir_bad" = 0 ]; then
    echo "Goals: directory ≥ 0.10 × plaintext: $goal1 (${ratio_c32:-–}); single-connection p50 ≤ 2 ms: $goal2"
  else
    echo "Goals: not judged — $dir_bad directory requests failed (see ERRORS above)."
  fi
} | tee "$report"
echo "(saved to ${report#"$root"/})"
