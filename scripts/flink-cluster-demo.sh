#!/usr/bin/env bash
# Runs the screening job on a real multi-process Flink session cluster built from Maven jars
# (no flink-dist download): one JobManager and one TaskManager JVM on loopback, the slim job jar
# submitted with Flink's own CLI front end (what `flink run` does), then both stopped.
#
#   scripts/flink-cluster-demo.sh [INPUT.jsonl]        (default: samples/transactions.jsonl)
#
# Needs Java 17 and Maven. Prints the job's summary; alerts are under $WORK/out.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
INPUT=$(realpath "${1:-samples/transactions.jsonl}")
WORK=$(mktemp -d /tmp/osec-flink-cluster.XXXXXX)
CONF="$WORK/conf"
mkdir -p "$CONF" "$WORK/log"

echo "== building the slim job jar and the cluster classpath"
mvn -B -q -Pcluster -pl core,flink-job package -DskipTests
mvn -B -q -pl flink-job dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/cp.txt"
CP="$(cat "$WORK/cp.txt")"

JM_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
REST_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$CONF/config.yaml" <<YAML
jobmanager.rpc.address: localhost
jobmanager.rpc.port: $JM_PORT
jobmanager.bind-host: localhost
taskmanager.bind-host: localhost
taskmanager.host: localhost
rest.address: localhost
rest.bind-address: localhost
rest.port: $REST_PORT
jobmanager.memory.process.size: 1024m
taskmanager.memory.process.size: 2048m
taskmanager.numberOfTaskSlots: 2
parallelism.default: 2
YAML
cp "$ROOT/flink-job/src/main/resources/log4j2.properties" "$CONF/log4j.properties"

OPENS="--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"
params() { # memory settings the way Flink's scripts compute them
  java -cp "$CP" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" --configDir "$CONF" 2>/dev/null \
    | grep '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://'
}
JM_JVM=$(params GET_JM_RESOURCE_PARAMS | head -n 1)
TM_PARAMS=$(params GET_TM_RESOURCE_PARAMS)
TM_JVM=$(echo "$TM_PARAMS" | head -n 1)
TM_DYN=$(echo "$TM_PARAMS" | tail -n 1)

cleanup() { kill "${TM_PID:-}" "${JM_PID:-}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== starting the JobManager (rpc $JM_PORT, rest $REST_PORT) and a TaskManager"
# shellcheck disable=SC2086
java $JM_JVM $OPENS -Dlog4j.configurationFile="$CONF/log4j.properties" -cp "$CP" \
  org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint --configDir "$CONF" > "$WORK/log/jm.out" 2>&1 &
JM_PID=$!
# shellcheck disable=SC2086
java $TM_JVM $OPENS -Dlog4j.configurationFile="$CONF/log4j.properties" -cp "$CP" \
  org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir "$CONF" $TM_DYN > "$WORK/log/tm.out" 2>&1 &
TM_PID=$!

for i in $(seq 1 120); do   # bounded wait: 60 s for a TaskManager to register
  if curl -fs "http://localhost:$REST_PORT/taskmanagers" 2>/dev/null | grep -q '"id"'; then break; fi
  if [ "$i" = 120 ]; then echo "no TaskManager registered within 60 s; logs in $WORK/log" >&2; exit 1; fi
  sleep 0.5
done
echo "== TaskManager registered; submitting the slim jar (what 'flink run' does)"
FLINK_CONF_DIR="$CONF" java $OPENS -cp "$CP" org.apache.flink.client.cli.CliFrontend run \
  -c org.osecscreener.job.RunMain "$ROOT/flink-job/target/osec-screener-cluster.jar" \
  --input "$INPUT" --output "$WORK/out" --checkpoint-interval PT2S
echo "== done; alerts under $WORK/out/alerts"
