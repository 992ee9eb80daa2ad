#!/usr/bin/env bash
# One row of the README's sizing table: generate a synthetic dataset of the given size, then measure each tier on it
# in turn on this machine (nothing else should run): the offline pipeline (wall time, CPU, peak resident set), its
# output and the embedded store on disk, one DeepFM epoch, and `wren serve` (start-up, live heap after a full GC,
# resident set, throughput and p99 at 4 clients over uniformly drawn users). Needs GNU time and wrk
# (Debian: apt-get install time wrk).
#
#   deploy/sizing.sh USERS MOVIES RATINGS WORK
#
# e.g. deploy/sizing.sh 6040 3700 1000000 /tmp/size-1m     (the sizes of ml-1m)
#      deploy/sizing.sh 162000 60000 25000000 /tmp/size-25m (the sizes of ml-25m; WREN_JAVA_OPTS=-Xmx9g)
# Prints one line per measurement, and the summary row last; sizes in binary units (GB = 2^30 bytes, MB = 2^20).
# Logs stay under WORK.
# SERVE_ONLY=1 measures only the server, over WORK/data, WORK/offline, WORK/store and WORK/models of an earlier run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
users=$1 movies=$2 ratings=$3 work=$4
port=${PORT:-18090}
for tool in /usr/bin/time wrk jcmd; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install time wrk; jcmd comes with the JDK)" >&2; exit 1; }
done
mkdir -p "$work"
wren() { "$root/wren" "$@"; }
# GNU time -v: wall clock as h:mm:ss or m:ss.ss, peak RSS in kB.
timed() { local log=$1; shift; /usr/bin/time -v -o "$log.time" "$@" > "$log" 2>&1; }
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.0f", s}' "$1.time"; }
cpu() { awk -F': ' '/User time|System time/ {s += $2} END {printf "%.0f", s}' "$1.time"; }
rss_gb() { awk -F': ' '/Maximum resident/ {printf "%.1f", $2 / 1048576}' "$1.time"; }
size_mb() { du -sm "$1" | cut -f1; }

if [ "${SERVE_ONLY:-}" != 1 ]; then
  [ -f "$work/data/ratings.csv" ] || wren generate --users "$users" --movies "$movies" --ratings "$ratings" --out "$work/data" > "$work/generate.log" 2>&1
  rm -rf "$work/offline" "$work/store" "$work/models"
  timed "$work/offline.log" "$root/wren" offline --data "$work/data" --out "$work/offline" --store "embedded:$work/store"
  echo "offline: $(wall "$work/offline.log") s wall, $(cpu "$work/offline.log") s CPU, peak RSS $(rss_gb "$work/offline.log") GB;" \
    "output $(size_mb "$work/offline") MB, store $(size_mb "$work/store") MB"
  timed "$work/train.log" "$root/wren" train --model deepfm --samples "$work/offline" --bundles "$work/models" --epochs 1 --no-progress
  echo "train (deepfm, 1 epoch): $(wall "$work/train.log") s wall, peak RSS $(rss_gb "$work/train.log") GB"
fi

"$root/wren" serve --data "$work/data" --store "embedded:$work/store" --models "$work/models" --offline "$work/offline" \
  --port "$port" --event-log "$work/events.jsonl" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
started=$(date +%s)
for _ in $(seq 1 900); do curl -sf "localhost:$port/api/v1/health" > /dev/null 2>&1 && break; sleep 1; done
ready=$(( $(date +%s) - started ))
java_pid=$(pgrep -P $server java || echo $server)
export MAX_USER=$users
wrk -t1 -c4 -d60s -s "$root/wren-serving/bench/random-users.lua" "http://localhost:$port" > /dev/null
out=$(wrk -t2 -c4 -d30s --latency -s "$root/wren-serving/bench/random-users.lua" "http://localhost:$port")
rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<< "$out")
p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
errors=$(grep -E 'Non-2xx|Socket errors' <<< "$out" | tr '\n' ' ' || true)
jcmd "$java_pid" GC.run > /dev/null
heap_mb=$(jcmd "$java_pid" GC.heap_info | awk '/garbage-first heap/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?/, "", v); printf "%.0f", v / 1024}}')
rss_mb=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$java_pid/status")
echo "serve: ready in $ready s, live heap after full GC $heap_mb MB, RSS $rss_mb MB, $rps req/s p99 $p99 at 4 clients $errors"
[ "${SERVE_ONLY:-}" = 1 ] && exit 0
echo "| $ratings | $users | $movies | $(wall "$work/offline.log") s | $(rss_gb "$work/offline.log") GB | $(size_mb "$work/offline") MB" \
  "| $(size_mb "$work/store") MB | $(wall "$work/train.log") s | $(rss_gb "$work/train.log") GB | $ready s | $heap_mb MB | $rss_mb MB | $rps | $p99 |"
