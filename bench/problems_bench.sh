#!/usr/bin/env bash
# Problems benchmark: how long a build and a check take when the content has many problems at
# once, where a "did you mean" for each used to go through every name (minutes, not seconds).
#
#   bench/problems_bench.sh [COUNT]        default: 4000
#   TMPDIR=/dev/shm bench/problems_bench.sh   corpus and outputs on tmpfs (no cost of creating files)
#
# On a generated corpus of 10,000 pages, with COUNT problems of each kind added to one page:
#   anchors   COUNT headings and a link to a missing #… under each (build and check)
#   files     COUNT links to missing .md files, each a typo of a real initiative's name, and
#             COUNT with the same text to names near none (build; the build stops on them)
# It prints the wall time and peak memory of each, and the number of problems reported.
#
# Needs: swift, python3 and GNU time (Debian: apt-get install -y time).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
COUNT=${1:-4000}
NOW=2026-11-25T00:00:00+09:00
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-problems.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time (apt-get install -y time)" >&2; exit 2; }

echo "building portal (release)…" >&2
swift build -c release --static-swift-stdlib --product portal >&2
PORTAL="$ROOT/.build/release/portal"

python3 "$ROOT/bench/gen_corpus.py" --pages 10000 --out "$WORK/corpus" >/dev/null

# One page with the problems of one kind, in a copy of the corpus.
with_page() {
  local name=$1 kind=$2
  cp -r "$WORK/corpus" "$WORK/$name"
  python3 - "$WORK/$name" "$kind" "$COUNT" <<'PY'
import os, random, sys
root, kind, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = ["---", "title: 問題の多いページ", "order: 99", "summary: 問題をたくさん書いたページです。", "---", ""]
if kind == "anchors":
    for i in range(count):
        lines.append(f"## 見出し{i}\n\n本文です。[先へ](#nothere{i})\n")
else:
    random.seed(3)
    names = sorted(os.listdir(os.path.join(root, "initiatives")))
    for i in range(count):
        stem = names[i % len(names)][:-3]
        k = random.randrange(len(stem))
        lines.append(f"[取組{i}](../initiatives/{stem[:k] + stem[k + 1:]}.md) と [先へ](../initiatives/nosuch-{i}.md)\n")
open(os.path.join(root, "strategy", "problems.md"), "w").write("\n".join(lines))
PY
}

# Runs a command, printing its wall time, peak memory and the problems it reported.
measure() {
  local label=$1
  shift
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f %M -o "$WORK/mem" "$@" >"$WORK/out" 2>&1 || true
  end=$(date +%s%N)
  local problems
  problems=$(grep -cE '(error|warning): ' "$WORK/out" || true)
  awk -v l="$label" -v ns=$((end - start)) -v kb="$(tail -1 "$WORK/mem")" -v p="$problems" \
    'BEGIN { printf "%-48s %7.2f s %6d MiB %7d problems\n", l, ns / 1e9, kb / 1024, p }'
}

with_page anchors anchors
with_page files files
echo "10,000 pages, $COUNT problems of each kind:"
measure "build: broken #… links into $COUNT headings" \
  "$PORTAL" build --content "$WORK/anchors" --theme "$ROOT/theme" --output "$WORK/site-anchors" --now "$NOW"
measure "check: the same" "$PORTAL" check --site "$WORK/site-anchors"
measure "build: $((COUNT * 2)) links to missing files" \
  "$PORTAL" build --content "$WORK/files" --theme "$ROOT/theme" --output "$WORK/site-files" --now "$NOW"
