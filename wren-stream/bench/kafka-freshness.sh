#!/usr/bin/env bash
# Freshness benchmark from Kafka (not a test): runs dev.wren.stream.bench.KafkaFreshness (test classes: an in-process
# KRaft broker, the job following its topics, events produced at a steady rate) and prints the job's freshness since
# the start, as logged by its store sink.
#
#   wren-stream/bench/kafka-freshness.sh DATA_DIR WORK_DIR STORE_URI [RATE=1000] [SECONDS=60] [OUT_OF_ORDERNESS=5]
#
# STORE_URI must hold a live snapshot of DATA_DIR (`wren serve` bootstraps one). Build first:
#   ./mvnw -B -q install -DskipTests -pl wren-stream && ./mvnw -B -q test-compile -pl wren-stream
set -euo pipefail
module="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$1" work="$2" store="$3" rate="${4:-1000}" seconds="${5:-60}" bound="${6:-5}"
mkdir -p "$work"
cp="$work/classpath.txt"
(cd "$module/.." && ./mvnw -B -q dependency:build-classpath -pl wren-stream -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp" >/dev/null)
out="$work/kafka-freshness-$$.log"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$module/target/test-classes:$module/target/classes:$(cat "$cp")" dev.wren.stream.bench.KafkaFreshness \
  "$data" "$work" "$store" "$rate" "$seconds" "$bound" > "$out" 2>&1
grep "Produced" "$out" | tail -1
echo "freshness since the start: $(grep "since the start" "$out" | tail -1 | sed 's/.*since the start: //')"
echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
