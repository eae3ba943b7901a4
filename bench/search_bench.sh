#!/usr/bin/env bash
# Search benchmark: Portal's search index on a generated Japanese corpus, with Pagefind side by
# side when it is installed.
#
#   bench/search_bench.sh [PAGES ...]          default: 1000 10000
#   KEEP=1 bench/search_bench.sh 10000         keep the corpus and sites (printed folder)
#   NO_PAGEFIND=1 bench/search_bench.sh        Portal only
#
# For each size: generates the corpus (bench/gen_corpus.py), builds it with `portal build`
# (release), and prints the index build time, its size, the bytes a first and a further search
# download (median, p90, max over the query set; gzip not counted) and recall/precision against
# plain substring search over the pages' text. See bench/search_bench.py for the details and
# docs/search.md for the figures.
#
# Needs: swift, python3; for the comparison, node and `pip install 'pagefind[extended]'` (the
# script tries that once and goes on without Pagefind if it cannot).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-search-bench.XXXXXX")
if [ -n "${KEEP:-}" ]; then echo "keeping $WORK" >&2; else trap 'rm -rf "$WORK"' EXIT; fi

echo "building portal (release)…" >&2
swift build -c release --static-swift-stdlib --product portal >&2
PORTAL="$ROOT/.build/release/portal"

extra=()
if [ -n "${NO_PAGEFIND:-}" ]; then
  extra+=(--no-pagefind)
elif ! python3 -m pagefind --version >/dev/null 2>&1; then
  echo "installing Pagefind for the comparison (pip install 'pagefind[extended]')…" >&2
  python3 -m pip install -q 'pagefind[extended]' >&2 || echo "Pagefind could not be installed: Portal only" >&2
fi

for n in "${SIZES[@]}"; do
  python3 "$ROOT/bench/search_bench.py" --pages "$n" --portal "$PORTAL" --work "$WORK" "${extra[@]}"
  echo
done
