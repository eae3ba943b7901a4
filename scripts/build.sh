#!/usr/bin/env bash
# Quick start 1: build the default portal (content/ + theme/) into site/.
# Extra arguments go to `portal build`, e.g. scripts/build.sh --now 2026-12-01T09:00:00+09:00
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-build-deps.sh
swift build -c release --product portal
exec .build/release/portal build "$@"
