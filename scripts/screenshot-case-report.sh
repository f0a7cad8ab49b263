#!/usr/bin/env bash
# Renders the case report of the bundled sample in headless Chromium and saves a screenshot.
#
#   scripts/screenshot-case-report.sh [OUT.png]      (default: docs/case-report.png)
#
# Needs Java 17, Maven (only if the jar is not built yet), python3 and Debian's chromium
# (`apt-get install -y chromium`). Screens samples/transactions.jsonl, runs `report` (identifiers
# masked), picks the case with the most alerts and screenshots its page. Chromium runs headless with
# networking extras off and a throwaway profile; the page itself loads nothing from the network.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/case-report.png}
JAR=flink-job/target/osec-screener.jar
if [ ! -f "$JAR" ]; then
  mvn -B -q -pl core,flink-job package -DskipTests
fi
WORK=$(mktemp -d)
PROFILE=$(mktemp -d)
trap 'rm -rf "$WORK" "$PROFILE"' EXIT
java -jar "$JAR" screen --input samples/transactions.jsonl --output "$WORK/alerts.jsonl" >/dev/null
java -jar "$JAR" report --alerts "$WORK/alerts.jsonl" --input samples/transactions.jsonl --out "$WORK/cases"
PAGE=$(python3 -c '
import json, sys
cases = json.load(open(sys.argv[1]))["cases"]
print(max(cases, key=lambda c: (c["alertCount"], c["caseId"]))["caseId"] + ".html")' "$WORK/cases/cases.json")
echo "screenshot of $PAGE -> $OUT"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$PROFILE" \
  --screenshot="$PWD/$OUT" --window-size=1280,2000 "file://$WORK/cases/$PAGE" 2>/dev/null
ls -l "$OUT"
