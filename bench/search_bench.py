#!/usr/bin/env python3
"""Search benchmark: Portal's index (and Pagefind's, when installed) on a generated corpus.

    python3 bench/search_bench.py --pages 10000 --portal .build/release/portal [--work DIR]
    (bench/search_bench.sh builds Portal in release mode and runs this for 1,000 and 10,000 pages)

For N pages it
  1. generates the corpus (bench/gen_corpus.py) and builds it with `portal build`;
  2. prints the index build time (the search step alone, from PORTAL_SEARCH_TIMING) and the whole
     build's, the index size in bytes and files;
  3. runs a query set through `portal search --json`, which reads exactly the files the browser
     downloads (the parity tests hold search.js to that), and prints the bytes of
       - a first search: search.js + meta.json + every file the query reads for 10 results,
       - a further search: the files the query reads, nothing counted as cached;
     as median, 90th percentile and maximum over the query set (gzip not counted), and what a
     search that finds nothing fetches besides for もしかして (search-offers.js and
     search/words.json, then the offers' own searches, which are not counted);
  4. compares every query's complete answer (`--limit 0`) with the true answer, computed here by
     plain substring search over the text Portal indexes (title, summary, keywords, body, as
     stored in search/c/), with the same normalisation written again in Python (NFKC, width,
     case, katakana → hiragana, ー and ・ dropped). Documented rules apply to the truth too:
     a term starting with a Latin letter or digit starts at a word boundary (`ai` does not
     match inside `mail`), and a term equal to a glossary entry's name also matches the entry's
     other names (ぼうさい finds 防災); and a term's kanji numbers also match its Arabic form
     (十二月 finds 12月), which is taken from the answer's `also_searched`. Prints recall and
     precision (micro-averaged) and the queries that miss;
  5. when `pip install 'pagefind[extended]'` has been done: indexes the same built HTML with
     Pagefind (`<main>` marked data-pagefind-body, as Pagefind recommends, so headers, footers
     and navigation are left out as Portal leaves them out), queries it under node with the
     same query set, and prints the same figures side by side. Pagefind's truth is the text it
     stored (its fragments), so both are judged against their own index.

The query set: fixed queries of every kind residents type (hiragana, katakana, kanji, mixed,
full-width Latin, one character, glossary readings and aliases, DX, two words, no match) plus
stretches of 1 to 12 characters taken from random pages (seeded, so runs compare).
"""
import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-25T09:00:00+09:00"

FIXED = [
    "防災", "ぼうさい", "ボウサイ", "電子申請", "でんししんせい", "マイナンバー", "まいなんばー", "マイナンバーカード",
    "ﾏｲﾅﾝﾊﾞｰ", "ドローン", "どろーん", "DX", "ＤＸ", "dx", "デジタル・トランスフォーメーション", "AI", "ＡＩ",
    "人工知能", "生成AI", "5G", "県", "市", "の", "申", "避難所", "ハザードマップ", "はざーどまっぷ", "スマート農業",
    "テレワーク", "オンライン申請", "オンライン 申請", "子育て世帯のために", "DX推進", "住民票の写し",
    "令和6年度", "第5世代", "状況をA", "の1", "存在しないことば",
    # Numbers typed in kanji, found in Arabic numerals too (12月, 令和6年度), and a word kept.
    "十二月", "令和六年度", "一部",
]

# ---------------------------------------------------------------- normalisation (docs/search.md)

JOINERS = {0x3099, 0x309A, 0x309B, 0x309C, 0xFF9E, 0xFF9F}
SMALL_VOWELS = {0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x308E}


def _is_joiner(ch):
    v = ord(ch)
    if v in JOINERS:
        return True
    if v < 0x300 or 0x3041 <= v <= 0x3096 or 0x30A0 <= v <= 0x30FF or 0x4E00 <= v <= 0x9FFF or 0x3000 <= v <= 0x3098:
        return False
    return unicodedata.category(ch).startswith("M")


def _unit(unit):
    unit = unit.replace("\u309b", "\u3099").replace("\u309c", "\u309a")
    out = []
    for ch in unicodedata.normalize("NFC", unicodedata.normalize("NFKC", unit)):
        for c in (ch.lower() if ord(ch) >= 0x80 else ch.lower()):
            v = ord(c)
            if 0x30A1 <= v <= 0x30F6 or v in (0x30FD, 0x30FE):
                c = chr(v - 0x60)
            v = ord(c)
            if v in SMALL_VOWELS:  # ぁぃぅぇぉゎ as large ones (ウエブ = ウェブ); っゃゅょ stay
                c = chr(v + 1)
                v += 1
            if v in (0x30FB, 0x30FC) or 0xFE00 <= v <= 0xFE0F or 0xE0100 <= v <= 0xE01EF:
                continue
            if unicodedata.category(c) == "Cf":
                continue
            out.append(c)
    return "".join(out)


_cache = {}


def normalise(text):
    out = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and _is_joiner(text[j]):
            j += 1
        u = text[i:j]
        if j == i + 1:
            r = _cache.get(u)
            if r is None:
                r = _cache[u] = _unit(u)
        else:
            r = _unit(u)
        out.append(r)
        i = j
    return "".join(out)


def char_class(c):
    v = ord(c)
    if v < 0x80:
        return "w" if c.isascii() and c.isalnum() else "s"
    if (0x3041 <= v <= 0x309F or 0x30A1 <= v <= 0x30FF or 0x31F0 <= v <= 0x31FF or 0x3005 <= v <= 0x3007 or v == 0x303B
            or 0x3400 <= v <= 0x4DBF or 0x4E00 <= v <= 0x9FFF or 0xF900 <= v <= 0xFAFF or 0x20000 <= v <= 0x3FFFF):
        return "j"
    return "w" if unicodedata.category(c)[0] in "LNM" else "s"


def terms(normalised):
    out, cur = [], []
    for c in normalised:
        if char_class(c) == "s":
            if cur:
                out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    if cur:
        out.append("".join(cur))
    return out


def exact_key(normalised):
    return "".join(c for c in normalised if char_class(c) != "s")


def term_in(term, text):
    """`term` (normalised, no separators) occurs in normalised `text`, with the word rules."""
    word_start = char_class(term[0]) == "w"
    k = len(term)
    while k > 0 and char_class(term[k - 1]) == "w":
        k -= 1
    word_end = 0 < len(term) - k < 2  # a last word of one letter must end there too
    start = text.find(term)
    while start >= 0:
        end = start + len(term)
        ok_start = not word_start or start == 0 or char_class(text[start - 1]) != "w"
        ok_end = not word_end or end == len(text) or char_class(text[end]) != "w"
        if ok_start and ok_end:
            return True
        start = text.find(term, start + 1)
    return False


# ---------------------------------------------------------------- the corpus and its truth


class Pages:
    """Every page's normalised text fields, and the glossary alias groups."""

    def __init__(self, fields_by_url, glossary_names):
        self.raw = dict(sorted(fields_by_url.items()))
        self.fields = {u: [normalise(t) for t in ts if t] for u, ts in self.raw.items()}
        keys = {}
        for names in glossary_names:
            normalised = [normalise(n) for n in names if n]
            members = {exact_key(n) for n in normalised if n and all(char_class(c) != "s" for c in n)}
            for n in normalised:
                k = exact_key(n)
                if len(k) >= 2:
                    keys.setdefault(k, set()).update(members)
        self.groups = keys

    def truth(self, query, aliases=True, arabic=None):
        """`arabic`: the query with its kanji numbers in Arabic numerals, as the answer says it
        searched them too (`also_searched`): each term's Arabic form is one more alternative.
        Which numerals are a number is the engine's to say; whether the pages hold either form
        is substring search's."""
        every = terms(normalise(query))
        forms = dict(zip(every, terms(normalise(arabic)))) if arabic else {}
        ts = list(dict.fromkeys(every))[:8]
        if not ts:
            return set()
        result = None
        for t in ts:
            alts = {t, forms.get(t, t)} | (self.groups.get(t, set()) if aliases else set())
            found = {u for u, fs in self.fields.items() if any(term_in(a, f) for a in alts for f in fs)}
            result = found if result is None else result & found
        return result


def portal_pages(site):
    fields, glossary = {}, []
    for p in sorted((site / "search" / "c").glob("*.json")):
        if "-" in p.stem:
            continue
        h = json.loads(p.read_text(encoding="utf-8"))
        body = [json.loads((p.parent / f"{p.stem}-{n}.json").read_text(encoding="utf-8"))["x"] for n in range(h.get("n", 0))]
        keywords = h.get("w", "").split("\n") if h.get("w") else []
        # Body chunks joined with a line break (chunks end at separators), so the sampled
        # queries do not depend on the chunk size.
        fields[h["u"]] = [h["t"], h.get("s", "")] + keywords + ["\n".join(body)]
        if h["k"] == "glossary":
            glossary.append([h["t"]] + keywords)
    return Pages(fields, glossary)


def sample_queries(pages_text, count, seed):
    rng = random.Random(seed)
    out = []
    texts = [t for ts in pages_text for t in ts if len(t) > 12]
    while len(out) < count and texts:
        t = rng.choice(texts)
        n = rng.choice([1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 12])
        i = rng.randrange(len(t) - n)
        q = t[i:i + n]
        if q.strip() == q and all(char_class(c) != "s" for c in normalise(q)) and normalise(q):
            out.append(q)
    return out


# ---------------------------------------------------------------- measuring


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def portal_answer(portal, site, q, limit):
    r = run([portal, "search", "--site", str(site), "--json", "--limit", str(limit), "--", q], timeout=600)
    if r.returncode != 0:
        raise SystemExit(f"portal search {q!r} failed: {r.stderr}")
    return json.loads(r.stdout)


def summarise(values):
    values = sorted(values)
    if not values:
        return {"median": 0, "p90": 0, "max": 0}
    return {"median": int(statistics.median(values)), "p90": values[min(len(values) - 1, int(len(values) * 0.9))], "max": values[-1]}


def score(found_and_truth):
    tp = sum(len(f & t) for f, t in found_and_truth)
    found = sum(len(f) for f, _ in found_and_truth)
    truth = sum(len(t) for _, t in found_and_truth)
    perfect = sum(1 for f, t in found_and_truth if f == t)
    return {"recall": tp / truth if truth else 1.0, "precision": tp / found if found else 1.0,
            "perfect": perfect, "queries": len(found_and_truth)}


def measure_portal(portal, site, queries):
    pages = portal_pages(site)
    script = sum(p.stat().st_size for p in (site / "assets").glob("search.*.js"))
    offers = sum(p.stat().st_size for p in (site / "assets").glob("search-offers.*.js"))
    words = (site / "search" / "words.json").stat().st_size
    meta = (site / "search" / "meta.json").stat().st_size
    first, further, pairs, misses = [], [], [], []
    for q in queries:
        a = portal_answer(portal, site, q, 10)
        files = a["bytes"]  # meta.json and every file read
        first.append(script + files)
        further.append(files - meta)
        every = portal_answer(portal, site, q, 0)
        # A query that finds nothing is answered with its words split apart (searched_as):
        # another query, so this one found nothing as substring search counts it.
        found = set() if every.get("searched_as") else {r["url"] for r in every["results"]}
        truth = pages.truth(q, arabic=every.get("also_searched"))
        pairs.append((found, truth))
        if found != truth:
            misses.append(f"{q}: found {len(found)}, true {len(truth)}, missing {sorted(truth - found)[:3]}, extra {sorted(found - truth)[:3]}")
    return {"script": script, "offers": offers, "words": words, "meta": meta, "first": summarise(first),
            "further": summarise(further), "quality": score(pairs), "misses": misses}


def index_size(folder, skip=()):
    total = count = 0
    for p in folder.rglob("*"):
        if p.is_file() and p.name not in skip:
            total += p.stat().st_size
            count += 1
    return total, count


# ---------------------------------------------------------------- Pagefind

PAGEFIND_QUERY_JS = r"""
// Runs Pagefind's own pagefind.js under node on a local bundle: fetch reads files and counts
// bytes. Each query starts with a fresh module (a new tab: nothing cached).
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
const bundle = process.argv[2];
const queries = JSON.parse(await readFile(process.argv[3], "utf8"));
let fetched = [];
globalThis.fetch = async (url) => {
  const path = fileURLToPath(new URL(url, pathToFileURL(bundle + "/")).href.split("?")[0]);
  try { const b = await readFile(path); fetched.push([path.slice(bundle.length + 1), b.length]); return new Response(b); }
  catch { return new Response(null, { status: 404 }); }
};
const out = [];
let n = 0;
for (const q of queries) {
  const pf = await import(pathToFileURL(bundle + "/pagefind.js").href + "?fresh=" + n++);
  await pf.options({ basePath: pathToFileURL(bundle + "/").href });
  fetched = [];
  await pf.init();
  const r = await pf.search(q);
  await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  out.push({ q, ids: r.results.map((x) => x.id), files: fetched });
}
process.stdout.write(JSON.stringify(out));
"""


def pagefind_available():
    return run([sys.executable, "-m", "pagefind", "--version"]).returncode == 0 and shutil.which("node")


def measure_pagefind(site, work, queries):
    copy = work / "pagefind-site"
    if copy.exists():
        shutil.rmtree(copy)
    for p in site.rglob("*.html"):
        target = copy / p.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(p.read_text(encoding="utf-8").replace(
            '<main id="main" tabindex="-1">', '<main id="main" tabindex="-1" data-pagefind-body>'), encoding="utf-8")
    started = time.monotonic()
    r = run([sys.executable, "-m", "pagefind", "--site", str(copy), "--quiet"])
    seconds = time.monotonic() - started
    if r.returncode != 0:
        return {"error": r.stdout[-500:] + r.stderr[-500:]}
    bundle = copy / "pagefind"
    ui = {"pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"}
    size, files = index_size(bundle, skip=ui)
    # Its truth: the text it stored for each page (fragments), word breaks (U+200B) removed.
    fields, urls = {}, {}
    for p in (bundle / "fragment").glob("*.pf_fragment"):
        d = json.loads(gzip.decompress(p.read_bytes())[len("pagefind_dcd"):])
        urls[p.stem] = d["url"]
        fields[d["url"]] = [d["meta"].get("title", ""), d["content"]]
    pages = Pages(fields, [])
    runner = work / "pagefind_query.mjs"
    runner.write_text(PAGEFIND_QUERY_JS, encoding="utf-8")
    qfile = work / "queries.json"
    qfile.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    r = run(["node", str(runner), str(bundle), str(qfile)], timeout=3600)
    if r.returncode != 0:
        return {"error": r.stderr[-1000:]}
    answers = json.loads(r.stdout)
    script = (bundle / "pagefind.js").stat().st_size
    fixed = {"pagefind.js"}
    first, further, pairs, misses = [], [], [], []
    for a in answers:
        downloaded = sum(n for _, n in a["files"])
        first.append(script + downloaded)
        startup = {"pagefind-entry.json"} | {f for f, _ in a["files"] if f.endswith(".pf_meta") or f.startswith("wasm.")}
        further.append(sum(n for f, n in a["files"] if f not in startup and f not in fixed))
        found = {urls.get(i, i) for i in a["ids"]}
        truth = pages.truth(a["q"], aliases=False)
        pairs.append((found, truth))
        if found != truth:
            misses.append(f"{a['q']}: found {len(found)}, true {len(truth)}")
    return {"seconds": seconds, "bytes": size, "files": files, "script": script,
            "first": summarise(first), "further": summarise(further), "quality": score(pairs), "misses": misses}


# ---------------------------------------------------------------- main


def kb(n):
    return f"{n / 1000:.1f} KB"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--portal", default=str(ROOT / ".build" / "release" / "portal"))
    ap.add_argument("--work", help="folder for the corpus and sites (default: a new temporary folder)")
    ap.add_argument("--sampled", type=int, default=100, help="queries sampled from the pages' text")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-pagefind", action="store_true")
    ap.add_argument("--json", help="also write the figures to this file")
    a = ap.parse_args()
    work = Path(a.work or tempfile.mkdtemp(prefix="portal-search-bench-")).resolve()
    work.mkdir(parents=True, exist_ok=True)
    content, site = work / f"content-{a.pages}", work / f"site-{a.pages}"

    print(f"== {a.pages} pages (work folder {work})", flush=True)
    subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), "--pages", str(a.pages), "--out", str(content)], check=True)
    env = dict(os.environ, PORTAL_SEARCH_TIMING="1")
    started = time.monotonic()
    r = run([a.portal, "build", "--content", str(content), "--theme", str(ROOT / "theme"), "--output", str(site), "--now", NOW], env=env)
    build_seconds = time.monotonic() - started
    if r.returncode != 0:
        raise SystemExit(f"portal build failed:\n{r.stderr[-2000:]}")
    m = re.search(r"search index (?:built|patched): (\d+) pages, (\d+) files, (\d+) bytes in ([\d.]+) s", r.stderr)
    index_seconds = float(m.group(4)) if m else float("nan")
    size, files = index_size(site / "search")

    pages = portal_pages(site)
    queries = FIXED + sample_queries(list(pages.raw.values()), a.sampled, a.seed)
    portal = measure_portal(a.portal, site, queries)
    portal.update({"seconds": index_seconds, "build_seconds": build_seconds, "bytes": size, "files": files})

    pf = None
    if not a.no_pagefind:
        if pagefind_available():
            print("running Pagefind on the same site…", file=sys.stderr, flush=True)
            pf = measure_pagefind(site, work, queries)
        else:
            print("Pagefind not installed (pip install 'pagefind[extended]', and node): skipped", file=sys.stderr)

    rows = [
        ("index build time", f"{index_seconds:.2f} s (whole build {build_seconds:.1f} s)", lambda p: f"{p['seconds']:.2f} s"),
        ("index size", f"{size / 1e6:.1f} MB in {files:,} files", lambda p: f"{p['bytes'] / 1e6:.1f} MB in {p['files']:,} files"),
        ("script", kb(portal["script"]), lambda p: kb(p["script"]) + " + wasm"),
        ("no match: もしかして", f"{kb(portal['offers'])} + words {kb(portal['words'])}", lambda p: "—"),
        ("first search, median", kb(portal["first"]["median"]), lambda p: kb(p["first"]["median"])),
        ("first search, p90 / max", f"{kb(portal['first']['p90'])} / {kb(portal['first']['max'])}", lambda p: f"{kb(p['first']['p90'])} / {kb(p['first']['max'])}"),
        ("further search, median", kb(portal["further"]["median"]), lambda p: kb(p["further"]["median"])),
        ("further search, p90 / max", f"{kb(portal['further']['p90'])} / {kb(portal['further']['max'])}", lambda p: f"{kb(p['further']['p90'])} / {kb(p['further']['max'])}"),
        ("recall", f"{portal['quality']['recall'] * 100:.2f} %", lambda p: f"{p['quality']['recall'] * 100:.2f} %"),
        ("precision", f"{portal['quality']['precision'] * 100:.2f} %", lambda p: f"{p['quality']['precision'] * 100:.2f} %"),
        ("queries answered exactly", f"{portal['quality']['perfect']} of {len(queries)}", lambda p: f"{p['quality']['perfect']} of {len(queries)}"),
    ]
    print(f"\n{a.pages:,} pages, {len(queries)} queries ({len(FIXED)} fixed, {len(queries) - len(FIXED)} sampled); bytes without gzip")
    header = f"{'':28} {'Portal':34}"
    if pf and "error" not in pf:
        header += " Pagefind 1.5 (extended)"
    print(header)
    for name, mine, theirs in rows:
        line = f"{name:28} {mine:34}"
        if pf and "error" not in pf:
            line += " " + theirs(pf)
        print(line)
    if pf and "error" in pf:
        print(f"Pagefind failed: {pf['error']}")
    if portal["misses"]:
        print("\nPortal answers that differ from substring search:")
        for line in portal["misses"][:20]:
            print("  " + line)
    if pf and "error" not in pf and pf["misses"]:
        print(f"\nPagefind answers that differ from substring search over its own text ({len(pf['misses'])}), first 12:")
        for line in pf["misses"][:12]:
            print("  " + line)
    if a.json:
        Path(a.json).write_text(json.dumps({"pages": a.pages, "queries": queries, "portal": portal, "pagefind": pf},
                                           ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
