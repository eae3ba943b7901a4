#!/usr/bin/env bash
# Build benchmark: Portal against Hugo on a generated Japanese corpus, with cmark-gfm as the floor.
#
#   bench/build_bench.sh [PAGES ...]        default: 1000 10000
#   RUNS=5 KEEP=1 bench/build_bench.sh 10000
#   bench/build_bench.sh content            the shipped portal (content/) instead of a generated corpus
#   OUTPUT_DIR=/dev/shm bench/build_bench.sh 10000
#                                           outputs on another file system (tmpfs: the build
#                                           without the cost of creating files on the disk)
#   VARIED=1 bench/build_bench.sh 10000     bodies that repeat little, as real writing does
#                                           (gen_corpus.py --varied: many more distinct search keys)
#
# For each size it generates the corpus, builds it with Portal (release) and Hugo alternately
# (A B A B …, so drift in machine load hits both), and prints medians, the ratio Portal/Hugo,
# pages per second, peak memory, a no-change rebuild, a rebuild after editing one initiative's
# body, `portal check` of the built site, `portal lint` of the corpus, and the time cmark-gfm
# alone needs for the same Markdown bodies.
#
# Needs: swift, python3, hugo, cmark-gfm and GNU time (Debian: apt-get install -y hugo cmark-gfm time).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-5}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000)
NOW=2026-11-25T00:00:00+09:00
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-bench.XXXXXX")
OUT_ROOT=$WORK
if [ -n "${OUTPUT_DIR:-}" ]; then OUT_ROOT=$(mktemp -d "$OUTPUT_DIR/portal-bench-out.XXXXXX"); fi
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK" "$OUT_ROOT"' EXIT

for tool in hugo cmark-gfm python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y hugo cmark-gfm)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time (apt-get install -y time)" >&2; exit 2; }

echo "building portal (release)…" >&2
swift build -c release --static-swift-stdlib --product portal >&2
PORTAL="$ROOT/.build/release/portal"

# The corpus generator the search benchmark uses too.
generate() {
  python3 "$ROOT/bench/gen_corpus.py" --pages "$1" --out "$2" ${VARIED:+--varied}
}

# Runs a command, printing "<wall ms> <peak RSS KiB>"; its output goes to $WORK/last.log.
measure() {
  local start end
  start=$(date +%s%N)
  if ! /usr/bin/time -f %M -o "$WORK/mem" "$@" >"$WORK/last.log" 2>&1; then
    echo "failed: $*" >&2
    cat "$WORK/last.log" >&2
    exit 1
  fi
  end=$(date +%s%N)
  echo "$(((end - start) / 1000000)) $(tail -1 "$WORK/mem")"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# A command run RUNS times with `measure`: the median time in ms and the last run's peak memory
# in KB (its output stays in $WORK/last.log).
measure_runs() {
  local ms kb
  : >"$WORK/runs_ms"
  for run in $(seq "$RUNS"); do
    read -r ms kb < <(measure "$@")
    echo "$ms" >>"$WORK/runs_ms"
  done
  echo "$(median <"$WORK/runs_ms") $kb"
}

# A minimal Hugo site over the same Markdown: the same layout skeleton (header, navigation,
# breadcrumbs, table of contents, footer), list pages per section, and field pages as a taxonomy
# listing their initiatives, like Portal's.
hugo_site() {
  local corpus=$1 site=$2
  mkdir -p "$site/layouts/_default" "$site/layouts/partials"
  cp -r "$corpus" "$site/content"
  rm -f "$site/content/site.yml"
  mv "$site/content/fields" "$site/content/visions"
  cat >"$site/config.yaml" <<'EOF'
baseURL: https://dx.example.jp/
languageCode: ja
title: 千葉県DXポータル
hasCJKLanguage: true
enableRobotsTXT: true
taxonomies: { field: fields }
markup:
  goldmark: { renderer: { unsafe: false } }
  tableOfContents: { startLevel: 2, endLevel: 3 }
menu:
  main:
    - { name: 戦略, url: /strategy/, weight: 1 }
    - { name: 取組, url: /initiatives/, weight: 2 }
    - { name: イベント, url: /events/, weight: 3 }
    - { name: 用語集, url: /glossary/, weight: 4 }
EOF
  cat >"$site/layouts/_default/baseof.html" <<'EOF'
<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">
<title>{{ .Title | default .Params.term }}｜{{ site.Title }}</title>
<meta name="description" content="{{ .Params.summary | default .Params.short }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="/style.css">
</head>
<body>
<a class="skip-link" href="#main">本文へ移動</a>
<header class="site-header"><p class="site-title"><a href="/">{{ site.Title }}</a></p>
<nav aria-label="メインメニュー"><ul>{{ range site.Menus.main }}<li><a href="{{ .URL }}">{{ .Name }}</a></li>{{ end }}</ul></nav></header>
<nav aria-label="パンくずリスト"><ol><li><a href="/">ホーム</a></li>{{ with .Parent }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}<li aria-current="page">{{ .Title | default .Params.term }}</li></ol></nav>
<main id="main"><div class="container">{{ block "main" . }}{{ end }}</div></main>
<footer class="site-footer"><ul>{{ range site.Menus.main }}<li><a href="{{ .URL }}">{{ .Name }}</a></li>{{ end }}</ul></footer>
</body>
</html>
EOF
  cat >"$site/layouts/_default/single.html" <<'EOF'
{{ define "main" }}<article>
<h1>{{ .Title | default .Params.term }}</h1>
<p class="summary">{{ .Params.summary | default .Params.short }}</p>
{{ with .Params.department }}<p>担当：{{ . }}</p>{{ end }}
{{ with .GetTerms "fields" }}<ul class="fields">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
<nav class="toc">{{ .TableOfContents }}</nav>
{{ .Content }}
{{ with .Params.related }}<h2>関連する取組</h2><ul>{{ range . }}{{ with site.GetPage (printf "/initiatives/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Params.summary }}</p></li>{{ end }}{{ end }}</ul>{{ end }}
{{ with .Params.initiatives }}<h2>関連する取組</h2><ul>{{ range . }}{{ with site.GetPage (printf "/initiatives/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Params.summary }}</p></li>{{ end }}{{ end }}</ul>{{ end }}
</article>{{ end }}
EOF
  cat >"$site/layouts/_default/list.html" <<'EOF'
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul class="cards">{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title | default .Params.term }}</a><p>{{ .Params.summary | default .Params.short }}</p></li>{{ end }}</ul>{{ end }}
EOF
  cp "$site/layouts/_default/list.html" "$site/layouts/index.html"
}

# The Markdown bodies alone, concatenated, for the cmark-gfm floor.
bodies() {
  python3 - "$1" "$2" <<'EOF'
import pathlib, sys
out = open(sys.argv[2], "w", encoding="utf-8")
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.md")):
    text = p.read_text(encoding="utf-8")
    out.write(text.split("\n---\n", 1)[1] if text.startswith("---\n") else text)
    out.write("\n")
EOF
}

fmt_s() { awk -v ms="$1" 'BEGIN { printf "%.3f s", ms / 1000 }'; }
fmt_mib() { awk -v kb="$1" 'BEGIN { printf "%.0f MiB", kb / 1024 }'; }

declare -A SUMMARY
for N in "${SIZES[@]}"; do
  echo "== $N pages ==" >&2
  corpus=$WORK/corpus-$N
  if [ "$N" = content ]; then cp -r "$ROOT/content" "$corpus"; else generate "$N" "$corpus"; fi
  pages=$(find "$corpus" -name '*.md' | wc -l)
  mbytes=$(find "$corpus" -name '*.md' -print0 | xargs -0 cat | wc -c | awk '{ printf "%.1f", $1 / 1048576 }')
  hugo_site "$corpus" "$WORK/hugo-$N"
  bodies "$corpus" "$WORK/bodies-$N.md"
  out=$OUT_ROOT/site-$N
  hout=$OUT_ROOT/hugo-out-$N

  # Full builds, alternating Portal and Hugo, each into a new folder. Earlier outputs are
  # deleted only after the last full build: ext4 without a journal (this machine's disk) skips
  # inodes freed in the last 5 to 35 seconds when it allocates new ones, reading each one's
  # inode block, so creating files right after an `rm -rf` of tens of thousands spent more
  # time in the kernel (38 % of the samples, 12 to 25 s) than building the site.
  : >"$WORK/p_ms"; : >"$WORK/p_kb"; : >"$WORK/h_ms"; : >"$WORK/h_kb"; : >"$WORK/i_ms"
  for run in $(seq "$RUNS"); do
    read -r ms kb < <(PORTAL_SEARCH_TIMING=1 measure "$PORTAL" build --content "$corpus" --theme "$ROOT/theme" --output "$out.$run" --now "$NOW")
    echo "$ms" >>"$WORK/p_ms"; echo "$kb" >>"$WORK/p_kb"
    # The search step's own time, which the build prints on stderr when asked.
    sed -n 's/^search index built: .* in \([0-9.]*\) s$/\1/p' "$WORK/last.log" | awk '{ printf "%d\n", $1 * 1000 }' >>"$WORK/i_ms"
    echo "  run $run: portal $(fmt_s "$ms") $(fmt_mib "$kb")" >&2
    read -r ms kb < <(measure hugo --quiet --source "$WORK/hugo-$N" --destination "$hout.$run")
    echo "$ms" >>"$WORK/h_ms"; echo "$kb" >>"$WORK/h_kb"
    echo "  run $run: hugo   $(fmt_s "$ms") $(fmt_mib "$kb")" >&2
  done
  mv "$out.$RUNS" "$out"
  mv "$hout.$RUNS" "$hout"
  for run in $(seq "$RUNS"); do rm -rf "$out.$run" "$hout.$run"; done
  p_ms=$(median <"$WORK/p_ms"); p_kb=$(sort -n "$WORK/p_kb" | tail -1); i_ms=$(median <"$WORK/i_ms")
  h_ms=$(median <"$WORK/h_ms"); h_kb=$(sort -n "$WORK/h_kb" | tail -1)

  # Rebuilds on the output of the last full build.
  read -r n_ms _ < <(measure_runs "$PORTAL" build --content "$corpus" --theme "$ROOT/theme" --output "$out" --now "$NOW")
  : >"$WORK/e_ms"; : >"$WORK/e_kb"
  target=$(find "$corpus/initiatives" -name '*.md' | sort | awk 'NR == 1')
  cp "$target" "$WORK/original.md"
  for run in $(seq "$RUNS"); do
    cp "$WORK/original.md" "$target"
    printf '\n追記%s：この取組の説明を更新しました。\n' "$run" >>"$target"
    read -r ms kb < <(measure "$PORTAL" build --content "$corpus" --theme "$ROOT/theme" --output "$out" --now "$NOW")
    echo "$ms" >>"$WORK/e_ms"; echo "$kb" >>"$WORK/e_kb"
  done
  cp "$WORK/original.md" "$target"
  e_ms=$(median <"$WORK/e_ms")

  # The same edit in `portal serve`, which keeps the site in memory: the time it logs from
  # noticing the change to the written files (the watcher's wait for the save not included).
  # Then edits of the initiative's title, which other pages show.
  : >"$WORK/s_ms"; : >"$WORK/t_ms"
  (cd "$WORK" && exec "$PORTAL" serve --port 0 --content "$corpus" --theme "$ROOT/theme" \
    --output "$OUT_ROOT/serve-$N" >"$WORK/serve.out" 2>"$WORK/serve.err") &
  serve_pid=$!
  for _ in $(seq 1800); do grep -q "^Built\|^Up to date\|^Updated" "$WORK/serve.err" 2>/dev/null && break; sleep 0.1; done
  # One edit, then waits for its `Rebuilt in N ms` line and appends N to the file $1.
  serve_edit() {
    local into=$1; shift
    local before
    before=$(grep -c "^Rebuilt in" "$WORK/serve.err" || true)
    "$@"
    for _ in $(seq 1200); do
      [ "$(grep -c "^Rebuilt in" "$WORK/serve.err" || true)" -gt "$before" ] && break
      sleep 0.05
    done
    { grep "^Rebuilt in" "$WORK/serve.err" || true; } | tail -1 | sed 's/Rebuilt in \([0-9]*\) ms.*/\1/' >>"$into"
    sleep 0.5
  }
  append_line() { printf '\n追記%s：プレビューで確かめます。\n' "$1" >>"$target"; }
  retitle() { sed -i "0,/^title: \(.*\)$/s//title: \\1（改$1）/" "$target"; }
  for run in $(seq "$RUNS"); do serve_edit "$WORK/s_ms" append_line "$run"; done
  for run in $(seq "$RUNS"); do serve_edit "$WORK/t_ms" retitle "$run"; done
  kill -INT "$serve_pid" 2>/dev/null || true
  wait "$serve_pid" 2>/dev/null || true
  cp "$WORK/original.md" "$target"
  s_ms=$(median <"$WORK/s_ms"); t_ms=$(median <"$WORK/t_ms")

  # `portal check` of the built site, as CI runs it after every build: links, anchors and the
  # accessibility rules on every page.
  read -r k_ms k_kb < <(measure_runs "$PORTAL" check --site "$out")

  # `portal lint` of the corpus, as CI runs it after every build: the plain-Japanese rules on
  # every body (warnings only, so it exits 0).
  read -r l_ms l_kb < <(measure_runs "$PORTAL" lint --content "$corpus")
  l_warnings=$(grep -c ': warning: ' "$WORK/last.log" || true)

  # The floor: cmark-gfm alone over the same bodies.
  read -r c_ms _ < <(measure_runs cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist "$WORK/bodies-$N.md")

  files=$(find "$out" -type f -not -path '*/.portal/*' | wc -l)
  hfiles=$(find "$hout" -type f | wc -l)
  ratio=$(awk -v a="$p_ms" -v b="$h_ms" 'BEGIN { printf "%.2f", a / b }')
  rest_ratio=$(awk -v a="$p_ms" -v i="$i_ms" -v b="$h_ms" 'BEGIN { printf "%.2f", (a - i) / b }')
  pps=$(awk -v n="$pages" -v ms="$p_ms" 'BEGIN { printf "%.0f", n / (ms / 1000) }')
  hpps=$(awk -v n="$pages" -v ms="$h_ms" 'BEGIN { printf "%.0f", n / (ms / 1000) }')
  SUMMARY[$N]="$p_ms $p_kb"
  cat <<EOF

$N pages ($mbytes MiB of Markdown; Portal wrote $files files, Hugo $hfiles), ${VARIED:+varied text, }median of $RUNS runs, A B alternating
  Portal full build     $(fmt_s "$p_ms")   $pps pages/s   peak $(fmt_mib "$p_kb")
  Hugo full build       $(fmt_s "$h_ms")   $hpps pages/s   peak $(fmt_mib "$h_kb")
  ratio Portal/Hugo     $ratio
  of which search index $(fmt_s "$i_ms")   (the search step; the rest of the build is $rest_ratio × Hugo, which builds no index)
  Portal no-change      $(fmt_s "$n_ms")
  Portal one initiative $(fmt_s "$e_ms")   peak $(fmt_mib "$(sort -n "$WORK/e_kb" | tail -1)")   (portal build)
  serve one initiative  $(fmt_s "$s_ms")   (portal serve, the site kept in memory)
  serve its title       $(fmt_s "$t_ms")   (portal serve; lists and related pages show it)
  Portal check          $(fmt_s "$k_ms")   peak $(fmt_mib "$k_kb")   (links, anchors and accessibility rules of the built site)
  Portal lint           $(fmt_s "$l_ms")   peak $(fmt_mib "$l_kb")   (plain-Japanese rules on every body; $l_warnings warnings)
  cmark-gfm floor       $(fmt_s "$c_ms")   (the bodies alone, one process)
EOF
done

if [ -n "${SUMMARY[1000]:-}" ] && [ -n "${SUMMARY[10000]:-}" ]; then
  read -r a_ms a_kb <<<"${SUMMARY[1000]}"
  read -r b_ms b_kb <<<"${SUMMARY[10000]}"
  awk -v a="$a_ms" -v b="$b_ms" -v ka="$a_kb" -v kb="$b_kb" 'BEGIN {
    printf "\ngrowth 1,000 → 10,000 pages: time ×%.1f, peak memory ×%.1f (linear would be ×10 at most)\n", b / a, kb / ka }'
fi
