#!/usr/bin/env bash
# A standalone Flink session cluster (one JobManager, N TaskManagers) from Maven Central jars, for
# trying the job jar with `flink run` without a Flink distribution.
#
#   deploy/local/flink-cluster.sh start [TASKMANAGERS]   # web UI / REST on http://localhost:8081
#   deploy/local/flink-cluster.sh run JOB-ARGS...        # flink run <job jar> JOB-ARGS...
#   deploy/local/flink-cluster.sh stop
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${FOREWARN_CLUSTER_DIR:-${TMPDIR:-/tmp}/forewarn-flink-cluster}"
CONF="$WORK/conf"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# What a Flink distribution passes to every JVM on Java 17 (env.java.opts.all).
OPENS="--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
 --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
 --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED
 --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"

classpath() {
  if [[ ! -f "$WORK/classpath.txt" ]]; then
    mkdir -p "$WORK"
    mvn -B -q -f "$HERE/flink-cluster/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >&2
  fi
  cat "$WORK/classpath.txt"
}

configure() {
  mkdir -p "$CONF" "$WORK/log"
  cat > "$CONF/config.yaml" <<YAML
jobmanager.rpc.address: localhost
jobmanager.memory.process.size: 1024m
taskmanager.memory.process.size: 1536m
taskmanager.numberOfTaskSlots: 2
taskmanager.load-balance.mode: SLOTS
rest.port: 8081
parallelism.default: 2
YAML
  cat > "$CONF/log4j.properties" <<'PROPS'
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
appender.file.type = File
appender.file.name = file
appender.file.fileName = ${sys:log.file}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d %-5p %c - %m%n
PROPS
}

jvm_params() {
  local kind=$1 cp=$2
  "$JAVA" -cp "$cp" org.apache.flink.runtime.util.bash.BashJavaUtils "GET_${kind}_RESOURCE_PARAMS" --configDir "$CONF" 2>/dev/null \
    | grep -E '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://'
}

start() {
  local tms=${1:-2} cp
  configure
  cp="$(classpath)"
  mapfile -t jm < <(jvm_params JM "$cp")
  # shellcheck disable=SC2086
  nohup "$JAVA" $OPENS ${jm[0]} -Dlog.file="$WORK/log/jobmanager.log" -Dlog4j.configurationFile="file:$CONF/log4j.properties" -cp "$cp" \
    org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint --configDir "$CONF" --executionMode cluster ${jm[1]} \
    > "$WORK/log/jobmanager.out" 2>&1 &
  echo $! > "$WORK/jobmanager.pid"
  mapfile -t tm < <(jvm_params TM "$cp")
  for i in $(seq 1 "$tms"); do
    # shellcheck disable=SC2086
    nohup "$JAVA" $OPENS ${tm[0]} -Dlog.file="$WORK/log/taskmanager-$i.log" -Dlog4j.configurationFile="file:$CONF/log4j.properties" -cp "$cp" \
      org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir "$CONF" -D taskmanager.resource-id="tm$i" ${tm[1]} \
      > "$WORK/log/taskmanager-$i.out" 2>&1 &
    echo $! > "$WORK/taskmanager-$i.pid"
  done
  for _ in $(seq 1 60); do
    if curl -sf localhost:8081/taskmanagers | grep -q "\"slotsNumber\""; then
      echo "Flink session cluster up: http://localhost:8081 (logs in $WORK/log)"
      return 0
    fi
    sleep 1
  done
  echo "Flink did not come up; see $WORK/log" >&2
  return 1
}

run_job() {
  local jar
  jar="$(ls "$ROOT"/flink-jobs/target/forewarn-flink-jobs-*-job.jar | head -n 1)"
  # shellcheck disable=SC2086
  FLINK_CONF_DIR="$CONF" "$JAVA" $OPENS -cp "$(classpath)" org.apache.flink.client.cli.CliFrontend run -d -m localhost:8081 "$jar" "$@"
}

stop() {
  for pid in "$WORK"/*.pid; do
    [[ -f "$pid" ]] || continue
    kill "$(cat "$pid")" 2>/dev/null || true
    rm -f "$pid"
  done
}

case "${1:-}" in
  start) shift; start "$@" ;;
  run) shift; run_job "$@" ;;
  stop) stop ;;
  *) sed -n '2,8p' "$0"; exit 2 ;;
esac
