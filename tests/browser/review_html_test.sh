#!/usr/bin/env bash
# Renders the HTML review report in headless Chromium and checks the DOM: the overview,
# one section per reviewed session and a mark for every finding (counted from the JSON
# report of the same run). Saves a screenshot under the build folder.
# usage: review_html_test.sh PEERCOACH SOURCE_DIR BUILD_DIR
set -euo pipefail
pc="$1"; src="$2"; build="$3"
chromium_bin="$(command -v chromium || true)"
if [ -z "$chromium_bin" ]; then
  echo "installing Debian chromium for the browser test" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >&2
  chromium_bin="$(command -v chromium)"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
html="$build/review.html"
"$pc" review "$src/corpora/transcripts/" --format html --out "$html" --quiet
"$pc" review "$src/corpora/transcripts/" --format json --out "$work/review.json" --quiet
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$work/profile")
"$chromium_bin" "${flags[@]}" --dump-dom "file://$html" > "$work/dom.html" 2> "$work/chromium.log"
"$chromium_bin" "${flags[@]}" --window-size=1200,2400 --screenshot="$build/review.png" \
  "file://$html" 2>> "$work/chromium.log" > /dev/null
test -s "$build/review.png" || { echo "no screenshot written" >&2; exit 1; }
python3 "$src/tests/browser/check_review_dom.py" "$work/dom.html" "$work/review.json"
