#!/usr/bin/env bash
# Renders a backtest report in headless Chromium and saves a screenshot: proof that the
# self-contained report.html renders without network access.
#
#   scripts/screenshot-report.sh out/report/report.html docs/backtest-report.png
#
# Needs Debian's `chromium` package (apt-get install -y chromium). Not used by the tests (CI has
# no browser); the tests check that the HTML is well-formed XML with its SVG charts.
set -euo pipefail
html=${1:?usage: screenshot-report.sh REPORT.html OUT.png [WIDTHxHEIGHT]}
png=${2:?usage: screenshot-report.sh REPORT.html OUT.png [WIDTHxHEIGHT]}
size=${3:-1280,2400}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "error: chromium not found; install it with: apt-get install -y chromium" >&2
  exit 2
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
abs_png=$(cd "$(dirname "$png")" && pwd)/$(basename "$png")
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size="$size" \
  --screenshot="$abs_png" "file://$abs_html" >/dev/null 2>&1
test -s "$abs_png"
echo "wrote $png"
