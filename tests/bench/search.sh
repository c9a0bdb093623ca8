#!/usr/bin/env bash
# Search benchmark: builds the shipped site and prints index size, bytes for a first one-word
# query and query latency of the browser client (in Node). Pagefind side by side: not yet.
#   bash tests/bench/search.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$(mktemp -d)/site"
trap 'rm -rf "$(dirname "$out")"' EXIT
(cd "$root" && cargo build --quiet && ./target/debug/kennisbank build --output "$out" >/dev/null)
node "$root/tests/bench/search-figures.mjs" "$out" intervisie kijkwijzer inductie leeferink
