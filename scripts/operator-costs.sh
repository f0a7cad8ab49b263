#!/usr/bin/env bash
# Where the Flink job's CPU goes, per operator chain: runs `run` on INPUT at the given parallelism
# under Java Flight Recorder (JDK tools only), then splits the process's CPU seconds between the
# task chains by their share of execution samples, and prints each chain's CPU microseconds per
# record and the throughput one subtask of it could sustain on one core (1 / cost).
#
#   scripts/operator-costs.sh INPUT.jsonl [PARALLELISM] [OUT_DIR]     (default 2, /tmp/osec-costs)
#
# Needs the job jar (mvn -B -q -pl core,flink-job package -DskipTests). Samples of one chain are
# summed over its subtasks; "other" is everything outside task threads (checkpointing threads,
# the mini-cluster, the JIT and GC are in the process CPU but not in the samples, and are spread
# pro rata). Use the shares, not single runs' absolute figures, on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
INPUT=$(realpath "${1:?usage: operator-costs.sh INPUT.jsonl [PARALLELISM] [OUT_DIR]}")
P=${2:-2}
OUT=${3:-/tmp/osec-costs}
JAR=flink-job/target/osec-screener.jar
[ -f "$JAR" ] || { echo "no $JAR: mvn -B -q -pl core,flink-job package -DskipTests first" >&2; exit 2; }
rm -rf "$OUT"; mkdir -p "$OUT"
RECORDS=$(wc -l < "$INPUT")
/usr/bin/time -f "%e %U %S" -o "$OUT/time" java -XX:+UseParallelGC -Xmx8g \
  -XX:StartFlightRecording=filename="$OUT/run.jfr",settings=profile \
  -jar "$JAR" run --input "$INPUT" --output "$OUT/run-out" --parallelism "$P" --max-future off > "$OUT/run.log" 2>&1
read -r WALL USER SYS < "$OUT/time"
jfr print --events jdk.ExecutionSample "$OUT/run.jfr" > "$OUT/samples.txt"
python3 - "$OUT/samples.txt" "$RECORDS" "$WALL" "$USER" "$SYS" "$P" <<'PY'
import collections, re, sys
path, records, wall, user, sys_s, p = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
cpu = user + sys_s
chains = collections.Counter()
for m in re.finditer(r'sampledThread = "([^"]*)"', open(path).read()):
    name = m.group(1)
    if re.search(r'\(\d+/\d+\)#\d+$', name):
        chains[re.sub(r'\s*\(\d+/\d+\)#\d+$', '', name)] += 1
    else:
        chains['other (checkpoint threads, mini-cluster, client)'] += 1
total = sum(chains.values())
print(f"{records:,} records, parallelism {p}: wall {wall:.1f} s ({records / wall:,.0f} tx/s), process CPU {cpu:.1f} s")
print(f"{'share':>6} {'CPU us/record':>13} {'one subtask, tx/s':>17}  operator chain")
for name, n in chains.most_common():
    share = n / total
    us = share * cpu / records * 1e6
    print(f"{share:6.1%} {us:13.2f} {1e6 / us if us > 0 else 0:17,.0f}  {name[:110]}")
PY
