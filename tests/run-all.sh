#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what the browser gates need (Debian's
# chromium, the npm packages in tests/browser), then checks formatting and lints (cargo fmt, clippy),
# runs the Rust tests and the browser gates.
# README.md and .ci/run call exactly this script.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

# --- what the suite needs -------------------------------------------------------------------
if ! command -v chromium >/dev/null 2>&1; then
  step "installing Debian's chromium (browser tests)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if [ -f tests/browser/package.json ]; then
  step "installing npm packages for the browser tests"
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

# --- Rust: formatting and lints first; either failing stops the run ------------------------
step "cargo fmt --check"
if ! cargo fmt --check; then
  echo "run-all: formatting differs (above); run \`cargo fmt\` and commit the result" >&2
  exit 1
fi
step "cargo clippy"
if ! cargo clippy --all-targets --locked -- -D warnings; then
  echo "run-all: clippy reported warnings (above); fix them before the tests run" >&2
  exit 1
fi

# --- Rust: unit and integration tests -------------------------------------------------------
step "cargo test"
cargo test --all-targets --locked

# --- browser gates on the built shipped content ---------------------------------------------
if [ -f tests/browser/run.sh ]; then
  step "browser gates"
  bash tests/browser/run.sh
fi
