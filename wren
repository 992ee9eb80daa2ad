#!/usr/bin/env bash
# The `wren` command. Builds the CLI with the Maven Wrapper on first use (or when sources changed), then runs it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$root/wren-cli/target/wren-cli.jar"

needs_build() {
  [ ! -f "$jar" ] && return 0
  # Rebuild when any source or pom is newer than the jar, so `git pull && ./wren ...` just works.
  [ -n "$(find "$root" -path "$root/*/target" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$jar" -print -quit 2>/dev/null)" ]
}

if [ "${WREN_SKIP_BUILD:-}" != "1" ] && needs_build; then
  echo "wren: building (first use or sources changed; this takes a minute)..." >&2
  (cd "$root" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -Denforcer.skip=true -pl wren-cli -am package >&2) \
    || { echo "wren: build failed; run ./mvnw -B -pl wren-cli -am package to see why" >&2; exit 1; }
fi

# Spark (the offline tier) needs these module openings on Java 17+.
jvm_flags=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dai.djl.offline=true
  # One PyTorch thread per call: Wren parallelises across requests and batches, and on a few cores more intra-op
  # threads only contend (800-candidate DeepFM p99 9 ms with one, 160-416 ms with two on 2 cores).
  # WREN_JAVA_OPTS, which comes later, may override these.
  -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1
)
# The Spark commands generate and load thousands of short-lived classes (Catalyst's code generation, Janino itself):
# with the default thresholds the C2 compiler spent about 60 s of CPU on them in a 3-minute 1M-rating run, on a
# 2-core machine. 25 times the thresholds leaves C2 the code that stays hot (60 times was slower again), and the
# parallel collector's cheaper barriers suit a batch job; together they cut that run's CPU (user+sys) from 346 s to
# 224-259 s over two quiet runs.
case "${1:-}" in
  offline|features|embed) jvm_flags+=(-XX:CompileThresholdScaling=25 -XX:+UseParallelGC) ;;
esac
# MLlib's Word2Vec (the embed stage) does its vector algebra through dev.ludovic.netlib, which uses the JDK's vector API
# when this module is present and plain loops otherwise: about a quarter faster with it. The JVM prints one "Using
# incubator modules" line for it, so only the commands that run Spark get it.
case "${1:-}" in
  offline|features|embed|eval|demo) jvm_flags+=(--add-modules=jdk.incubator.vector) ;;
esac
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# shellcheck disable=SC2086
exec java "${jvm_flags[@]}" ${WREN_JAVA_OPTS:-} -cp "$jar:$root/wren-cli/target/lib/*" dev.wren.cli.Main "$@"
