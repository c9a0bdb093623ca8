#!/usr/bin/env bash
# Browser quality gates on the built shipped content: builds content/ into a temporary folder and
# runs the gates in gates/ with node's own test runner (axe-core in Debian's chromium, html-validate,
# internal links and fragments, a keyboard walk). Exits non-zero when any gate fails.
#   bash tests/browser/run.sh            build, then run every gate
#   SITE_DIR=/tmp/site bash tests/browser/run.sh   run the gates on a site built earlier
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ -z "${SITE_DIR:-}" ]; then
  SITE_DIR="$(mktemp -d)/site"
  trap 'rm -rf "$(dirname "$SITE_DIR")"' EXIT
  (cd "$root" && cargo run --quiet -- build --output "$SITE_DIR")
fi
export SITE_DIR
# The serve gate starts `kennisbank serve` itself.
(cd "$root" && cargo build --quiet)
export KENNISBANK_BIN="${KENNISBANK_BIN:-$root/target/debug/kennisbank}"

if [ ! -d "$here/node_modules" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
export CHROMIUM="${CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"

cd "$here"
node --test --test-concurrency=1 gates/
