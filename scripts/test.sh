#!/usr/bin/env bash
# Quick start 2: the whole test suite, exactly as CI runs it (.ci/run calls this script).
#  1. Swift unit and fixture tests for every module (swift test)
#  2. the default portal: `portal build --strict`, `portal check` (links, anchors, accessibility rules) and
#     `portal lint --strict` (plain Japanese) must report nothing
#  3. Python tests: content completeness, search parity, valid HTML (Nu checker) and
#     accessibility in headless Chromium with axe-core
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-build-deps.sh
scripts/install-test-deps.sh

echo "== swift test" >&2
swift build --build-tests
swift test --skip-build --parallel

echo "== default portal: build, check, lint" >&2
portal=.build/debug/portal
site=.build/test-site
# The shipped content is checked at today's date, as a site's CI checks its own: at the fixed
# date of the Python tests' fixtures, a page updated since would be "updated in the future".
"$portal" build --strict --output "$site"
"$portal" check --strict --site "$site"
"$portal" lint --strict
now=2026-11-25T09:00:00+09:00

echo "== python tests (browser, HTML validity, content)" >&2
export PORTAL_BIN="$PWD/$portal" PORTAL_NOW="$now"
[ -n "${CI:-}" ] && export PORTAL_REQUIRE_BROWSER=1
python3 -m pytest -q tests
