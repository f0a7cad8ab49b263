#!/usr/bin/env bash
# Remakes the savepoint fixture of EarlierBuildSavepointTest from the build of an earlier commit
# (default d2f54c8, the build before the speed work, which produced the README's detection table).
#
#   scripts/savepoint-fixture/make.sh [COMMIT]
#
# Builds COMMIT's job jar in a temporary worktree, runs MakeSavepoint.java against it over the bundled
# sample (lines 1-400 first, lines 401-600 added after 22 s, stop 3 s later), and writes the savepoint
# and the alerts the earlier build had committed to
# flink-job/src/test/resources/org/osecscreener/job/savepoint-COMMIT/. Needs git, Maven and a JDK 17;
# takes about two minutes. The test expects 65 committed alerts: check the count if you remake it.
set -euo pipefail
cd "$(dirname "$0")/../.."
COMMIT=${1:-d2f54c8}
WORK=$(mktemp -d)
trap 'git worktree remove --force "$WORK/src" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
git worktree add --detach "$WORK/src" "$COMMIT" >/dev/null
(cd "$WORK/src" && mvn -B -q -pl core,flink-job package -DskipTests)
JAR="$WORK/src/flink-job/target/osec-screener.jar"
javac -cp "$JAR" -d "$WORK/classes" scripts/savepoint-fixture/MakeSavepoint.java
mkdir -p "$WORK/in"
head -400 samples/transactions.jsonl > "$WORK/in/a1.jsonl"
sed -n 401,600p samples/transactions.jsonl > "$WORK/a2.jsonl"
java -cp "$JAR:$WORK/classes" MakeSavepoint "$WORK/in" "$WORK/out" "$WORK/savepoints" 22000 "$WORK/a2.jsonl" 3000
DEST=flink-job/src/test/resources/org/osecscreener/job/savepoint-$COMMIT
rm -rf "$DEST"; mkdir -p "$DEST/savepoint"
cp "$WORK"/savepoints/savepoint-*/* "$DEST/savepoint/"
cat "$WORK"/out/alerts/*.jsonl | LC_ALL=C sort > "$DEST/committed-alerts.jsonl"
echo "fixture: $DEST ($(wc -l < "$DEST/committed-alerts.jsonl") committed alerts)"
