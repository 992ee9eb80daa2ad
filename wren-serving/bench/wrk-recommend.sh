#!/usr/bin/env bash
# Load test of GET /api/v1/users/{id}/recommendations with wrk (Debian: apt-get install wrk) against `wren serve` in its
# own JVM, so that the server's CPU time per request is measured apart from the load generator's.
#
#   wren-serving/bench/wrk-recommend.sh DATA STORE MODELS OFFLINE [CANDIDATES] [CLIENTS...]
#
# e.g. wren-serving/bench/wrk-recommend.sh ../shared/data/ml-latest-small /tmp/store /tmp/models /tmp/off 800 1 4 16
# STORE is an embedded store's folder, or a store URI such as redis://127.0.0.1:6379/0.
# Prints, per client count: throughput, p50, p99 (wrk --latency) and the server's CPU milliseconds per request.
# SERVE_ARGS adds options to `wren serve`, e.g. SERVE_ARGS='--trending-quota 0' to compare without the trending channel.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data=$1 store=$2 models=$3 offline=$4 candidates=${5:-800}
shift $(( $# < 5 ? $# : 5 ))
clients=("${@:-1 4 16}"); [ $# -eq 0 ] && clients=(1 4 16)
port=${PORT:-18080}
seconds=${SECONDS_PER_RUN:-30} # and WARMUP_SECONDS (default 60)
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

# shellcheck disable=SC2086 # SERVE_ARGS is split into options on purpose
[[ $store =~ ^[a-z]+:// ]] || store="embedded:$store"
"$root/wren" serve --data "$data" --store "$store" --models "$models" --offline "$offline" \
  --candidates "$candidates" --port "$port" --event-log "$(mktemp)" ${SERVE_ARGS:-} > "${LOG:-/tmp/wren-wrk-serve.log}" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "localhost:$port/api/v1/health" >/dev/null 2>&1 && break; sleep 1; done
java_pid=$(pgrep -P $server java || echo $server)
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$java_pid/stat"; }

# Warm-up: the JIT compiles the request path in the first tens of seconds; on 2 cores busy with requests C2 is still
# compiling hot methods 40-50 s in, hence 60 s by default.
wrk -t1 -c4 -d"${WARMUP_SECONDS:-60}s" -s "$here/random-users.lua" "http://localhost:$port" > /dev/null
for c in "${clients[@]}"; do
  threads=$(( c < 2 ? 1 : 2 ))
  before=$(cpu); load_before=$(cut -d' ' -f1 /proc/loadavg)
  out=$(wrk -t$threads -c"$c" -d"${seconds}s" --latency -s "$here/random-users.lua" "http://localhost:$port")
  after=$(cpu)
  requests=$(awk '/requests in/ {print $1}' <<< "$out")
  printf 'clients %3d: %8s req/s  p50 %8s  p99 %8s  server CPU %s ms/request  load %s -> %s  %s\n' "$c" \
    "$(awk '/Requests\/sec/ {print $2}' <<< "$out")" "$(awk '$1 == "50%" {print $2}' <<< "$out")" \
    "$(awk '$1 == "99%" {print $2}' <<< "$out")" \
    "$(echo "scale=2; ($after - $before) * 1000 / $ticks / $requests" | bc)" "$load_before" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$(grep -E 'Non-2xx|Socket errors' <<< "$out" | tr '\n' ' ')"
done
