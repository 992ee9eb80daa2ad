#!/usr/bin/env bash
# Freshness benchmark of the near-line job (not a test): appends events to a followed log at a steady rate, each
# stamped with the wall clock (timestamp in seconds, loggedAt in ms, as serving writes them), while `wren stream
# --follow` keeps the store fresh; the job's store sink measures, for every event, the time from its loggedAt to the
# write that first made it visible in the user's row, and logs p50/p99 since the start every 10 s.
#
#   wren-stream/bench/freshness.sh DATA_DIR DATA_HOME STORE_URI [RATE=1000] [SECONDS=60] [OUT_OF_ORDERNESS=5]
#
# DATA_HOME's store (or the Redis at STORE_URI) must hold a live snapshot of DATA_DIR (`wren serve` bootstraps one).
# Prints the job's freshness line and writes it, with the settings and load average, as JSON to
# DATA_HOME/stream/freshness-<time>.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="$1" home="$2" store="$3" rate="${4:-1000}" seconds="${5:-60}" bound="${6:-5}"
mkdir -p "$home/stream"
log="$home/stream/bench-events-$$.jsonl"
out="$home/stream/bench-stream-$$.log"
: > "$log"
: > "$out"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# WREN: the launcher to run (default this checkout's ./wren, without rebuilding it).
WREN_SKIP_BUILD="${WREN_SKIP_BUILD:-1}" "${WREN:-$root/wren}" stream --follow --events "$log" --data "$data" \
  --data-home "$home" --store "$store" --out-of-orderness "$bound" > "$out" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q "Following" "$out" && break
  kill -0 $pid 2>/dev/null || { cat "$out"; exit 1; }
  sleep 0.5
done
# The job's tasks start after the client returns: wait for both user-feature tasks to have read their users' ratings.
for _ in $(seq 1 120); do
  [ "$(grep -c "User features task" "$out" || true)" -ge 2 ] && break
  sleep 0.5
done
sleep 2

python3 - "$data" "$log" "$rate" "$seconds" <<'PY'
import csv, random, sys, time
data, log, rate, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
movies = [int(r['movieId']) for r in csv.DictReader(open(data + '/movies.csv'))]
random.seed(7)
tick = 0.01  # 10 ms ticks, rate/100 events each, flushed per tick
per_tick = rate * tick
start = time.time()
sent = 0
with open(log, 'a', buffering=1 << 16) as f:
    while time.time() - start < seconds:
        due = int((time.time() - start) * rate)
        while sent < due:
            now = time.time()
            u, m = random.randint(1, 610), random.choice(movies)
            if random.random() < 0.25:
                f.write('{"kind":"event","schemaVersion":1,"loggedAt":%d,"type":"click","userId":%d,"itemId":%d,'
                        '"value":1.0,"timestamp":%d}\n' % (now * 1000, u, m, now))
            else:
                f.write('{"kind":"event","schemaVersion":1,"loggedAt":%d,"type":"rating","userId":%d,"itemId":%d,'
                        '"value":%.1f,"timestamp":%d}\n' % (now * 1000, u, m, random.randint(1, 10) / 2, now))
            sent += 1
        f.flush()
        time.sleep(tick)
print("appended %d events in %.1f s" % (sent, time.time() - start))
PY
# Steady state: the figures logged while events were still being appended (the last line covers all but the last
# period's events); the whole run's come with the next line, at the end of the sink's 10-second period.
steady="$(grep "since the start" "$out" | tail -1 | sed 's/.*since the start: //')"
echo "steady: $steady"
mark="$(grep -c "since the start" "$out" || true)"
for _ in $(seq 1 40); do
  [ "$(grep -c "since the start" "$out" || true)" -gt "$mark" ] && break
  sleep 0.5
done
kill -TERM $pid
wait $pid || true
trap - EXIT
line="$(grep "since the start" "$out" | tail -1 | sed 's/.*since the start: //')"
echo "whole run: $line"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
# Each 10-second period's own figures too: the first holds the JIT's warm-up.
periods="$(grep "since the start" "$out" | sed 's/; since the start.*//' | tr '\n' '|')"
python3 - "$steady" "$line" "$store" "$rate" "$seconds" "$bound" "$load_before" "$load_after" "$periods" \
  > "$home/stream/freshness-$stamp.json" <<'PY'
import json, re, sys
steady, line, store, rate, seconds, bound, before, after, periods = sys.argv[1:]
def figures(text):
    m = re.search(r'p50 (\d+) ms, p99 (\d+) ms, max (\d+) ms over (\d+) events', text)
    return {"p50Ms": int(m[1]), "p99Ms": int(m[2]), "maxMs": int(m[3]), "events": int(m[4])} if m else None
print(json.dumps({"store": store.split(':')[0], "rate": int(rate), "seconds": int(seconds),
                  "outOfOrdernessSeconds": int(bound), "steady": figures(steady), "wholeRun": figures(line),
                  "periods": [figures(p) for p in periods.split('|') if p],
                  "loadBefore": before, "loadAfter": after}))
PY
cat "$home/stream/freshness-$stamp.json"
rm -f "$log"
