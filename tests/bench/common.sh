# What the benchmark scripts share (sourced by run.sh and search.sh, after they set ROOT and BENCH):
# the progress line, Pagefind from npm, and the release binaries.

say() { printf '==> %s\n' "$*" >&2; }

# Pagefind into tests/bench/node_modules (gitignored), unless it is there; sets PAGEFIND.
need_pagefind() {
  if [ ! -x "$BENCH/node_modules/.bin/pagefind" ]; then
    say "installing pagefind (npm, into tests/bench/node_modules, gitignored)"
    (cd "$BENCH" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  PAGEFIND=$BENCH/node_modules/.bin/pagefind
}

# kennisbank and kennisbank-generate in release mode, niced; sets KB and GENERATE.
build_release() {
  say "building kennisbank in release mode"
  nice -n 19 cargo build --release --quiet
  KB=$ROOT/target/release/kennisbank
  GENERATE=$ROOT/target/release/kennisbank-generate
}
