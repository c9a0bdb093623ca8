#!/usr/bin/env bash
# Search benchmark (prints figures; not a test): kennisbank's search next to Pagefind's on the same
# built sites, in Debian's chromium.
# 1. Hit rates on the evaluation set tests/search-eval.tsv (shipped site): top 1 and top 3 for
#    `kennisbank search`, for kennisbank's client in the browser and for Pagefind
#    (tests/bench/search-eval.mjs).
# 2. On the shipped content and a synthetic 10,000-page site: index size on disk and gzipped, bytes a
#    first one-word query downloads (fresh cache, everything the client fetches, as a gzip-serving
#    host sends it; median of four words each of high, middle and low frequency, and of all twelve),
#    and input event → results in the DOM once loaded (tests/bench/search-browser.mjs).
#    Targets of issue 13 at 10,000 pages: bytes ≤ 0.1× Pagefind's, typing → results ≤ 50 ms median.
#    Figures of the last run: README.md, "Zoeken (search)".
#
#   bash tests/bench/search.sh               both
#   EVAL_ONLY=1 bash tests/bench/search.sh   only the hit rates (a minute)
#   PAGES=2000 bash tests/bench/search.sh    another synthetic size
#   BENCH_WORK=/tmp/sb bash tests/bench/search.sh   keep (and reuse) the generated content there
#   VERBOSE=1 …                              per-word figures too
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BENCH=$ROOT/tests/bench
PAGES=${PAGES:-10000}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/kennisbank-search-bench.XXXXXX)}
mkdir -p "$WORK"
# shellcheck source=tests/bench/common.sh
. "$BENCH/common.sh"

need_pagefind
if [ ! -d "$ROOT/tests/browser/node_modules/playwright-core" ]; then
  (cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
fi
build_release

say "building the shipped site"
rm -rf "$WORK/shipped"
nice -n 19 "$KB" build --output "$WORK/shipped" >&2
say "pagefind on the shipped site"
nice -n 19 "$PAGEFIND" --site "$WORK/shipped" --root-selector main --quiet >&2
echo "pagefind $("$PAGEFIND" --version | awk '{print $2}'), $(chromium --version 2>/dev/null | head -1), $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
nice -n 19 node "$BENCH/search-eval.mjs" "$WORK/shipped" "$KB"
if [ -n "${EVAL_ONLY:-}" ]; then
  [ -n "${BENCH_WORK:-}" ] || rm -rf "$WORK"
  exit 0
fi
if [ ! -d "$WORK/gen$PAGES/content" ]; then
  say "generating $PAGES pages"
  nice -n 19 "$GENERATE" --pages "$PAGES" --output "$WORK/gen$PAGES" --root "$ROOT" >&2
fi
say "building the $PAGES-page site"
rm -rf "$WORK/site$PAGES"
nice -n 19 "$KB" build --root "$WORK/gen$PAGES" --output "$WORK/site$PAGES" >&2

# Pagefind indexes what a visitor reads: the <main> of each page (not header, menu and footer).
say "pagefind on the $PAGES-page site"
nice -n 19 "$PAGEFIND" --site "$WORK/site$PAGES" --root-selector main --quiet >&2

say "measuring in chromium"
nice -n 19 node "$BENCH/search-browser.mjs" "shipped=$WORK/shipped" "synthetic=$WORK/site$PAGES"
[ -n "${BENCH_WORK:-}" ] || rm -rf "$WORK"
