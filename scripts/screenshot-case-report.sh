#!/usr/bin/env bash
# Renders case reports of the bundled sample in headless Chromium and saves screenshots.
#
#   scripts/screenshot-case-report.sh [OUT.png [VICTIM.png]]
#       (defaults: docs/case-report.png, docs/case-report-sextortion.png)
#
# Needs Java 17, Maven (only if the jar is not built yet), python3 and Debian's chromium
# (`apt-get install -y chromium`). Screens samples/transactions.jsonl, runs `report` (identifiers
# masked), picks the OSEC case with the most alerts among those holding the payee cluster's own
# assessment (else among all) and screenshots its page. Chromium runs headless with networking
# extras off and a throwaway profile; the page itself loads nothing from the network. The second
# screenshot is the sextortion (possible victim) case with the most alerts.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/case-report.png}
VICTIM_OUT=${2:-docs/case-report-sextortion.png}
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
print(max(cases, key=lambda c: (c.get("typology") != "sextortion", len(c.get("clusterAssessments", [])) > 0,
                                c["alertCount"], c["caseId"]))["caseId"] + ".html")' "$WORK/cases/cases.json")
VICTIM_PAGE=$(python3 -c '
import json, sys
cases = [c for c in json.load(open(sys.argv[1]))["cases"] if c.get("typology") == "sextortion"]
print(max(cases, key=lambda c: (c["alertCount"], c["caseId"]))["caseId"] + ".html" if cases else "")' "$WORK/cases/cases.json")
shot() {
  echo "screenshot of $1 -> $2"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$PROFILE" \
    --screenshot="$PWD/$2" --window-size="$3" "file://$WORK/cases/$1" 2>/dev/null
  ls -l "$2"
}
shot "$PAGE" "$OUT" 1280,3100
if [ -n "$VICTIM_PAGE" ]; then
  shot "$VICTIM_PAGE" "$VICTIM_OUT" 1280,1900
else
  echo "no sextortion case in the sample: $VICTIM_OUT not written"
fi
