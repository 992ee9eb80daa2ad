#!/usr/bin/env bash
# deploy/local-cluster.sh up|down|status [DIR]
#
# Wren's production tiers on this one machine, each as its own processes on 127.0.0.1, for testing the cluster path:
#   Redis (the feature store), a single-node KRaft Kafka broker (the event log), a Spark standalone master and 2
#   workers (the offline job), a Flink session cluster of a jobmanager and a taskmanager (the stream job).
# No distribution is downloaded (none of Spark, Flink or Kafka is on Maven Central as one): the Maven Wrapper builds
# Wren and resolves the server jars from Central at the versions of the root pom, and this script lays out a home for
# each (jars linked from ~/.m2, a config, a logback.xml) and starts their main classes with java. `up` prints the
# addresses and the commands that submit the jobs and start the server. Pid files, logs and data go under DIR
# (default /tmp/wren-cluster). docs/CLUSTER.md describes the same deployment across machines.
#
# Ports (environment overrides): REDIS_PORT 16379, KAFKA_PORT 19092, KAFKA_CONTROLLER_PORT 19093, SPARK_PORT 17077,
# SPARK_UI_PORT 18080 (workers 18081, 18082), FLINK_RPC_PORT 16123, FLINK_REST_PORT 18090.
# WREN_CLUSTER_SKIP_BUILD=1 skips the Maven build when the jars and class paths are already there.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
action="${1:-}"
dir="${2:-/tmp/wren-cluster}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

REDIS_PORT="${REDIS_PORT:-16379}"
KAFKA_PORT="${KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
SPARK_PORT="${SPARK_PORT:-17077}"
SPARK_UI_PORT="${SPARK_UI_PORT:-18080}"
FLINK_RPC_PORT="${FLINK_RPC_PORT:-16123}"
FLINK_REST_PORT="${FLINK_REST_PORT:-18090}"
WORKERS=2

version="$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$root/pom.xml" | head -1)"
spark_jar="$root/wren-offline/target/wren-offline-$version-spark.jar"
flink_jar="$root/wren-stream/target/wren-stream-$version-flink.jar"
cli_jar="$root/wren-cli/target/wren-cli.jar"

# Spark's module openings on Java 17 (the root pom's wren.spark.javaOpts; a Spark distribution's scripts add them).
spark_opts=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false)
# Flink's own (a Flink distribution's env.java.default-opts.all).
flink_opts=(--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED)

# What stays out of Flink's lib/: Wren, what the job's shaded jar brings itself, and test libraries (as in
# wren-stream's FlinkSessionCluster).
flink_not_in_lib='/(dev/wren|com/fasterxml/jackson|redis/clients|org/apache/commons/commons-pool2|org/apache/commons/commons-csv|com/google/code/gson|org/json|me/tongfei|org/jline|org/apache/flink/flink-connector-kafka|org/apache/flink/flink-test-utils[^/]*|org/apache/kafka|org/scala-lang|com/typesafe/scala-logging|org/junit[^/]*|junit/junit|org/assertj|org/opentest4j|org/hamcrest|org/apiguardian|net/bytebuddy)/'

say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { echo "local-cluster: $*" >&2; exit 1; }

pid_of() { [ -f "$dir/pids/$1.pid" ] && cat "$dir/pids/$1.pid" || true; }
alive() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

# start NAME COMMAND...: runs it in the background, its output in logs/NAME.log, its pid in pids/NAME.pid.
start() {
  local name="$1"; shift
  if alive "$name"; then say "$name already running (pid $(pid_of "$name"))"; return; fi
  mkdir -p "$dir/logs" "$dir/pids"
  nohup "$@" >"$dir/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$dir/pids/$name.pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_free() { ! port_open "$1" || die "port $1 is taken (set another with the environment, see the script's header)"; }

# await NAME SECONDS TEST...: waits until TEST succeeds, or fails with the tail of NAME's log.
await() {
  local name="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    alive "$name" || { tail -30 "$dir/logs/$name.log" >&2; die "$name exited; log: $dir/logs/$name.log"; }
    [ "$SECONDS" -lt "$deadline" ] || { tail -30 "$dir/logs/$name.log" >&2; die "$name not ready in ${seconds}s"; }
    sleep 0.5
  done
}
log_has() { grep -q "$2" "$dir/logs/$1.log" 2>/dev/null; }

# link_jars CLASSPATH_FILE TARGET_DIR EXCLUDE_REGEX: links the class path's jars into TARGET_DIR, but Wren's own and
# those whose path matches EXCLUDE_REGEX.
link_jars() {
  local target="$2"
  rm -rf "$target" && mkdir -p "$target"
  tr ':' '\n' <"$1" | grep '\.jar$' | grep -Ev "$3" | while read -r jar; do
    ln -sf "$jar" "$target/$(basename "$jar")"
  done
}

build() {
  if [ "${WREN_CLUSTER_SKIP_BUILD:-}" = 1 ] && [ -f "$spark_jar" ] && [ -f "$flink_jar" ] && [ -f "$cli_jar" ] \
    && [ -f "$dir/classpath/offline.txt" ] && [ -f "$dir/classpath/stream.txt" ]; then
    return
  fi
  local t0=$SECONDS mvn=(./mvnw -B -q -Dspotless.check.skip=true -Denforcer.skip=true)
  say "building Wren and resolving the server jars with the Maven Wrapper..."
  (cd "$root" && "${mvn[@]}" install -DskipTests -pl wren-offline,wren-stream,wren-cli -am)
  mkdir -p "$dir/classpath"
  # The test class paths: Spark's as wren-offline runs it, Flink's and the Kafka broker's as wren-stream's tests do.
  (cd "$root" && "${mvn[@]}" dependency:build-classpath -pl wren-offline -Dmdep.includeScope=test \
    -Dmdep.outputFile="$dir/classpath/offline.txt")
  (cd "$root" && "${mvn[@]}" dependency:build-classpath -pl wren-stream -Dmdep.includeScope=test \
    -Dmdep.outputFile="$dir/classpath/stream.txt")
  say "built in $((SECONDS - t0))s"
}

logback() { # logback.xml for a conf/ folder on a class path
  cat >"$1/logback.xml" <<EOF
<configuration><appender name='OUT' class='ch.qos.logback.core.ConsoleAppender'><encoder>
<pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder></appender>
<logger name='org.apache.flink.shaded' level='WARN'/><logger name='org.sparkproject' level='WARN'/>
<logger name='io.netty' level='WARN'/><logger name='org.apache.kafka.clients' level='WARN'/>
<root level='INFO'><appender-ref ref='OUT'/></root></configuration>
EOF
}

lay_out() {
  # Spark: a SPARK_HOME whose jars/ the workers launch executors from (as wren-offline's OfflineSparkSubmitIT does).
  link_jars "$dir/classpath/offline.txt" "$dir/spark/jars" '/dev/wren/'
  mkdir -p "$dir/spark/conf" && logback "$dir/spark/conf"
  # Flink: lib/ holds Flink and what it needs; the job's jar brings the rest (as wren-stream's FlinkSessionClusterIT).
  link_jars "$dir/classpath/stream.txt" "$dir/flink/lib" "$flink_not_in_lib|-tests?\\.jar$"
  mkdir -p "$dir/flink/conf" && logback "$dir/flink/conf"
  mkdir -p "$dir/flink/io-tmp" "$dir/flink/web-tmp"
  # The client logs to a file, as bin/flink does, so that its terminal shows only what it prints (the job id).
  cat >"$dir/flink/conf/logback-client.xml" <<EOF
<configuration><appender name='FILE' class='ch.qos.logback.core.FileAppender'><file>$dir/logs/flink-client.log</file>
<encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder></appender>
<root level='INFO'><appender-ref ref='FILE'/></root></configuration>
EOF
  cat >"$dir/flink/conf/config.yaml" <<EOF
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $FLINK_RPC_PORT
jobmanager.bind-host: 127.0.0.1
jobmanager.memory.heap.size: 512m
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $FLINK_REST_PORT
taskmanager.host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
taskmanager.numberOfTaskSlots: 2
taskmanager.cpu.cores: 2
# About 1 GB per taskmanager, every component set (a TaskManagerRunner started without bin/taskmanager.sh needs them).
taskmanager.memory.framework.heap.size: 64m
taskmanager.memory.task.heap.size: 384m
taskmanager.memory.framework.off-heap.size: 128m
taskmanager.memory.task.off-heap.size: 0m
taskmanager.memory.network.min: 32m
taskmanager.memory.network.max: 32m
taskmanager.memory.managed.size: 32m
taskmanager.memory.jvm-metaspace.size: 192m
taskmanager.memory.jvm-overhead.min: 128m
taskmanager.memory.jvm-overhead.max: 128m
parallelism.default: 2
execution.checkpointing.dir: file://$dir/flink/checkpoints
execution.checkpointing.savepoint-dir: file://$dir/flink/savepoints
execution.checkpointing.externalized-checkpoint-retention: RETAIN_ON_CANCELLATION
execution.checkpointing.num-retained: 2
io.tmp.dirs: $dir/flink/io-tmp
web.tmpdir: $dir/flink/web-tmp
EOF
  # Kafka: the broker's jars (Kafka's own artifacts, at the root pom's kafka.version) and a combined KRaft node.
  link_jars "$dir/classpath/stream.txt" "$dir/kafka/lib" '/(dev/wren|org/apache/flink)/'
  mkdir -p "$dir/kafka/conf" "$dir/kafka/data" && logback "$dir/kafka/conf"
  cat >"$dir/kafka/conf/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/kafka/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  # Wrappers with the commands' usual names, so that the printed commands read as on a real installation.
  mkdir -p "$dir/bin" "$dir/redis"
  cat >"$dir/bin/flink" <<EOF
#!/usr/bin/env bash
# bin/flink of a Flink distribution: the client, against the session cluster of $dir/flink/conf.
export FLINK_CONF_DIR="$dir/flink/conf"
exec java -Xmx256m -Dlogback.configurationFile="$dir/flink/conf/logback-client.xml" ${flink_opts[*]} -cp "$dir/flink/conf:$dir/flink/lib/*" org.apache.flink.client.cli.CliFrontend "\$@"
EOF
  cat >"$dir/bin/spark-submit" <<EOF
#!/usr/bin/env bash
# bin/spark-submit of a Spark distribution: SparkSubmit with the SPARK_HOME of $dir/spark.
export SPARK_HOME="$dir/spark" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
exec java -Xmx1g ${spark_opts[*]} -cp "$dir/spark/conf:$dir/spark/jars/*" org.apache.spark.deploy.SparkSubmit "\$@"
EOF
  cat >"$dir/bin/kafka-topics" <<EOF
#!/usr/bin/env bash
# Creates missing topics: kafka-topics HOST:PORT PARTITIONS REPLICAS TOPIC...
exec java -cp "$dir/kafka/conf:$dir/kafka/lib/*" "$root/deploy/KafkaTopics.java" "\$@"
EOF
  chmod +x "$dir/bin/"*
}

up() {
  command -v redis-server >/dev/null || die "redis-server not on PATH (Debian: apt-get install -y redis-server)"
  local t0=$SECONDS t
  build
  lay_out
  export SPARK_HOME="$dir/spark" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 FLINK_CONF_DIR="$dir/flink/conf"

  t=$SECONDS
  if ! alive redis; then
    port_free "$REDIS_PORT"
    # Append-only file on: the store survives a restart of this script's Redis.
    start redis redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$dir/redis" --appendonly yes \
      --appendfsync everysec --save ''
  fi
  await redis 20 port_open "$REDIS_PORT"
  say "redis      redis://127.0.0.1:$REDIS_PORT/0 ($((SECONDS - t))s)"

  t=$SECONDS
  local kcp="$dir/kafka/conf:$dir/kafka/lib/*"
  if ! alive kafka; then
    port_free "$KAFKA_PORT"
    if [ ! -f "$dir/kafka/data/meta.properties" ]; then
      local cluster_id
      cluster_id="$(java -cp "$kcp" kafka.tools.StorageTool random-uuid 2>/dev/null | grep -E '^[A-Za-z0-9_-]{22}$' | tail -1)"
      [ -n "$cluster_id" ] || die "kafka.tools.StorageTool random-uuid gave no id"
      java -cp "$kcp" kafka.tools.StorageTool format --standalone -t "$cluster_id" \
        -c "$dir/kafka/conf/server.properties" >"$dir/logs/kafka-format.log" 2>&1 \
        || { cat "$dir/logs/kafka-format.log" >&2; die "formatting Kafka's storage failed"; }
    fi
    start kafka java -Xmx512m -Xms512m -XX:+UseG1GC -cp "$kcp" kafka.Kafka "$dir/kafka/conf/server.properties"
  fi
  await kafka 90 log_has kafka "Kafka Server started"
  "$dir/bin/kafka-topics" "127.0.0.1:$KAFKA_PORT" 3 1 wren.events wren.exposures wren.samples \
    >"$dir/logs/kafka-topics.log" 2>&1 || { cat "$dir/logs/kafka-topics.log" >&2; die "creating the topics failed"; }
  say "kafka      127.0.0.1:$KAFKA_PORT, topics wren.events wren.exposures wren.samples ($((SECONDS - t))s)"

  t=$SECONDS
  local scp="$dir/spark/conf:$dir/spark/jars/*"
  if ! alive spark-master; then
    port_free "$SPARK_PORT"
    start spark-master java -Xmx512m "${spark_opts[@]}" -cp "$scp" org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port "$SPARK_PORT" --webui-port "$SPARK_UI_PORT"
  fi
  await spark-master 90 log_has spark-master "I have been elected leader"
  for n in $(seq 1 $WORKERS); do
    if ! alive "spark-worker-$n"; then
      start "spark-worker-$n" java -Xmx512m "${spark_opts[@]}" -cp "$scp" org.apache.spark.deploy.worker.Worker \
        --host 127.0.0.1 --cores 1 --memory 1g --webui-port $((SPARK_UI_PORT + n)) --work-dir "$dir/spark/work-$n" \
        "spark://127.0.0.1:$SPARK_PORT"
    fi
  done
  for n in $(seq 1 $WORKERS); do
    await "spark-worker-$n" 90 log_has "spark-worker-$n" "Successfully registered with master"
  done
  say "spark      spark://127.0.0.1:$SPARK_PORT, $WORKERS workers of 1 core and 1 GB, UI http://127.0.0.1:$SPARK_UI_PORT ($((SECONDS - t))s)"

  t=$SECONDS
  local fcp="$dir/flink/conf:$dir/flink/lib/*"
  if ! alive flink-jobmanager; then
    port_free "$FLINK_REST_PORT"
    start flink-jobmanager java -Xmx512m -Xms512m "${flink_opts[@]}" -cp "$fcp" \
      org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint --configDir "$dir/flink/conf"
  fi
  if ! alive flink-taskmanager; then
    # Heap: framework + task heap; direct: framework off-heap + network; as bin/taskmanager.sh derives them.
    start flink-taskmanager java -Xmx448m -Xms448m -XX:MaxDirectMemorySize=160m -XX:MaxMetaspaceSize=192m \
      "${flink_opts[@]}" -cp "$fcp" org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir "$dir/flink/conf"
  fi
  flink_ready() { curl -sf "http://127.0.0.1:$FLINK_REST_PORT/overview" | grep -q '"taskmanagers":1'; }
  await flink-taskmanager 90 flink_ready
  say "flink      jobmanager 127.0.0.1:$FLINK_RPC_PORT, REST and UI http://127.0.0.1:$FLINK_REST_PORT, 1 taskmanager of 2 slots ($((SECONDS - t))s)"
  say "all up in $((SECONDS - t0))s; logs and pid files under $dir"
  commands
}

commands() {
  local data="${WREN_CLUSTER_DATA:-$root/../shared/data/ml-latest-small}"
  data="$(cd "$data" 2>/dev/null && pwd || echo "$data")"
  local store="redis://127.0.0.1:$REDIS_PORT/0" kafka="127.0.0.1:$KAFKA_PORT"
  cat <<EOF

Offline job on the Spark cluster, the driver in the wren CLI, publishing the snapshot to Redis (the executors load
Wren's classes from the spark jar):
  WREN_SKIP_BUILD=1 WREN_JAVA_OPTS="-Dspark.jars=$spark_jar -Dspark.driver.host=127.0.0.1 -Dspark.executor.memory=768m" \\
    $root/wren offline --master spark://127.0.0.1:$SPARK_PORT --data $data --store $store --out $dir/offline

Offline job with spark-submit (files and manifest only, as OfflineSparkSubmitIT runs it):
  $dir/bin/spark-submit --master spark://127.0.0.1:$SPARK_PORT --deploy-mode client --class dev.wren.offline.OfflineMain \\
    --conf spark.driver.host=127.0.0.1 --conf spark.ui.enabled=false --executor-memory 768m \\
    $spark_jar --input $data --output $dir/offline-submit

Server, events to Kafka:
  WREN_SKIP_BUILD=1 $root/wren serve --data $data --store $store --kafka $kafka --port 8080

Stream job on the Flink session cluster, following Kafka into Redis:
  $dir/bin/flink run -d -c dev.wren.stream.StreamMain $flink_jar \\
    --kafka $kafka --data $data --store $store --follow --parallelism 2
  $dir/bin/flink list; $dir/bin/flink stop <job id>    # stop with a savepoint; resume with flink run -s <savepoint> ...

Stop everything: $root/deploy/local-cluster.sh down $dir
EOF
}

stop_one() {
  local name="$1" pid
  pid="$(pid_of "$name")"
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    say "stopped $name (pid $pid)"
  fi
  rm -f "$dir/pids/$name.pid"
}

down() {
  # The consumers first, then what they write to.
  stop_one flink-taskmanager
  stop_one flink-jobmanager
  for n in $(seq $WORKERS -1 1); do stop_one "spark-worker-$n"; done
  stop_one spark-master
  stop_one kafka
  stop_one redis
}

status() {
  local name
  for name in redis kafka spark-master $(for n in $(seq 1 $WORKERS); do echo "spark-worker-$n"; done) \
    flink-jobmanager flink-taskmanager; do
    if alive "$name"; then printf '%-18s running (pid %s)\n' "$name" "$(pid_of "$name")"
    else printf '%-18s stopped\n' "$name"; fi
  done
  if alive flink-jobmanager; then
    printf 'flink jobs:        %s\n' "$(curl -sf "http://127.0.0.1:$FLINK_REST_PORT/jobs/overview" \
      | jq -c '[.jobs[] | {name, state, jid}]' 2>/dev/null || echo '?')"
  fi
  if alive spark-master; then
    printf 'spark workers:     %s alive\n' "$(curl -sf "http://127.0.0.1:$SPARK_UI_PORT/json/" | jq '.aliveworkers' 2>/dev/null || echo '?')"
  fi
  if alive redis; then
    printf 'redis keys:        %s\n' "$(redis-cli -p "$REDIS_PORT" dbsize 2>/dev/null || echo '?')"
  fi
}

case "$action" in
  up) up ;;
  down) down ;;
  status) status ;;
  commands) commands ;;
  *) echo "usage: $0 up|down|status|commands [DIR]" >&2; exit 2 ;;
esac
