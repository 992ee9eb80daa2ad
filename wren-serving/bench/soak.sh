#!/usr/bin/env bash
# Soak benchmark: `wren serve` in its own JVM under a fixed open-loop load of recommendation requests and events for a
# long time (30 minutes at 500 requests/s, 10 % of them events, by default). It passes when no request fails; it prints
# per minute the requests, errors and p50/p99/max latency, and every 5 minutes the heap after a full GC, so that a
# leak (a heap that keeps growing) or a drifting p99 shows. Not part of the test command.
#
#   wren-serving/bench/soak.sh DATA STORE MODELS OFFLINE [MINUTES] [RATE] [EVENT_SHARE]
#
# e.g. wren-serving/bench/soak.sh ../shared/data/ml-latest-small /tmp/store /tmp/models /tmp/off 30 500 0.1
# (STORE, MODELS and OFFLINE as `wren offline` and `wren train` wrote them under a data home). The event log is a
# fresh temporary file. SERVE_ARGS adds options to `wren serve`; MAX_USER (default 610) bounds the random user ids.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data=$1 store=$2 models=$3 offline=$4 minutes=${5:-30} rate=${6:-500} share=${7:-0.1}
port=${PORT:-18090}
event_log=$(mktemp)

# shellcheck disable=SC2086 # SERVE_ARGS is split into options on purpose
"$root/wren" serve --data "$data" --store "embedded:$store" --models "$models" --offline "$offline" \
  --port "$port" --event-log "$event_log" ${SERVE_ARGS:-} > "${LOG:-/tmp/wren-soak-serve.log}" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "localhost:$port/api/v1/health" >/dev/null 2>&1 && break; sleep 1; done
java_pid=$(pgrep -P $server java || echo $server)

# One minute of the same load first, so that the JIT has compiled the request path before the measured minutes.
java "$here/Soak.java" "http://localhost:$port" "$rate" 1 "$share" "${MAX_USER:-610}" "$data/movies.csv" "$java_pid" \
  > /dev/null || true
java "$here/Soak.java" "http://localhost:$port" "$rate" "$minutes" "$share" "${MAX_USER:-610}" "$data/movies.csv" \
  "$java_pid"
echo "events in the log: $(wc -l < "$event_log")"
