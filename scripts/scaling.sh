#!/usr/bin/env bash
# Does the Flink job scale with the cores it is given? Runs `run` on INPUT at parallelism 1 pinned to
# one core and at parallelism P pinned to P cores (Linux taskset), alternating, ROUNDS times, and
# prints wall and CPU seconds and the speed-up pair by pair. Parallelism and cores grow together, as
# they do when a job gets more task slots on a cluster; on one machine whose cores are all busy at
# p=1 already (the job's four task chains run as threads), raising the parallelism alone adds
# threads, not cores, and says nothing about scaling.
#
#   scripts/scaling.sh INPUT.jsonl [P] [ROUNDS]       (default P=2, ROUNDS=2; needs P cores)
#
# Needs the job jar (mvn -B -q -pl core,flink-job package -DskipTests). Also checks that both runs
# wrote the same alerts (sorted).
set -euo pipefail
cd "$(dirname "$0")/.."
INPUT=$(realpath "${1:?usage: scaling.sh INPUT.jsonl [P] [ROUNDS]}")
P=${2:-2}
ROUNDS=${3:-2}
JAR=flink-job/target/osec-screener.jar
[ -f "$JAR" ] || { echo "no $JAR: mvn -B -q -pl core,flink-job package -DskipTests first" >&2; exit 2; }
command -v taskset > /dev/null || { echo "taskset (util-linux) is needed to pin the runs to cores" >&2; exit 2; }
CORES=$(nproc)
[ "$CORES" -ge "$P" ] || { echo "P=$P needs $P cores; this machine has $CORES" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
run() { # cpus parallelism label
  rm -rf "$WORK/$3"
  /usr/bin/time -f "%e %U %S" -o "$WORK/time" taskset -c "$1" java -XX:+UseParallelGC -Xmx8g -jar "$JAR" run \
    --input "$INPUT" --output "$WORK/$3" --parallelism "$2" --max-future off > "$WORK/log" 2>&1 \
    || { echo "run failed (cpus $1, p=$2):" >&2; tail -20 "$WORK/log" >&2; exit 1; }
  read -r WALL USER SYS < "$WORK/time"
  cat "$WORK/$3"/alerts*/* | sort > "$WORK/$3.sorted"
  printf '%s %.1f %.1f\n' "$3" "$WALL" "$(echo "$USER + $SYS" | bc)"
}
echo "$(wc -l < "$INPUT") records; p=1 on core 0, p=$P on cores 0-$((P - 1)); $ROUNDS alternating rounds"
for r in $(seq 1 "$ROUNDS"); do
  read -r _ W1 C1 < <(run 0 1 one)
  read -r _ WP CP < <(run "0-$((P - 1))" "$P" many)
  cmp -s "$WORK/one.sorted" "$WORK/many.sorted" || { echo "round $r: the alerts of p=1 and p=$P differ" >&2; exit 1; }
  printf 'round %d: p=1 %.1f s wall (%.1f s CPU), p=%d %.1f s wall (%.1f s CPU): speed-up %.2f\n' \
    "$r" "$W1" "$C1" "$P" "$WP" "$CP" "$(echo "$W1 / $WP" | bc -l)"
done
