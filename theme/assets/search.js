// Site search as Sources/Search (Swift) does it, so `portal search` gives the same results; no
// inline script, eval or style (strict CSP). The engine (exported, no DOM) runs under node for
// the parity tests; the page part is at the bottom; もしかして and 404.html's offers are in
// search-offers.js. Every byte is in each first search (docs/search.md).

// ---------------- normalisation
// Mirrors Normalizer in Sources/Search/Normalization.swift; see the rules there.

const MARK = /^\p{M}$/u;
const FORMAT_CHAR = /^\p{Cf}$/u;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const DROPPED = -1;
const J = 0, W = 1, S = 2;

function isJoiner(v) {
  if (v === 0x3099 || v === 0x309a || v === 0x309b || v === 0x309c || v === 0xff9e || v === 0xff9f) return true;
  if (v < 0x300 || (v >= 0x3041 && v <= 0x3096) || (v >= 0x30a0 && v <= 0x30ff) ||
      (v >= 0x4e00 && v <= 0x9fff) || (v >= 0x3000 && v <= 0x3098)) return false;
  return MARK.test(String.fromCodePoint(v));
}

// Small vowels ぁぃぅぇぉ and ゎ as large ones (ウエブ = ウェブ); っゃゅょ stay. ぢ and づ as じ
// and ず (ちぢむ = ちじむ).
const large = (v) => (v === 0x3041 || v === 0x3043 || v === 0x3045 || v === 0x3047 || v === 0x3049 || v === 0x308e ? v + 1
  : v === 0x3062 ? 0x3058 : v === 0x3065 ? 0x305a : v);

function fastPath(v) {
  if (v >= 0x41 && v <= 0x5a) return v + 0x20;
  if ((v >= 0x20 && v <= 0x7e) || v === 0x0a || v === 0x0d || v === 0x09) return v;
  if (v >= 0x3041 && v <= 0x3096) return large(v);
  if ((v >= 0x30a1 && v <= 0x30f6) || v === 0x30fd || v === 0x30fe) return large(v - 0x60);
  if (v >= 0x30f7 && v <= 0x30fa) return v;
  if (v === 0x30fb || v === 0x30fc) return DROPPED;
  if ((v >= 0x4e00 && v <= 0x9fff) || (v >= 0x3400 && v <= 0x4dbf)) return v;
  if (v === 0x3001 || v === 0x3002 || (v >= 0x300c && v <= 0x300f)) return v;
  return null;
}

function slowPath(unit) {
  const nfkc = String.fromCodePoint(...unit.map((v) => (v === 0x309b ? 0x3099 : v === 0x309c ? 0x309a : v))).normalize("NFKC");
  const out = [];
  for (const ch of nfkc) {
    const c = ch.codePointAt(0);
    const lower = c < 0x80 ? [c >= 0x41 && c <= 0x5a ? c + 0x20 : c] : Array.from(ch.toLowerCase(), (x) => x.codePointAt(0));
    for (let l of lower) {
      if ((l >= 0x30a1 && l <= 0x30f6) || l === 0x30fd || l === 0x30fe) l -= 0x60;
      l = large(l);
      if (l === 0x30fb || l === 0x30fc) continue;
      if ((l >= 0xfe00 && l <= 0xfe0f) || (l >= 0xe0100 && l <= 0xe01ef)) continue;
      if (FORMAT_CHAR.test(String.fromCodePoint(l))) continue;
      out.push(l);
    }
  }
  return out;
}

const slowCache = new Map();

/** Normalised code points of `text` with, for each, the original code point range of its unit. */
export function normaliseWithMap(text) {
  const input = Array.from(text, (c) => c.codePointAt(0));
  const scalars = [], start = [], end = [];
  const n = input.length;
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && isJoiner(input[j])) j++;
    let mapped;
    if (j === i + 1) {
      const v = input[i];
      const fast = fastPath(v);
      if (fast !== null) {
        mapped = fast === DROPPED ? [] : [fast];
      } else {
        mapped = slowCache.get(v);
        if (mapped === undefined) { mapped = slowPath([v]); slowCache.set(v, mapped); }
      }
    } else {
      mapped = slowPath(input.slice(i, j));
    }
    for (const m of mapped) { scalars.push(m); start.push(i); end.push(j); }
    i = j;
  }
  return { scalars, start, end };
}

/** The normalised form of `text` used for matching. */
export function normalise(text) {
  return String.fromCodePoint(...normaliseWithMap(text).scalars);
}

const classCache = new Map();

export function charClass(v) {
  if (v < 0x80) {
    return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7a) || (v >= 0x41 && v <= 0x5a) ? W : S;
  }
  if ((v >= 0x3041 && v <= 0x309f) || (v >= 0x30a1 && v <= 0x30ff) || (v >= 0x31f0 && v <= 0x31ff) ||
      (v >= 0x3005 && v <= 0x3007) || v === 0x303b || (v >= 0x3400 && v <= 0x4dbf) ||
      (v >= 0x4e00 && v <= 0x9fff) || (v >= 0xf900 && v <= 0xfaff) || (v >= 0x20000 && v <= 0x3ffff)) return J;
  let c = classCache.get(v);
  if (c === undefined) { c = WORD_CHAR.test(String.fromCodePoint(v)) ? W : S; classCache.set(v, c); }
  return c;
}

function segments(s) {
  const out = [];
  let i = 0;
  while (i < s.length) {
    const c = charClass(s[i]);
    let j = i + 1;
    while (j < s.length && charClass(s[j]) === c) j++;
    if (c !== S) out.push({ japanese: c === J, start: i, end: j });
    i = j;
  }
  return out;
}

function terms(s) {
  const out = [];
  let cur = [];
  for (const v of s) {
    if (charClass(v) === S) { if (cur.length) out.push(cur); cur = []; } else cur.push(v);
  }
  if (cur.length) out.push(cur);
  return out;
}

const str = (cps) => String.fromCodePoint(...cps);
const sameArray = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

// ---------------- numbers typed in kanji
// As QueryNumerals (Swift): 十二月 also finds 12月, 一万五千 1万5000; 千葉, 一部, 万が一 stay.

const KD = "〇一二三四五六七八九", KU = "十百千", KL = "億万";
const codes = (t) => Array.from(t, (c) => c.codePointAt(0));
const among = (t) => (v) => t.includes(String.fromCodePoint(v ?? 0));
const isNumeral = among(KD + KU + KL), isPrefix = among("第約計全各毎満年月週日和成");
const isCounter = among("人名件回年月日時分秒円個本枚歳才台階号倍割社校週期位点冊部番章条項種軒戸代度席組泊周版");
const KEPT = "一人 一部 一番 一時 一度 一種 一日も 一日中 一本化 一回り 一軒家 一期一会 十分 十人十色 二人三脚 三日月 三位一体 百人一首 千代 八千代".split(" ").map(codes);
const isKanji = (v) => (v >= 0x3400 && v <= 0x9fff) || (v >= 0xf900 && v <= 0xfaff) || (v >= 0x20000 && v <= 0x3ffff) || v === 0x3005;

function kanjiSum(part) {
  let total = 0, pending = null, last = 1e4;
  for (const c of part) {
    const d = KD.indexOf(c), u = 10 ** (KU.indexOf(c) + 1);
    if (d >= 0 && pending === null) pending = d;
    else if (u > 1 && u < last && pending !== 0) [total, pending, last] = [total + (pending ?? 1) * u, null, u];
    else return null;
  }
  return total + (pending ?? 0);
}

function kanjiWritten(run) {
  if (run.length > 12 || run[0] === "〇" || KL.includes(run[0])) return null;
  if (run.every((c) => KD.includes(c))) return run.length !== 2 || run.includes("〇") ? run.map((c) => KD.indexOf(c)).join("") : null;
  let out = "", part = 0, left = 0;
  for (let k = 0; k < run.length; k++) {
    const u = KL.indexOf(run[k]);
    if (u < 0) continue;
    const n = kanjiSum(run.slice(part, k));
    if (u < left || !n) return null;
    [out, part, left] = [out + n + run[k], k + 1, u + 1];
  }
  const n = kanjiSum(run.slice(part));
  return n === null ? null : n ? out + n : out;
}

function isNumber(s, a, e) {
  const b = s[a - 1], n = s[e];
  if (a > 0 && ((isKanji(b) && !isPrefix(b)) || (b >= 0x30 && b <= 0x39))) return false;
  if (KEPT.some((w) => w.every((v, i) => s[a + i] === v))) return false;
  if (isCounter(n) || (among("かゕゖけ箇")(n) && among("月所国")(s[e + 1]))) return true;
  return e - a >= 2 && !isKanji(n);
}

/** `s` (normalised code points; with `map`, of the text as typed) with its numbers in Arabic numerals, or null. */
function arabic(s, map = null) {
  const found = [];
  for (let i = 0, e; i < s.length; i = Math.max(e, i + 1)) {
    for (e = i; isNumeral(s[e]); e++);
    const w = e > i ? kanjiWritten(s.slice(i, e).map((v) => String.fromCodePoint(v))) : null;
    if (w !== null && isNumber(s, i, e)) found.push([i, e, codes(w)]);
  }
  if (!found.length) return null;
  const out = map ? map.input : [...s];
  for (const [a, e, w] of found.reverse()) {
    const [from, to] = map ? [map.start[a], map.end[e - 1]] : [a, e];
    out.splice(from, to - from, ...w);
  }
  return out;
}

// ---------------- letters and digits typed joined
// As QueryLetterDigits (Swift): society5 also finds Society 5, where a page writes them apart.

const isDigit = (v) => v >= 0x30 && v <= 0x39;
const letterOrDigit = (v) => (isDigit(v) ? 2 : charClass(v) === W ? 1 : 0);

/** The term with a space wherever a word's letter meets a digit (society5 → society 5), or null. */
export function letterDigitSpaced(term) {
  const out = [];
  let previous = 0;
  for (const v of term) {
    const kind = letterOrDigit(v);
    if (previous && kind && previous !== kind) out.push(0x20);
    out.push(v);
    previous = kind;
  }
  return out.length > term.length ? out : null;
}

/** The query as typed with its numbers in Arabic numerals (十二月のイベント → 12月のイベント), or null. */
export function arabicQuery(text) {
  const n = normaliseWithMap(text);
  const out = arabic(n.scalars, { ...n, input: codes(text) });
  return out && str(out);
}

// ---------------- index format
// Mirrors Sources/Search/IndexFormat.swift and Codec.swift.

const TITLE = 1, SUMMARY = 2, KEYWORDS = 4, HEAD = 7, BODY = 0xfffffff8;
const KIND_LABELS = { strategy: "戦略", field: "分野", initiative: "取組", event: "イベント", glossary: "用語", about: "このサイトについて" };
const MAX_SNIPPET_CHUNKS = 4, SNIPPET_BEFORE = 30, SNIPPET_LENGTH = 120;

function hash(cps) {
  let h = 2166136261;
  for (const v of cps) h = Math.imul(h ^ v, 16777619) >>> 0;
  return h;
}

function shardName(index, shards) {
  const digits = Math.max(1, (shards - 1).toString(16).length);
  return "s/" + index.toString(16).padStart(digits, "0") + ".json";
}

/** How one query term is looked up: n-grams of Japanese runs, words (`#word`, prefix if last). */
export function planTerm(term, gram, maxKeys) {
  const segs = segments(term);
  const keys = [];
  const g = Math.max(2, maxKeys);
  // One-character Japanese runs are left out of the lookup when a longer run is there.
  const skipShort = segs.length > 1 && segs.some((s) => s.end - s.start >= 2);
  segs.forEach((seg, index) => {
    if (skipShort && seg.japanese && seg.end - seg.start < 2) return;
    const run = term.slice(seg.start, seg.end);
    if (seg.japanese) {
      if (run.length <= gram) {
        keys.push({ key: str(run), prefix: false, shardKey: run });
      } else {
        const count = run.length - gram + 1;
        const offsets = [];
        if (count <= g) {
          for (let o = 0; o < count; o++) offsets.push(o);
        } else {
          for (let x = 0; x < g; x++) {
            const o = Math.floor((x * (count - 1) + Math.floor((g - 1) / 2)) / (g - 1));
            if (offsets[offsets.length - 1] !== o) offsets.push(o);
          }
        }
        for (const o of offsets) {
          const sub = run.slice(o, o + gram);
          keys.push({ key: str(sub), prefix: false, shardKey: sub });
        }
      }
    } else {
      const key = [0x23, ...run];
      keys.push({ key: str(key), prefix: index === segs.length - 1 && run.length >= 2, shardKey: key.slice(0, 3) });
    }
  });
  const exact = segs.length === 1 && (!segs[0].japanese || segs[0].end - segs[0].start <= gram);
  return { scalars: term, segments: segs, keys, exact };
}

/** The keys a query looks up, terms separated by "|", prefixes marked "*" (as SearchText.tokenize). */
export function tokenise(text, gram = 8) {
  const out = [];
  terms(normaliseWithMap(text).scalars).forEach((t, i) => {
    if (i > 0) out.push("|");
    for (const k of planTerm(t, gram, Infinity).keys) out.push(k.prefix ? k.key + "*" : k.key);
  });
  return out;
}

const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) VALUES[DIGITS.charCodeAt(i)] = i;

function decodeNumbers(s) {
  const out = [];
  let value = 0, shift = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = c < 128 ? VALUES[c] : -1;
    if (d < 0) return null;
    value = (value | ((d & 31) << shift)) >>> 0;
    if (d & 32) { shift += 5; if (shift > 30) return null; } else { out.push(value); value = 0; shift = 0; }
  }
  return out;
}

function decodeSet(s) {
  const out = [];
  if (s.startsWith("*")) {
    for (let i = 1; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const d = c < 128 ? VALUES[c] : -1;
      if (d <= 0) continue;
      for (let b = 0; b < 6; b++) if (d & (1 << b)) out.push((i - 1) * 6 + b);
    }
    return out;
  }
  const numbers = decodeNumbers(s) || [];
  let prev = -1;
  for (const g of numbers) { prev += g + 1; out.push(prev); }
  return out;
}

function decodeValue(value) {
  const out = new Map();
  if (typeof value === "string") {
    const numbers = decodeNumbers(value) || [];
    let prev = -1;
    for (let i = 0; i + 1 < numbers.length; i += 2) { prev += numbers[i] + 1; out.set(prev, numbers[i + 1]); }
  } else if (Array.isArray(value) && value.length >= 4) {
    // Per-field sets, then the first documents of each set with their chunks.
    const bits = [TITLE, SUMMARY, KEYWORDS, BODY];
    value.slice(0, 4).forEach((s, i) => { for (const d of decodeSet(s)) out.set(d, ((out.get(d) || 0) | bits[i]) >>> 0); });
    if (value.length > 4) for (const [d, m] of decodeValue(value[4])) out.set(d, m);
  }
  return out;
}

function fieldScore(m) {
  return (m & TITLE ? 16 : 0) + (m & SUMMARY ? 8 : 0) + (m & KEYWORDS ? 4 : 0) + (m & BODY ? 2 : 0);
}

const before = (a, b) => (a.score !== b.score ? a.score > b.score : a.doc < b.doc);

class Heap {
  constructor() { this.items = []; }
  get size() { return this.items.length; }
  peek() { return this.items[0]; }
  push(v) {
    const a = this.items;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let best = i;
        if (l < a.length && before(a[l], a[best])) best = l;
        if (r < a.length && before(a[r], a[best])) best = r;
        if (best === i) break;
        [a[i], a[best]] = [a[best], a[i]];
        i = best;
      }
    }
    return top;
  }
}

// ---------------- matching and snippets

function scan(plan, text, found) {
  const p = plan.scalars;
  const segs = plan.segments;
  if (!p.length || p.length > text.length || !segs.length) return;
  const wordStart = !segs[0].japanese;
  const lastSeg = segs[segs.length - 1];
  const wordEnd = !lastSeg.japanese && lastSeg.end - lastSeg.start < 2;
  const limit = text.length - p.length;
  for (let i = 0; i <= limit; i++) {
    if (text[i] !== p[0]) continue;
    let j = 1;
    while (j < p.length && text[i + j] === p[j]) j++;
    if (j !== p.length) continue;
    const end = i + p.length;
    const okStart = !wordStart || i === 0 || charClass(text[i - 1]) !== W;
    const okEnd = !wordEnd || end === text.length || charClass(text[end]) !== W;
    if (okStart && okEnd && !found(i, end)) return;
  }
}

function firstMatch(plan, text) {
  let r = null;
  scan(plan, text, (a, b) => { r = [a, b]; return false; });
  return r;
}

function anyMatch(plans, text) {
  return plans.some((p) => firstMatch(p, text) !== null);
}

const isSpace = (v) => v === 0x20 || v === 0x0a || v === 0x0d || v === 0x09 || v === 0x3000;
// As Snippet.isJapaneseWord, endsWords and startsWords.
const isJapaneseWord = (v) => (v >= 0x3041 && v <= 0x309f) || (v >= 0x30a0 && v <= 0x30ff && v !== 0x30fb)
  || (v >= 0x3400 && v <= 0x4dbf) || (v >= 0x4e00 && v <= 0x9fff) || (v >= 0xf900 && v <= 0xfaff)
  || (v >= 0xff10 && v <= 0xff19) || (v >= 0xff21 && v <= 0xff3a) || (v >= 0xff41 && v <= 0xff5a) || v === 0x3005;
const endsWords = (v) => isJapaneseWord(v) || v === 0x300d || v === 0x300f || v === 0xff09 || v === 0x3011;
const startsWords = (v) => isJapaneseWord(v) || v === 0x300c || v === 0x300e || v === 0xff08 || v === 0x3010;

const cps = (s) => Array.from(s, (c) => c.codePointAt(0));

/** As Snippet.asWritten: keywords `o`, starting with the texts `f` as read, as written, each line once. */
function asWritten(o, matches, f) {
  const out = [], at = [], moved = [], seen = new Map(); // at[k]: where o[k] went; seen: lines shown
  let k = 0;
  const copy = (n) => {
    for (; n > 0; n--) at[k] = out.push(o[k++]) - 1; // at[k] before k++
  };
  const again = (places, from) => {
    places.forEach((p, i) => (at[from + i] = p));
    k = from + places.length;
  };
  f.forEach((text, n) => {
    const key = JSON.stringify(text), from = k + !!n, places = [];
    if (seen.has(key)) return again(seen.get(key), from);
    copy(n && 1); // the line break before it
    for (const p of text) {
      const g = k;
      if (typeof p === "string") {
        copy([...p].length);
        places.push(...at.slice(g, k));
      } else {
        const end = k + [...p[1]].length;
        for (const c of cps(p[0])) places.push(out.push(c) - 1);
        if (!matches.some((m) => m[0] < end && g < m[1])) k = end;
        else {
          out.push(0xff08);
          copy(end - g);
          out.push(0xff09);
        }
      }
    }
    seen.set(key, at.slice(from, k));
    const plain = text.map((p) => (typeof p === "string" ? p : p[0])).join("");
    if (!seen.has(plain)) seen.set(plain, places);
  });
  str(o.slice(k)).split("\n").forEach((line, i) => {
    const from = k + !!i, places = seen.get(line);
    if (places) again(places, from);
    else {
      copy(from - k + [...line].length);
      seen.set(line, at.slice(from, k));
    }
  });
  for (const [a, b] of matches) {
    for (let i = a; i < b; i++) {
      const last = moved[moved.length - 1];
      if (i > a && last[1] === at[i]) last[1]++;
      else moved.push([at[i], at[i] + 1]);
    }
  }
  return [out, moved];
}

/** Where the plans' terms occur in `o` (code points), by the normalised text's map. */
function matchesIn(o, normalised, plans) {
  const matches = [];
  for (const p of plans) {
    scan(p, normalised.scalars, (a, b) => {
      let end = normalised.end[b - 1];
      while (end < o.length && (o[end] === 0x30fc || o[end] === 0xff70)) end++;
      matches.push([normalised.start[a], end]);
      return true;
    });
  }
  return matches;
}

/** Adds [s, e] to `list`, ranges in order, joined to the last where they touch. */
function addJoined(list, s, e) {
  const last = list[list.length - 1];
  if (last && s <= last[1]) last[1] = Math.max(last[1], e); else list.push([s, e]);
}

/** A result title's matches, in order and joined where they touch, for its <mark>s (the page
 * shows them; `portal search` and the engine's answers do not carry them). */
function titleHighlights(title, normalised, plans) {
  const merged = [];
  for (const [s, e] of matchesIn(cps(title), normalised, plans).sort((x, y) => x[0] - y[0] || y[1] - x[1])) addJoined(merged, s, e);
  return merged;
}

/** As Snippet.afterSummary: the summary, then キーワード： and the keyword lines that matched;
 * null when one is the title or the summary. */
function afterSummary(page, o, matches) {
  const bare = (t) => str(t).replace(/（[^）]*）/g, ""), texts = [page.title, page.summary || ""].map((t) => bare(cps(t)));
  const tail = cps("キーワード："), placed = [], shown = new Set();
  let a = 0;
  for (const line of str(o).split("\n").map(cps)) {
    const b = a + line.length, hit = matches.filter((m) => m[0] < b && a < m[1]);
    if (hit.length) {
      if (texts.includes(bare(line))) return null;
      if (!shown.has(str(line))) {
        shown.add(str(line));
        if (shown.size > 1) tail.push(0x3001);
        const base = tail.length - a;
        tail.push(...line);
        for (const m of hit) placed.push([base + Math.max(m[0], a), base + Math.min(m[1], b)]);
      }
    }
    a = b + 1;
  }
  let head = cps((page.summary || "").replace(/[ \n\r\t\u3000]+/g, " ").replace(/^ | $/g, ""));
  if (!head.length || !shown.size) return null;
  const room = Math.max(20, SNIPPET_LENGTH - tail.length - 1);
  if (head.length > room) {
    let cut = room - 1;
    while (cut > 0 && isJoiner(head[cut])) cut--;
    head = [...head.slice(0, cut), 0x2026];
  }
  const d = head.length + 1, highlights = [];
  for (const [x, y] of placed.sort((p, q) => p[0] - q[0])) addJoined(highlights, x + d, y + d);
  return { snippet: str([...head, 0x20, ...tail]), highlights };
}

/** A snippet of about 120 characters around the first match, as Snippet.make in Swift. */
export function makeSnippet(original, normalised, plans, furigana, page) {
  let o = cps(original);
  let matches = matchesIn(o, normalised, plans);
  if (furigana) [o, matches] = asWritten(o, matches, furigana);
  const shown = page && afterSummary(page, o, matches);
  if (shown) return shown;
  matches.sort((x, y) => (x[0] !== y[0] ? x[0] - y[0] : y[1] - x[1]));
  const anchor = matches.length ? matches[0][0] : 0;
  let start = Math.max(0, anchor - SNIPPET_BEFORE);
  let end = Math.min(o.length, start + SNIPPET_LENGTH);
  if (end - start < SNIPPET_LENGTH) start = Math.max(0, end - SNIPPET_LENGTH);
  for (const m of matches) if (m[0] < end && m[1] > end && m[1] <= end + 20) end = m[1];
  while (start > 0 && isJoiner(o[start])) start--;
  while (end < o.length && isJoiner(o[end])) end++;
  while (start < end && isSpace(o[start])) start++;
  let trimmedEnd = end;
  while (trimmedEnd > start && isSpace(o[trimmedEnd - 1])) trimmedEnd--;
  const out = [];
  if (start > 0) out.push(0x2026);
  // A page's text is blocks; keywords are words, one a line, which 。 would make sentences of.
  const blocks = !furigana && !page;
  const position = new Array(trimmedEnd - start + 1).fill(0);
  for (let k = start; k < trimmedEnd;) {
    position[k - start] = out.length;
    const v = o[k];
    if (!isSpace(v)) { out.push(v); k++; continue; }
    // A run of space: one space, or 。 where it parts two blocks of Japanese words (Snippet.make);
    // the run's later characters land after it.
    let next = k, parts = false;
    while (next < trimmedEnd && isSpace(o[next])) {
      if (o[next] === 0x0a) parts = true;
      next++;
    }
    const between = blocks && parts && out.length > 0 && endsWords(out[out.length - 1]) && startsWords(o[next]);
    out.push(between ? 0x3002 : 0x20);
    for (let later = k + 1; later < next; later++) position[later - start] = out.length;
    k = next;
  }
  position[trimmedEnd - start] = out.length;
  if (end < o.length) out.push(0x2026);
  const highlights = [];
  for (const m of matches) {
    const a = Math.max(m[0], start), b = Math.min(m[1], trimmedEnd);
    if (a >= b) continue;
    addJoined(highlights, position[a - start], position[b - start]);
  }
  return { snippet: str(out), highlights };
}

// ---------------- engine

/**
 * The search engine over an index reachable through `load(path) → Promise<string|null>`
 * (fetch in the browser, the file system under node).
 */
export class Engine {
  constructor(load) {
    this.load = load;
    this.shards = new Map();
    this.heads = new Map();
    this.chunks = new Map();
    this.meta = null;
  }

  async init() {
    const text = await this.load("meta.json");
    const meta = text && JSON.parse(text);
    if (!meta || meta.format !== 1) throw new Error("search index missing or of another format");
    this.meta = meta;
    return this;
  }

  shardIndex(key) { return hash(key) & (this.meta.shards - 1); }

  async fetchShards(keys, files) {
    const wanted = [...new Set(keys.map((k) => this.shardIndex(k)))];
    await Promise.all(wanted.map(async (i) => {
      const name = shardName(i, this.meta.shards);
      files.add(name);
      if (!this.shards.has(i)) {
        // A shard that does not arrive (the connection dropped, a file cut short) is no "no
        // match": the search fails saying so, and the next one fetches it again.
        const unreadable = () => Object.assign(new Error("unreadable " + name), { indexPart: name });
        const p = this.load(name).then((t) => {
          if (!t) throw unreadable();
          try { return JSON.parse(t); } catch (e) { throw unreadable(); }
        }, () => { throw unreadable(); });
        p.catch(() => this.shards.delete(i));
        this.shards.set(i, p);
      }
      await this.shards.get(i);
    }));
  }

  async shard(key) { return (await this.shards.get(this.shardIndex(key))) || {}; }

  async postings(k) {
    const shard = await this.shard(k.shardKey);
    if (!k.prefix) return decodeValue(shard[k.key]);
    const out = new Map();
    for (const key of Object.keys(shard)) {
      if (!key.startsWith(k.key)) continue;
      for (const [d, m] of decodeValue(shard[key])) out.set(d, ((out.get(d) || 0) | m) >>> 0);
    }
    return out;
  }

  async candidates(plan) {
    let result = null;
    for (const key of plan.keys) {
      const m = await this.postings(key);
      if (result === null) {
        result = m;
      } else {
        const next = new Map();
        for (const [d, mask] of result) {
          const o = m.get(d);
          if (o !== undefined && (mask & o) !== 0) next.set(d, (mask & o) >>> 0);
        }
        result = next;
      }
      if (!result.size) break;
    }
    return result || new Map();
  }

  async entry(prefix, key) {
    return (await this.shard(key))[prefix + str(key)];
  }

  async head(d, files) {
    const name = "c/" + d + ".json";
    files.add(name);
    if (!this.heads.has(d)) {
      this.heads.set(d, this.load(name).then((t) => {
        if (!t) return null;
        const h = JSON.parse(t);
        return { ...h, fields: [normaliseWithMap(h.t), normaliseWithMap(h.s || ""), normaliseWithMap(h.w || "")] };
      }, () => null));
    }
    return this.heads.get(d);
  }

  async chunk(d, n, files) {
    const name = "c/" + d + "-" + n + ".json";
    files.add(name);
    const key = d * 64 + n;
    if (!this.chunks.has(key)) {
      this.chunks.set(key, this.load(name).then((t) => {
        if (!t) return null;
        const x = JSON.parse(t).x;
        return { text: x, norm: normaliseWithMap(x) };
      }, () => null));
    }
    return this.chunks.get(key);
  }

  /**
   * Starts a query. Returns { candidates, exact, terms, next(n) → Promise<results>, files }:
   * call next() again for more results ("さらに表示"); `files` grows with what was read.
   */
  async query(text, kinds = null) {
    const meta = this.meta;
    const files = new Set();
    const all = [];
    for (const t of terms(normaliseWithMap(text).scalars)) if (!all.some((x) => sameArray(x, t))) all.push(t);
    const ts = all.slice(0, 8);
    const empty = { candidates: 0, exact: true, more: false, files, plans: [], next: async () => [] };
    if (!ts.length) return empty;

    const plans = ts.map((t) => planTerm(t, meta.gram, meta.keysPerRun));
    // Each term's numbers in Arabic numerals (十二月 → 12月), one more alternative.
    const numbers = ts.map((t) => arabic(t));
    const numberPlans = numbers.map((a) => a && planTerm(a, meta.gram, meta.keysPerRun));
    // Each term's letters and digits apart (society5 → society 5), one more alternative.
    const spacedPlans = ts.map((t) => { const s = letterDigitSpaced(t); return s && planTerm(s, meta.gram, meta.keysPerRun); });
    const bonusKeys = [ts.flat()];
    if (numbers.some(Boolean)) bonusKeys.push(ts.flatMap((t, i) => numbers[i] || t));
    // Postings, exact-title entries of the whole query, alias groups of each term: one round.
    await this.fetchShards([...[...plans, ...numberPlans, ...spacedPlans].filter(Boolean).flatMap((p) => p.keys.map((k) => k.shardKey)),
      ...bonusKeys, ...ts], files);

    // Glossary alias groups, then the members' shards.
    const memberLists = [];
    for (const t of ts) {
      const members = await this.entry("~", t);
      memberLists.push(Array.isArray(members) ? members.map((m) => Array.from(m, (c) => c.codePointAt(0))).filter((m) => m.length && !sameArray(m, t)) : []);
    }
    const memberPlans = memberLists.map((ms) => ms.map((m) => planTerm(m, meta.gram, meta.keysPerRun)));
    await this.fetchShards([...memberPlans.flat().flatMap((p) => p.keys.map((k) => k.shardKey)),
      ...(ts.length === 1 ? memberLists[0] : [])], files);

    const alternatives = [];
    for (let i = 0; i < ts.length; i++) {
      const alts = [{ plan: plans[i], map: await this.candidates(plans[i]) }];
      if (numberPlans[i]) alts.push({ plan: numberPlans[i], map: await this.candidates(numberPlans[i]) });
      if (spacedPlans[i]) alts.push({ plan: spacedPlans[i], map: await this.candidates(spacedPlans[i]) });
      for (let j = 0; j < memberPlans[i].length; j++) {
        alts.push({ plan: memberPlans[i][j], map: await this.candidates(memberPlans[i][j]) });
        if (ts.length === 1) bonusKeys.push(memberLists[i][j]);
      }
      alternatives.push(alts);
    }
    const exactPlans = alternatives.every((alts) => alts.every((a) => a.plan.exact));

    const termMasks = alternatives.map((alts) => {
      const m = new Map();
      for (const a of alts) for (const [d, x] of a.map) m.set(d, ((m.get(d) || 0) | x) >>> 0);
      return m;
    });
    const allowed = kinds && kinds.size ? [...kinds].map((k) => meta.kinds[k]).filter(Boolean) : null;
    const docs = [];
    for (const d of termMasks[0].keys()) {
      if (!termMasks.every((m) => m.has(d))) continue;
      if (allowed && !allowed.some(([a, b]) => d >= a && d < b)) continue;
      docs.push(d);
    }

    const titleExact = new Set(), keywordExact = new Set();
    for (const key of bonusKeys) {
      const sets = await this.entry("=", key);
      if (!Array.isArray(sets) || sets.length !== 2) continue;
      for (const d of decodeSet(sets[0])) titleExact.add(d);
      for (const d of decodeSet(sets[1])) keywordExact.add(d);
    }
    const bonus = (d) => (titleExact.has(d) ? 64 : 0) + (keywordExact.has(d) ? 32 : 0);

    const order = docs.map((d) => ({ doc: d, score: bonus(d) + termMasks.reduce((s, m) => s + fieldScore(m.get(d) || 0), 0) }));
    order.sort((a, b) => (a.score !== b.score ? b.score - a.score : a.doc - b.doc));
    const ready = new Heap();
    let next = 0;
    let emitted = 0;
    const allPlans = alternatives.flatMap((alts) => alts.map((a) => a.plan));
    const engine = this;

    // Texts verified for this page: at most 3 × limit + 10, as verifyBudget in Swift.
    let work = 0;

    async function verify(d) {
      work++;
      const h = await engine.head(d, files);
      if (!h) return null;
      const existing = (HEAD | (h.n >= 29 ? BODY : ((2 ** (3 + h.n)) - 8))) >>> 0;
      const masks = [];
      for (const alts of alternatives) {
        let trueMask = 0;
        for (const a of alts) {
          const m0 = a.map.get(d);
          if (m0 === undefined) continue;
          const m = (m0 & existing) >>> 0;
          if (a.plan.exact) { trueMask = (trueMask | m) >>> 0; continue; }
          for (let bit = 0; bit < 3; bit++) {
            if ((m & (1 << bit)) && !(trueMask & (1 << bit)) && firstMatch(a.plan, h.fields[bit].scalars)) trueMask |= 1 << bit;
          }
          if (!(trueMask & BODY)) {
            for (let n = 0; n < h.n; n++) {
              if (!(m & ((1 << (3 + n)) >>> 0))) continue;
              work++;
              const c = await engine.chunk(d, n, files);
              if (c && firstMatch(a.plan, c.norm.scalars)) { trueMask = (trueMask | (1 << (3 + n))) >>> 0; break; }
            }
          }
        }
        if (!trueMask) return null;
        masks.push(trueMask);
      }
      return { doc: d, score: bonus(d) + masks.reduce((s, m) => s + fieldScore(m), 0), masks };
    }

    async function makeResult(v) {
      const h = await engine.head(v.doc, files);
      let text = null;
      // The summary when it holds a match (no download), else the body chunks holding the
      // most terms (at most a few), else the keywords; as Swift's makeResult.
      if (anyMatch(allPlans, h.fields[1].scalars)) text = { text: h.s || "", norm: h.fields[1] };
      const union = v.masks.reduce((a, m) => (a | m) >>> 0, 0) >>> 3;
      if (!text && union) {
        const chunkOrder = [];
        for (let n = 0; n < h.n; n++) {
          if (union & (1 << n)) chunkOrder.push([n, v.masks.filter((m) => m & ((1 << (3 + n)) >>> 0)).length]);
        }
        chunkOrder.sort((a, b) => (a[1] !== b[1] ? b[1] - a[1] : a[0] - b[0]));
        for (const [n] of chunkOrder.slice(0, MAX_SNIPPET_CHUNKS)) {
          const c = await engine.chunk(v.doc, n, files);
          if (c && anyMatch(allPlans, c.norm.scalars)) { text = c; break; }
        }
      }
      if (!text && anyMatch(allPlans, h.fields[2].scalars)) text = { text: h.w || "", norm: h.fields[2], furigana: h.f || [], page: { title: h.t, summary: h.s } };
      if (!text) {
        if (h.s) text = { text: h.s, norm: h.fields[1] };
        else text = (h.n > 0 && (await engine.chunk(v.doc, 0, files))) || { text: h.t, norm: h.fields[0] };
      }
      const { snippet, highlights } = makeSnippet(text.text, text.norm, allPlans, text.furigana, text.page);
      const r = { url: h.u, title: h.t, kind: h.k, snippet, highlights, score: v.score };
      if (h.d) r.date = h.d;
      if (h.e) r.ends = h.e;
      return r;
    }

    const session = {
      candidates: docs.length,
      exact: exactPlans,
      files,
      plans: allPlans,
      more: docs.length > 0,
      alsoSearched: numbers.some(Boolean) ? arabicQuery(text) : null,
      async next(limit) {
        const want = limit <= 0 ? Infinity : limit;
        const budget = limit <= 0 ? Infinity : 3 * limit + 10;
        work = 0;
        // Fetch the heads the loop will need first, in parallel.
        await Promise.all(order.slice(next, next + Math.min(want, 50)).map((o) => engine.head(o.doc, files)));
        const picked = [];
        while (picked.length < want) {
          const top = ready.peek();
          if (top && (next >= order.length || work >= budget || !before(order[next], top))) { picked.push(ready.pop()); continue; }
          if (next >= order.length || work >= budget) break;
          const v = await verify(order[next++].doc);
          if (v) ready.push(v);
        }
        emitted += picked.length;
        if (next >= order.length) { session.candidates = emitted + ready.size; session.exact = true; }
        session.more = next < order.length || ready.size > 0;
        return Promise.all(picked.map(makeResult));
      },
    };
    return session;
  }

  /** All in one: the first `limit` results (0: all), with the count, as SearchEngine.run. */
  async run(text, { kinds = null, limit = 10 } = {}) {
    const s = await this.query(text, kinds);
    const results = await s.next(limit);
    return { results, candidates: s.candidates, exact: s.exact, more: s.more, files: [...s.files], alsoSearched: s.alsoSearched };
  }
}

// ---------------- もしかして

/**
 * search-offers.js (at `url`), fetched only after a search that found nothing: its
 * `respond(engine, query, kinds)` splits the query or offers もしかして. Its name has a hash,
 * so it cannot import this module by name: it is given what it uses.
 */
export async function loadOffers(url) {
  const module = await import(url);
  return module.offers({ normaliseWithMap, charClass, WORD: W, SEPARATOR: S, str, sameArray });
}

// ---------------- the page

// With the weekday, as the site writes dates (2026年12月5日（土）): an event is found by its day.
function formatDate(d) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d || "");
  if (!m) return "";
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日（${"日月火水木金土"[day]}）`;
}

// An event over by the reader's clock (head `e`, the page's data-ends, as portal.js compares it).
function isOver(r) {
  return Boolean(r.ends) && Date.now() >= Date.parse(r.ends);
}

function renderResult(r, plans) {
  const li = document.createElement("li");
  li.className = "card search-result";
  const h = document.createElement("h3");
  h.className = "card-title";
  const a = document.createElement("a");
  a.href = r.url;
  marked(a, r.title, titleHighlights(r.title, normaliseWithMap(r.title), plans));
  h.append(a);
  const meta = document.createElement("p");
  meta.className = "card-meta";
  meta.textContent = [KIND_LABELS[r.kind] || r.kind, formatDate(r.date)].filter(Boolean).join("　") +
    (isOver(r) ? "（終わりました）" : "");
  const p = document.createElement("p");
  p.className = "search-snippet";
  marked(p, r.snippet, r.highlights);
  li.append(h, meta, p);
  return li;
}

/** `text` into `el`, the stretches `highlights` (code point offsets) in <mark>s. */
function marked(el, text, highlights) {
  const cps = Array.from(text);
  let pos = 0;
  for (const [s, e] of highlights) {
    if (s > pos) el.append(cps.slice(pos, s).join(""));
    const mark = document.createElement("mark");
    mark.textContent = cps.slice(s, e).join("");
    el.append(mark);
    pos = e;
  }
  if (pos < cps.length) el.append(cps.slice(pos).join(""));
}

function setupPage() {
  const form = document.querySelector("form[data-index]");
  if (!form) return;
  const input = form.querySelector('input[name="q"]');
  const boxes = Array.from(form.querySelectorAll('input[name="kind"]'));
  const status = document.getElementById("search-status");
  const heading = document.getElementById("search-results-heading");
  const list = document.getElementById("search-results");
  const more = document.getElementById("search-more");
  const help = document.getElementById("search-help");
  const baseTitle = document.title;
  if (!input || !status || !list) return;
  // The page says that search needs JavaScript and links to the lists; with it, show the form.
  const noscript = document.getElementById("search-nojs");
  if (noscript) noscript.hidden = true;
  form.hidden = false;
  const base = new URL(form.dataset.index, document.baseURI);
  const engine = new Engine((path) =>
    fetch(new URL(path, base)).then((r) => (r.ok ? r.text() : null)));
  const ready = engine.init();
  // search-offers.js, fetched after the first search that finds nothing (null until then, and
  // again after it failed to load, so a later search tries again).
  let offers = null;
  const PAGE = 10;
  let generation = 0;
  let session = null;
  let shown = 0;
  let timer = 0;
  let suggestions = [];
  // Whether search-offers.js answered a search that found nothing, and the query it split.
  let answered = false;
  let searchedAs = null;

  const kinds = () => new Set(boxes.filter((b) => b.checked).map((b) => b.value));

  function keepInURL(q) {
    const url = new URL(location.href);
    url.searchParams.delete("q");
    url.searchParams.delete("kind");
    if (q) url.searchParams.set("q", q);
    for (const k of kinds()) url.searchParams.append("kind", k);
    history.replaceState(null, "", url);
  }

  // Which kinds a search is limited to, so a box ticked earlier is not forgotten.
  function filterNote() {
    const chosen = boxes.filter((b) => b.checked).map((b) => KIND_LABELS[b.value] || b.value);
    return chosen.length ? `（${chosen.join("・")}だけで探しています）` : "";
  }

  // A pasted page of text is said in its first 30 characters: the status is read aloud whole.
  const said = (q) => (Array.from(q).length > 30 ? Array.from(q).slice(0, 30).join("") + "…" : q);
  function announce(typed) {
    const q = said(typed);
    document.title = q ? `「${q}」の検索結果｜${baseTitle}` : baseTitle;
    if (help) help.hidden = !q || Boolean(session && session.candidates);
    if (!q) { status.textContent = ""; return; }
    // Kanji numbers were searched in Arabic numerals too (十二月 → 12月): say so.
    const also = session.alsoSearched ? `「${said(session.alsoSearched)}」でも探しました。` : "";
    if (!session.candidates) {
      status.replaceChildren(`「${q}」に一致するページは見つかりませんでした${filterNote()}。${also}`);
      if (suggestions.length) {
        status.append("もしかして：");
        suggestions.forEach((word, i) => {
          if (i > 0) status.append("、");
          status.append(suggestionLink(word));
        });
        status.append("。");
      }
      // The advice to try kanji only after a search typed in hiragana (コンピューター has none).
      status.append(/^[\u3041-\u309F\u30FC\s]+$/.test(typed)
        ? "短いことばや、別のことばで試してください。ひらがなで見つからないときは、漢字でも試してください。"
        : "短いことばや、別のことばで試してください。");
      return;
    }
    if (!shown && session.more) {
      status.textContent = `「${q}」に一致するページは、まだ見つかっていません。${also}「もっと見る」で続けて探します。`;
      return;
    }
    const count = `${session.exact ? "" : "約"}${session.candidates.toLocaleString("ja-JP")}件` +
      (shown < session.candidates ? `（${shown}件を表示）` : "") + filterNote();
    status.textContent = (searchedAs
      ? `「${q}」に一致するページはありません。「${said(searchedAs)}」で探しました：${count}`
      : `「${q}」の検索結果：${count}`) + (also && "。" + also);
  }

  // A name offered by もしかして: a real link (it can be opened in a new tab or shared) that
  // searches at once on this page, leaving the keyboard in the search box.
  function suggestionLink(word) {
    const a = document.createElement("a");
    const url = new URL(location.href);
    url.searchParams.set("q", word);
    a.href = url.pathname + url.search;
    a.textContent = word;
    a.addEventListener("click", (event) => {
      // A click with a modifier (new tab, new window) goes where the link says.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      input.value = word;
      input.focus();
      search();
    });
    return a;
  }

  // For `q`, which found nothing: its words split apart, or the offers; none without the module.
  async function respond(q) {
    const none = { searchedAs: null, suggestions: [] };
    if (!form.dataset.offers) return none;
    if (!offers) {
      offers = loadOffers(new URL(form.dataset.offers, document.baseURI).href);
      offers.catch(() => { offers = null; });
    }
    try {
      return await (await offers).respond(engine, q, kinds());
    } catch (e) {
      return none;
    }
  }

  async function showMore(gen, q) {
    more.disabled = true;
    let results = await session.next(PAGE);
    if (gen !== generation) return;
    // Nothing found once the candidates are checked, as `portal search` decides: the split query
    // is searched, or the offers fetched, before the status is written (announced once, whole).
    if (!session.candidates && shown === 0 && !answered) {
      answered = true;
      const r = await respond(q);
      if (gen !== generation) return;
      suggestions = r.suggestions;
      if (r.searchedAs) {
        const s = await engine.query(r.searchedAs, kinds());
        const found = await s.next(PAGE);
        if (gen !== generation) return;
        [session, results, searchedAs] = [s, found, r.searchedAs];
      }
    }
    for (const r of results) list.append(renderResult(r, session.plans));
    shown += results.length;
    list.hidden = shown === 0;
    if (heading) heading.hidden = shown === 0;
    more.hidden = !session.more;
    more.disabled = false;
    announce(q);
  }

  async function search() {
    const gen = ++generation;
    const q = input.value.trim();
    keepInURL(q);
    list.replaceChildren();
    list.hidden = true;
    if (help) help.hidden = true;
    if (heading) heading.hidden = true;
    more.hidden = true;
    shown = 0;
    if (!q) { announce(q); return; }
    try {
      await ready;
      const s = await engine.query(q, kinds());
      if (gen !== generation) return;
      session = s;
      suggestions = [];
      answered = false;
      searchedAs = null;
      await showMore(gen, q);
    } catch (e) {
      if (gen !== generation) return;
      status.textContent = e && e.indexPart
        ? "「" + q + "」を検索できませんでした。検索に使うファイルの一部を読み込めませんでした。通信の状態を確かめて、もう一度ためしてください。"
        : "検索の準備ができませんでした。時間をおいて、もう一度ためしてください。";
    }
  }

  // Not while an input method converts (ぼ → ぼう → 防災): once the text is chosen.
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  };
  input.addEventListener("input", (event) => {
    if (event.isComposing) {
      clearTimeout(timer);
      return;
    }
    later();
  });
  input.addEventListener("compositionend", later);
  for (const b of boxes) b.addEventListener("change", search);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search();
    // 検索 pressed on an empty box did nothing: say what to do, with the cursor in the box.
    if (!input.value.trim()) {
      status.textContent = "探したいことばを入れてから、検索を押してください。";
      input.focus();
    }
  });
  if (more) {
    more.addEventListener("click", async () => {
      if (!session) return;
      const before = shown;
      await showMore(generation, input.value.trim());
      // Keyboard users continue at the first new result instead of losing their place.
      const item = list.children[before];
      const link = item && item.querySelector("a");
      if (link) link.focus();
    });
  }

  const params = new URLSearchParams(location.search);
  const wanted = params.getAll("kind");
  for (const b of boxes) b.checked = wanted.includes(b.value);
  if (params.get("q")) {
    input.value = params.get("q");
    const searching = search();
    if (arrivedWithSearch()) {
      const arrival = generation;
      searching.then(() => showAnswer(arrival));
    }
  }

  // A search typed on another page (the home page's box, the header's, the 404 page's) opens
  // this page with the form, its hint and the kinds first: on a 320 px phone the first result
  // began 757 px down (1,902 px with text at 200 %), below the first screen, and a screen
  // reader started at the top of the page with nothing said. Opened that way (not by Back,
  // whose place the browser keeps, nor by a reload), the answer (the count, or もしかして) is
  // put at the top of the screen and focused, so it is seen and read first; Tab goes on to
  // the results, Shift+Tab back to the form.
  function arrivedWithSearch() {
    const nav = performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
    return !nav || nav.type === "navigate";
  }

  function showAnswer(arrival) {
    // Not when the reader has searched again, or moved on (a box focused, a link tapped).
    if (arrival !== generation || !status.textContent) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== document.documentElement) return;
    status.tabIndex = -1;
    status.focus({ preventScroll: true });
    status.scrollIntoView({ block: "start", behavior: "instant" });
  }
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setupPage);
  else setupPage();
}
