// 「もしかして」: what the site offers when a search, or an address, finds nothing. The same rules
// as Sources/Search (Suggestions.swift, QueryNames.swift, Okurigana.swift), so `portal search`
// offers the same.
//
// Only a search that found nothing and the page for a missing address need this, so it is a
// module of its own, fetched only then:
// - search.js imports it (`loadOffers`) after a search that found nothing, from the address the
//   search page's form gives (`data-offers`): the build puts a hash in every asset's name, so
//   neither module can import the other by name, and search.js gives it what it needs (`offers`);
// - 404.html loads it as its only script (`setupNotFound`, at the end): the page for a missing
//   address needs none of search.js.
// No DOM code runs at import under node, where the parity tests load it with search.js.

// ---------------------------------------------------------------- もしかして
// Mirrors Sources/Search/Suggestions.swift and QueryNames.swift: the site's names (glossary,
// word groups, fields) within a typo or two of a query that found nothing, each group shown by
// its first name; failing that, the names found inside the query.

const SHORTEST_QUERY = 3, TWO_TYPOS_FROM = 6, STARTS_FROM = 5, SUGGESTIONS = 3, CHECKED = 2 * SUGGESTIONS, SHORTEST_NAME = 2;

/** Optimal string alignment distance (swaps of neighbours count 1), or bound + 1 beyond it. */
export function distance(a, b, bound) {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  if (!a.length || !b.length) return Math.max(a.length, b.length);
  let before = new Array(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      rowBest = Math.min(rowBest, d);
    }
    if (rowBest > bound) return bound + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], bound + 1);
}

/**
 * The offers for a search that found nothing, made with search.js's handling of text, which
 * its `loadOffers` gives: `normaliseWithMap`, `charClass` with its classes `WORD` and
 * `SEPARATOR`, `str` (code points to a string) and `sameArray`.
 */
export function offers({ normaliseWithMap, charClass, WORD: W, SEPARATOR: S, str, sameArray }) {
  const exactKey = (text) => normaliseWithMap(text).scalars.filter((v) => charClass(v) !== S);

  /** words.json's groups with every name's key, made once and shared by both kinds of offer. */
  function vocabulary(groups) {
    const usable = groups.filter((g) => Array.isArray(g) && g.length).map((g) => g.map(String));
    return { groups: usable, keys: usable.map((g) => g.map(exactKey)) };
  }

  /** The groups (their names' keys) within a typo or two of `word`, or of a name's start (from
   * STARTS_FROM characters), nearest first, whole names first; none for a
   * short word or one that is itself a name. A name the word holds whole and a character or two
   * more (こそだて支援) is no typo of it: `queryNameOffers` offers it then. */
  function nearestGroups(word, keys) {
    const { key: q, places, scalars } = queryKey(word);
    if (q.length < SHORTEST_QUERY) return [];
    const most = q.length >= TWO_TYPOS_FROM ? 2 : 1;
    const found = [];
    for (let g = 0; g < keys.length; g++) {
      let best = 2 * most + 2; // twice the typos, +1 for a typo of a name's start (ますなんばー)
      for (const key of keys[g]) {
        if (!key.length) continue;
        if (key.length > q.length && q.length >= STARTS_FROM) {
          let d = most + 1;
          for (let n = q.length - most; n <= Math.min(q.length + most, key.length - 1); n++) d = Math.min(d, distance(q, key.slice(0, n), most));
          if (d > 0) best = Math.min(best, 2 * d + 1);
        }
        if (Math.abs(key.length - q.length) > most) continue;
        if (key.length < q.length && holds(q, key, places, scalars)) continue;
        best = Math.min(best, 2 * distance(q, key, most));
      }
      if (best === 0) return [];
      if (best <= 2 * most + 1) found.push([best, g]);
    }
    found.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    return found.map(([, g]) => g);
  }

  /** QueryNames.termsKey: the normalised text's terms, one space between. */
  const termsKey = (text) => {
    const out = [];
    let gap = false;
    for (const v of normaliseWithMap(text).scalars) {
      if (charClass(v) === S) gap = out.length > 0;
      else { if (gap) out.push(0x20); gap = false; out.push(v); }
    }
    return str(out);
  };

  /** The typos' offers (a `vocabulary`), best first, before any is checked: the first names of
   * the groups nearest the whole query; failing that, for several words, the query with each
   * mistyped word replaced by its nearest name. */
  function suggestFrom(text, { groups, keys }) {
    return wholeOrEachWord(text, (t) => nearestGroups(t, keys).map((g) => groups[g][0]));
  }

  /** The words of a query, split where SearchEngine splits them (spaces of both widths, tabs
   * and line ends). */
  const wordsOf = (text) => text.split(/[ \t\n\r\u3000]+/).filter(Boolean);

  /** Suggestions.wholeOrEachWord: `namesOf(text)`, or when that is empty and the query is
   * several words, the query once with each word that has a name replaced by its first. */
  function wholeOrEachWord(text, namesOf) {
    const whole = namesOf(text);
    const words = wordsOf(text);
    if (whole.length || words.length <= 1) return whole;
    let replaced = false;
    const corrected = words.map((word) => {
      const [name] = namesOf(word);
      if (name === undefined) return word;
      replaced = true;
      return name;
    });
    return replaced ? [corrected.join(" ")] : [];
  }

  /** The normalised query (`scalars`), its key (separators removed) and, for each character of
   * the key, its place in `scalars`, to test word boundaries and find the typed characters. */
  function queryKey(text) {
    const norm = normaliseWithMap(text);
    const key = [], places = [];
    norm.scalars.forEach((v, i) => { if (charClass(v) !== S) { key.push(v); places.push(i); } });
    return { norm, scalars: norm.scalars, key, places };
  }

  /** Whether key characters start..end are not the middle of a word (separators count). */
  function isWhole(start, end, places, scalars) {
    const isWord = (i) => i >= 0 && i < scalars.length && charClass(scalars[i]) === W;
    const first = places[start], last = places[end - 1];
    return !(isWord(first) && isWord(first - 1)) && !(isWord(last) && isWord(last + 1));
  }

  /** Whether a query's key holds `name` whole, as `namesInQuery` would find it. */
  function holds(key, name, places, scalars) {
    for (let start = 0; start + name.length <= key.length; start++) {
      if (name.every((v, i) => key[start + i] === v) && isWhole(start, start + name.length, places, scalars)) return true;
    }
    return false;
  }

  // Each vocabulary's names' index and katakana words, made once (a search that found nothing
  // asks for them up to four times).
  const indexes = new WeakMap(), katakanas = new WeakMap();

  /** Each name's key (as a string) with its group, and the names' lengths, shortest first; a
   * key that is a group's first name belongs to that group, else to the first group listing it.
   * Made once per vocabulary. */
  function nameIndex(words) {
    if (!indexes.has(words)) indexes.set(words, makeNameIndex(words));
    return indexes.get(words);
  }

  function makeNameIndex({ keys }) {
    const index = new Map();
    keys.forEach((k, g) => { if (k[0].length >= SHORTEST_NAME && !index.has(str(k[0]))) index.set(str(k[0]), g); });
    keys.forEach((ks, g) => ks.forEach((k) => {
      if (k.length >= SHORTEST_NAME && !index.has(str(k))) index.set(str(k), g);
    }));
    const lengths = [...new Set([...index.keys()].map((k) => Array.from(k).length))].sort((a, b) => a - b);
    return { index, lengths };
  }

  /** The names inside the query's key, longest first then left to right, none overlapping one
   * taken before; a Latin or digit name only between word boundaries. */
  function namesInQuery(key, places, scalars, { index, lengths }) {
    const all = [];
    for (let start = 0; start < key.length; start++) {
      for (const length of lengths) {
        if (start + length > key.length) break;
        const group = index.get(str(key.slice(start, start + length)));
        if (group === undefined || !isWhole(start, start + length, places, scalars)) continue;
        all.push({ start, end: start + length, group });
      }
    }
    all.sort((a, b) => (a.end - a.start !== b.end - b.start ? b.end - b.start - (a.end - a.start) : a.start - b.start));
    const taken = new Array(key.length).fill(false);
    const picked = [];
    for (const m of all) {
      if (taken.slice(m.start, m.end).includes(true)) continue;
      for (let i = m.start; i < m.end; i++) taken[i] = true;
      picked.push(m);
    }
    return picked;
  }

  /** The query as typed with each name found that is not its group's first name replaced by
   * that first name; null when there is none. */
  function rewriteQuery(text, norm, places, found, { groups, keys }) {
    const renamed = found.filter((m) => !sameArray(keys[m.group][0], places.slice(m.start, m.end).map((p) => norm.scalars[p])));
    return replacing(text, norm, places, renamed.map((m) => [m, groups[m.group][0]]));
  }

  /** QueryNames.replacing: the query as typed with each match's stretch replaced by the name
   * given with it, with the long-vowel marks typed after it; null when there is none. */
  function replacing(text, norm, places, pairs) {
    const typed = Array.from(text, (c) => c.codePointAt(0));
    const ranges = [];
    for (const [m, name] of pairs) {
      // A long-vowel mark typed after the name belongs to its last kana (すまほー of sumaho-to).
      let to = norm.end[places[m.end - 1]];
      while (to < typed.length && (typed[to] === 0x30fc || typed[to] === 0xff70)) to++;
      ranges.push([norm.start[places[m.start]], to, name]);
    }
    if (!ranges.length) return null;
    ranges.sort((a, b) => a[0] - b[0]);
    let next = Infinity;
    for (const [from, to, name] of ranges.reverse()) {
      if (to > next) continue;
      typed.splice(from, to - from, ...Array.from(name, (c) => c.codePointAt(0)));
      next = from;
    }
    return str(typed);
  }

  // Okurigana.swift: the pages' spelling of a word typed with other okurigana (行政手続き →
  // 行政手続), from the names of one group that differ by hiragana alone.
  // QuerySplit.isHiragana: the letters, the voiced marks and the iteration marks ゝゞ (こゝろ).
  const isHiragana = (v) => (v >= 0x3041 && v <= 0x3096) || (v >= 0x3099 && v <= 0x309f);
  const isKanji = (v) => (v >= 0x4e00 && v <= 0x9fff) || (v >= 0x3400 && v <= 0x4dbf) ||
    (v >= 0xf900 && v <= 0xfaff) || (v >= 0x20000 && v <= 0x3ffff) || v === 0x3005 || v === 0x3006;
  const isWritten = (n) => n.length > 0 && isKanji(n[0]) && n.every((v) => isKanji(v) || isHiragana(v)) && n.filter(isKanji).length >= 2;

  /** Okurigana.isSpelling: one word with other okurigana (手続 and 手続き); a particle dropped
   * alone (森林の協議会, 森林協議会) is none. */
  function isSpelling(a, b) {
    if (sameArray(a, b) || !isWritten(a) || !isWritten(b)) return false;
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    let j = 0, dropped = "";
    for (const v of long) {
      if (j < short.length && short[j] === v) {
        if (PARTICLES.includes(dropped)) return false;
        dropped = "";
        j++;
      } else if (isHiragana(v)) dropped += String.fromCodePoint(v);
      else return false;
    }
    return j === short.length && !PARTICLES.includes(dropped);
  }

  /** Okurigana.offers: the query with each name found that has other spellings in its group
   * written with them, the fewest kana first (申し込み書 → 申込書, 申込み書); none for a name. */
  function spellingOffers(text, words) {
    const { norm, key, places } = queryKey(text);
    const names = nameIndex(words);
    if (names.index.has(str(key))) return [];
    const cps = (s) => Array.from(s, (c) => c.codePointAt(0));
    const typed = cps(text);
    // Okurigana.goesOn: the word goes on in hiragana typed after it, not a particle (申し込みます,
    // 取組 of 取組み状況): no page writes 申込ます, so no offer and no search for it.
    const goesOn = (m) => m.end < key.length && places[m.end] === places[m.end - 1] + 1 &&
      isHiragana(typed[norm.start[places[m.end]]]) &&
      !particleKeys.some((p) => p.every((v, k) => key[m.end + k] === v));
    const choices = [];
    for (const m of namesInQuery(key, places, norm.scalars, names)) {
      const matched = places.slice(m.start, m.end).map((p) => norm.scalars[p]);
      const i = words.keys[m.group].findIndex((k) => sameArray(k, matched));
      if (i < 0 || goesOn(m)) continue;
      const group = words.groups[m.group], written = cps(group[i]);
      const others = group.map((n, j) => [n, j]).filter(([n, j]) => j !== i && isSpelling(cps(n), written))
        .sort((x, y) => cps(x[0]).length - cps(y[0]).length || x[1] - y[1]).map(([n]) => n);
      if (others.length) choices.push([m, others]);
    }
    const most = Math.max(0, ...choices.map(([, o]) => o.length));
    const offers = [], seen = new Set([str(key)]);
    for (let level = 0; level < most; level++) {
      const offer = replacing(text, norm, places, choices.map(([m, o]) => [m, o[Math.min(level, o.length - 1)]]));
      if (offer === null || seen.has(str(exactKey(offer)))) continue;
      seen.add(str(exactKey(offer)));
      offers.push(offer);
    }
    return offers;
  }

  /** QueryNames.split: the query split apart at the names found in it, each name as its
   * group's first name, the words between as typed (splitTerms' words of two characters or
   * more, not hiragana alone): 取り組み状況 → 取組 状況; null unless a word is left besides the
   * names, and two in all. */
  function splitAtNames(text, norm, places, found, { groups }) {
    const typed = Array.from(text, (c) => c.codePointAt(0));
    const out = [];
    let rest = 0;
    const between = (from, to) => {
      if (from >= to) return;
      for (const { words } of splitTerms(str(typed.slice(norm.start[places[from]], norm.end[places[to - 1]])))) {
        for (const w of words) {
          if (normaliseWithMap(w).scalars.length < 2 || Array.from(w).every((c) => isHiragana(c.codePointAt(0)))) continue;
          out.push(w);
          rest++;
        }
      }
    };
    let at = 0;
    for (const m of [...found].sort((a, b) => a.start - b.start)) {
      between(at, m.start);
      out.push(groups[m.group][0]);
      at = m.end;
    }
    between(at, places.length);
    return rest > 0 && out.length > 1 ? out.join(" ") : null;
  }

  /** The offers of the names inside `text` (a `vocabulary`), best first, before any is checked:
   * the query with readings replaced (こそだて支援 → 子育て支援), the names found together in the
   * order typed (マイナンバーカード 申請), each name found, longest first; none twice, nor the
   * query itself. */
  function queryNameOffers(text, words) {
    const { norm, key, places } = queryKey(text);
    const names = nameIndex(words);
    // A query that is a name was searched with all its group's names already.
    if (names.index.has(str(key))) return [];
    const found = namesInQuery(key, places, norm.scalars, names);
    if (!found.length) return [];
    const offers = [];
    const rewritten = rewriteQuery(text, norm, places, found, words);
    if (rewritten !== null) offers.push(rewritten);
    const split = splitAtNames(text, norm, places, found, words);
    if (split !== null) offers.push(split);
    const groups = [];
    for (const m of [...found].sort((a, b) => a.start - b.start)) if (!groups.includes(m.group)) groups.push(m.group);
    if (groups.length > 1) offers.push(groups.map((g) => words.groups[g][0]).join(" "));
    for (const m of found) offers.push(words.groups[m.group][0]);
    // The query itself is the same terms (手続き 方法 is not 手続き方法).
    const seen = new Set(), terms = termsKey(text);
    return offers.filter((o) => {
      if (seen.has(o)) return false;
      seen.add(o);
      return termsKey(o) !== terms;
    });
  }

  /** Readings.offers: a query of kana alone whose every term is made up wholly of names (with
   * particles between), one term of two names or more: the query with each name as its group's
   * first name (ちばけんみん → 千葉県民), the first names as words (千葉 県民), each alone
   * (without `alone`, only the two forms holding every name, which `respond` searches). */
  function readingOffers(text, words, alone = true) {
    const { norm, key, places } = queryKey(text);
    if (!key.length || !key.every(isHiragana)) return [];
    const names = nameIndex(words);
    if (names.index.has(str(key))) return [];
    const found = [];
    let split = false, start = 0;
    for (let end = 1; end <= key.length; end++) {
      if (end < key.length && places[end] === places[end - 1] + 1) continue;
      const term = cover(key, start, end, names);
      if (!term) return [];
      split = split || term.length > 1;
      found.push(...term);
      start = end;
    }
    if (!split) return [];
    const first = (m) => words.groups[m.group][0];
    // Each name alone too, longest first: no typo of a query made of names is offered.
    const single = alone ? [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start).map(first) : [];
    const offers = [replacing(text, norm, places, found.map((m) => [m, first(m)])), found.map(first).join(" "), ...single];
    const seen = new Set([termsKey(text)]);
    return offers.filter((o) => o !== null && !seen.has(termsKey(o)) && seen.add(termsKey(o)));
  }

  /** Readings.cover: the names making up key[from..to] wholly, particles only between two
   * names; the fewest names, then particles, the longest name first from the left; null when
   * there is no such cover. */
  function cover(key, from, to, { index, lengths }) {
    const n = to - from;
    const cost = new Array(n + 1).fill(null), step = new Array(n + 1).fill(null);
    cost[n] = [0, 0];
    for (let j = to - 1; j >= from; j--) {
      let best = null;
      const consider = (end, group) => {
        const rest = cost[end - from];
        if (!rest) return;
        const c = group === null ? [rest[0], rest[1] + 1] : [rest[0] + 1, rest[1]];
        if (!best || (c[0] - best[0] || c[1] - best[1]) < 0) { best = c; step[j - from] = [end, group]; }
      };
      for (const l of [...lengths].reverse()) {
        const g = j + l <= to ? index.get(str(key.slice(j, j + l))) : undefined;
        if (g !== undefined) consider(j + l, g);
      }
      // A particle is neither first nor last: it stands between two names.
      for (const p of particleKeys) if (j > from && j + p.length < to && p.every((v, k) => key[j + k] === v)) consider(j + p.length, null);
      cost[j - from] = best;
    }
    if (!cost[0]) return null;
    const out = [];
    for (let at = from; at < to;) {
      const [end, group] = step[at - from];
      if (group !== null) out.push({ start: at, end, group });
      at = end;
    }
    return out;
  }

  // Each engine's words.json, read once (a vocabulary).
  const vocabularies = new WeakMap();

  function vocabularyOf(engine) {
    if (!vocabularies.has(engine)) {
      vocabularies.set(engine, engine.load("words.json")
        .then((t) => vocabulary(t ? JSON.parse(t) : []), () => vocabulary([])));
    }
    return vocabularies.get(engine);
  }

  /**
   * 「もしかして」 for a search with `engine` (search.js's Engine) that found nothing (with
   * `kinds`), as SearchEngine.suggestions: its romaji in kana (`romajiQuery`), else up to
   * SUGGESTIONS of the typos' offers
   * (`suggestFrom`) that find something, or when none does, of the names found inside the
   * query (`queryNameOffers`). An offer that would find nothing again is not shown.
   */
  async function suggest(engine, text, kinds = null) {
    return (await offersFor(engine, text, kinds)).offers;
  }

  /** suggest's offers and `meant`: whether the first is the whole query read as romaji
   * (bousai 避難 → 防災 避難), which `respond` puts first (SearchEngine.offers). */
  async function offersFor(engine, text, kinds) {
    const romaji = await romajiQuery(engine, text, kinds);
    if (!romaji) return { offers: await typosOrNames(engine, text, kinds), meant: false };
    if (await finds(engine, romaji.named, kinds)) return { offers: [romaji.named], meant: true };
    return { offers: await typosOrNames(engine, romaji.kana, kinds), meant: false };
  }

  /** SearchEngine.typosOrNames: the pages' spellings (行政手続き → 行政手続) that find something,
   * else the typos' offers, else the names the query reads as (坊災 → 防災), else the names
   * inside the query. */
  async function typosOrNames(engine, text, kinds) {
    const words = await vocabularyOf(engine);
    // Offers checked and found wanting are not checked again by a later step.
    const failed = new Set();
    // A query of readings made up wholly of the site's names is what was typed: its names,
    // not the typos it is near by chance.
    const readings = readingOffers(text, words);
    if (readings.length) return finding(engine, readings, kinds, failed);
    const spelt = await finding(engine, [...spellingOffers(text, words), ...latinOffers(text, words)], kinds, failed);
    if (spelt.length) return spelt;
    const typos = await finding(engine, suggestFrom(text, words), kinds, failed);
    if (typos.length) return typos;
    // A word converted to the wrong kanji (坊災): the names it reads as.
    const homophones = await finding(engine, await homophoneOffers(engine, text, words), kinds, failed);
    return homophones.length ? homophones : finding(engine, queryNameOffers(text, words), kinds, failed);
  }

  // Each engine's kanji.json, read once: each kanji with its readings.
  const kanjiReadings = new WeakMap();

  /** Homophones.readings: kanji.json's readings by kanji (empty without the file). */
  function readingsOf(engine) {
    if (!kanjiReadings.has(engine)) {
      kanjiReadings.set(engine, engine.load("kanji.json").then((t) => {
        const readings = new Map();
        for (const [reading, kanji] of Object.entries(t ? JSON.parse(t) : {})) {
          const key = Array.from(reading, (c) => c.codePointAt(0));
          for (const k of kanji) {
            const v = k.codePointAt(0);
            if (!readings.has(v)) readings.set(v, []);
            readings.get(v).push(key);
          }
        }
        return readings;
      }, () => new Map()));
    }
    return kanjiReadings.get(engine);
  }

  /** Homophones.offers: the first names of the groups the query reads as (a name sharing a
   * kanji with it, whose reading the query's characters spell: 坊災 → 防災, ぼう災 → 防災), in
   * group order; failing that, for several words, the query with each word that reads as a
   * name replaced by the first (坊災 避難 → 防災 避難). None for a query that is a name, is
   * shorter than two characters or has no kanji. kanji.json is fetched only when a word may be
   * one. */
  async function homophoneOffers(engine, text, words) {
    // kanji.json is read only when the query, or one of its several words, may be one.
    const typed = wordsOf(text);
    if (!mayReadAs(text, words) && !(typed.length > 1 && typed.some((w) => mayReadAs(w, words)))) return [];
    const readings = await readingsOf(engine);
    return wholeOrEachWord(text, (t) => (mayReadAs(t, words) ? homophoneNames(queryKey(t).key, words, readings) : []));
  }

  /** Whether `text` may read as a name: two characters or more, with kanji, and no name. */
  function mayReadAs(text, { keys }) {
    const { key: q } = queryKey(text);
    return q.length >= 2 && q.some(isKanji) && !keys.some((names) => names.some((n) => sameArray(n, q)));
  }

  /** Homophones.names: the first names of the groups the key `q` reads as. */
  function homophoneNames(q, { groups, keys }, readings) {
    const isReading = (key) => key.length > 0 && key.every(isHiragana);
    const reads = (reading) => {
      const from = (i, at) => {
        if (i === q.length) return at === reading.length;
        const c = q[i];
        if (isKanji(c)) {
          return (readings.get(c) || []).some((r) => at + r.length <= reading.length &&
            r.every((v, j) => reading[at + j] === v) && from(i + 1, at + r.length));
        }
        return at < reading.length && reading[at] === c && from(i + 1, at + 1);
      };
      return from(0, 0);
    };
    const offers = [];
    keys.forEach((names, g) => {
      const alike = names.some((n) => n.some((v) => isKanji(v) && q.includes(v)));
      if (alike && names.some((n) => isReading(n) && reads(n))) offers.push(groups[g][0]);
    });
    return offers;
  }

  /** LatinCompound.offers: the query with a word of Latin letters only (4 or more, no name)
   * written with a hyphen after its first letter (etax → e-tax), one offer per word. */
  function latinOffers(text, words) {
    const typed = wordsOf(text);
    const { index } = nameIndex(words);
    const offers = [];
    typed.forEach((w, i) => {
      const key = exactKey(w);
      if (key.length < 4 || !key.every((v) => v >= 0x61 && v <= 0x7a) || Array.from(w).length !== key.length || index.has(str(key))) return;
      const chars = Array.from(w);
      offers.push(typed.map((x, j) => (j === i ? chars[0] + "-" + chars.slice(1).join("") : x)).join(" "));
    });
    return offers;
  }

  /** Romaji.katakanaWords: the katakana words in the site's names (サービス), by key, the first
   * met winning; made once per vocabulary, and only for romaji that is no name. */
  function katakanaWords(words) {
    if (!katakanas.has(words)) {
      const found = new Map();
      for (const group of words.groups) {
        for (const name of group) {
          for (const run of name.match(/[\u30a1-\u30fa\u30fc]+/g) || []) {
            const key = exactKey(run);
            if (key.length >= SHORTEST_NAME && !found.has(str(key))) found.set(str(key), run);
          }
        }
      }
      katakanas.set(words, found);
    }
    return katakanas.get(words);
  }

  /** Romaji.swift's romajiQuery: the query's romaji words in hiragana (`kana`), and each
   * written as the site's name with its key (bousai → 防災) or a katakana word of its names
   * (sa-bisu → サービス) (`named`); null when no word converts. A Latin word that is a name
   * (AI) stays, as does one among others that finds something. */
  async function romajiQuery(engine, text, kinds) {
    const typed = wordsOf(text);
    // Most queries that find nothing hold no romaji: no names' index for them.
    if (!typed.some((w) => hiragana(w))) return null;
    const words = await vocabularyOf(engine);
    const { index } = nameIndex(words);
    const kana = await Promise.all(typed.map(async (w) => {
      const h = hiragana(w);
      return h && !index.has(str(exactKey(w))) && (typed.length === 1 || !(await finds(engine, w, kinds))) ? h : w;
    }));
    if (kana.every((w, i) => w === typed[i])) return null;
    const named = kana.map((w, i) => {
      if (w === typed[i]) return w;
      const key = str(exactKey(w));
      const g = index.get(key);
      return g !== undefined ? words.groups[g][0] : katakanaWords(words).get(key) ?? w;
    }).join(" ");
    return { named, kana: kana.join(" ") };
  }

  /** The first SUGGESTIONS of `offered` that find something, of the first CHECKED: searched
   * at once (each is a search of its own), kept in the order offered. */
  async function finding(engine, offered, kinds, failed = new Set()) {
    const fresh = offered.filter((o) => !failed.has(o)).slice(0, CHECKED);
    const found = await Promise.all(fresh.map(async (offer) => {
      const s = await engine.query(offer, kinds);
      return (await s.next(1)).length > 0;
    }));
    fresh.forEach((o, i) => { if (!found[i]) failed.add(o); });
    return fresh.filter((_, i) => found[i]).slice(0, SUGGESTIONS);
  }

  // -------------------------------------------------------------- words split apart
  // Mirrors Sources/Search/QuerySplit.swift and SearchAnswer.swift: a query typed as residents
  // say it (スマートフォン教室, 近くのスマホ教室) is split where the script changes, without its
  // particles and question words, and searched so when it found nothing.

  const PARTICLES = ["の", "に", "を", "は", "が", "で", "と", "へ", "から", "まで"];
  const ENDINGS = ["たい", "です", "ですか"];
  const QUESTIONS = ["いつ", "どこ", "近く"];
  const KANJI = 0, HIRAGANA = 1, KATAKANA = 2, LATIN = 3, DIGIT = 4;
  const particleKeys = PARTICLES.map((w) => normaliseWithMap(w).scalars);
  // QuerySplit.kanaEndKeys: the particles cut off kana before kanji, not と (ふるさと納税).
  const kanaEndKeys = PARTICLES.filter((w) => w !== "と").map((w) => normaliseWithMap(w).scalars);
  const strippedKeys = [...PARTICLES, ...ENDINGS, ...QUESTIONS].map((w) => normaliseWithMap(w).scalars);
  const SPLIT_TERMS = 8;
  const endsWith = (a, n, w) => n >= w.length && w.every((v, i) => a[n - w.length + i] === v);
  const longest = (ws) => ws.reduce((best, w) => (!best || w.length > best.length ? w : best), null);

  const isKatakana = (v) => (v >= 0x30a0 && v <= 0x30ff) || (v >= 0x31f0 && v <= 0x31ff) ||
    (v >= 0xff66 && v <= 0xff9f) || (v >= 0x3300 && v <= 0x3357);

  /** The script of normalised character i (null: a separator), told by the character typed. */
  function scriptOf(i, norm, typed) {
    const v = norm.scalars[i];
    const c = charClass(v);
    if (c === S) return null;
    if (c === W) return v >= 0x30 && v <= 0x39 ? DIGIT : LATIN;
    const origin = typed[norm.start[i]];
    if (origin === 0x30f5 || origin === 0x30f6) return KANJI;
    if (isKatakana(origin) || (v >= 0x30a0 && v <= 0x30ff)) return KATAKANA;
    return isHiragana(v) ? HIRAGANA : KANJI;
  }

  /** Characters left of `kana` (up to n) once `words` are taken off its end, longest first. */
  function stripped(kana, words) {
    let n = kana.length;
    while (n > 0) {
      const w = longest(words.filter((x) => endsWith(kana, n, x)));
      if (!w) break;
      n -= w.length;
    }
    return n;
  }

  /** A term's runs of one script; digits take the script of the run after them, else before. */
  function runsOf(from, to, scripts) {
    const raw = [];
    for (let i = from; i < to; i++) {
      const last = raw[raw.length - 1];
      if (last && last.script === scripts[i]) last.end = i + 1;
      else raw.push({ script: scripts[i], start: i, end: i + 1 });
    }
    const out = [];
    raw.forEach((run, k) => {
      let s = run.script;
      if (s === DIGIT) {
        const n = k + 1 < raw.length ? raw[k + 1].script : k > 0 ? raw[k - 1].script : LATIN;
        s = n === HIRAGANA ? KANJI : n;
      }
      const last = out[out.length - 1];
      if (last && last.script === s) last.end = run.end;
      else out.push({ script: s, start: run.start, end: run.end });
    });
    return out;
  }

  /** The words of a term in normalised places [start, end), as QuerySplit.pieces. */
  function piecesOf(from, to, scripts, norm) {
    const runs = runsOf(from, to, scripts);
    const out = [];
    let current = null;
    const close = () => { if (current && current[1] > current[0]) out.push(current); current = null; };
    runs.forEach((run, k) => {
      if (run.script !== KANJI && run.script !== HIRAGANA) {
        close();
        out.push([run.start, run.end]);
      } else if (run.script === KANJI) {
        current = [current ? current[0] : run.start, run.end];
      } else {
        const kana = norm.scalars.slice(run.start, run.end);
        const kept = stripped(kana, strippedKeys);
        const particle = longest(kanaEndKeys.filter((w) => endsWith(kana, kana.length, w)));
        if (k > 0 && runs[k - 1].script === KANJI) {
          if (kept === kana.length) { current = [current[0], run.end]; return; }
          current = [current[0], run.start + kept];
          close();
        } else if (kept === 0) {
          close();
        } else if (k + 1 < runs.length && particle && kana.length - particle.length >= 2) {
          close();
          out.push([run.start, run.end - particle.length]);
        } else {
          close();
          current = [run.start, run.end];
        }
      }
    });
    close();
    return out;
  }

  /** The characters typed for normalised places [from, to), with a long-vowel mark after them. */
  function typedText(from, to, norm, typed) {
    let end = norm.end[to - 1];
    while (end < typed.length && (typed[end] === 0x30fc || typed[end] === 0xff70)) end++;
    return str(typed.slice(norm.start[from], end));
  }

  /** QuerySplit.hyphenated: the term after [from, to) when one hyphen (- ‐) alone separates
   * them and both are Latin letters only (e-tax; not COVID-19), else null. */
  function hyphenated([from, to], scripts, norm) {
    const latin = (a, b) => scripts.slice(a, b).every((s) => s === LATIN);
    if (to + 1 >= scripts.length || ![0x2d, 0x2010].includes(norm.scalars[to]) || !latin(from, to) || scripts[to + 1] !== LATIN) return null;
    let end = to + 1;
    while (end < scripts.length && scripts[end] !== null) end++;
    return latin(to + 1, end) ? [to + 1, end] : null;
  }

  /** The query's terms as typed, each with its words as typed (QuerySplit.terms). */
  function splitTerms(text) {
    const typed = Array.from(text, (c) => c.codePointAt(0));
    const norm = normaliseWithMap(text);
    const scripts = norm.scalars.map((_, i) => scriptOf(i, norm, typed));
    const out = [];
    for (let i = 0; i < scripts.length;) {
      if (scripts[i] === null) { i++; continue; }
      let j = i + 1;
      while (j < scripts.length && scripts[j] !== null) j++;
      // Latin words joined by hyphens (e-tax, ｅ－Ｔａｘ): one term, its word the letters joined.
      const parts = [[i, j]];
      for (let next; (next = hyphenated(parts[parts.length - 1], scripts, norm));) parts.push(next);
      if (parts.length > 1) {
        const end = parts[parts.length - 1][1];
        out.push({ term: typedText(i, end, norm, typed), words: [parts.map(([a, b]) => typedText(a, b, norm, typed)).join("")] });
        i = end;
        continue;
      }
      const words = piecesOf(i, j, scripts, norm)
        .filter(([a, b]) => !strippedKeys.some((k) => sameArray(k, norm.scalars.slice(a, b))))
        .map(([a, b]) => typedText(a, b, norm, typed));
      out.push({ term: typedText(i, j, norm, typed), words });
      i = j;
    }
    return out;
  }

  /** QuerySplit.kanaApart: a word in kana (two or more, not ending in a particle) typed before
   * kanji (ごみ収集) as [kana, rest], else null. */
  function kanaApart(word) {
    const cps = Array.from(word, (c) => c.codePointAt(0));
    let n = 0;
    while (n < cps.length && isHiragana(cps[n])) n++;
    if (n < 2 || n >= cps.length || !isKanji(cps[n])) return null;
    if (kanaEndKeys.some((p) => endsWith(cps, n, p))) return null;
    return [str(cps.slice(0, n)), str(cps.slice(n))];
  }

  /** The query's terms as `splitTerms` gives them, but a word of romaji (konpyu-ta-, kon'ya)
   * is one term, its - a ー and its ' the end of an ん (SearchEngine.terms). */
  function answerTerms(text) {
    const typed = wordsOf(text);
    if (!typed.some((w) => hiragana(w))) return splitTerms(text);
    return typed.flatMap((w) => (hiragana(w) ? [{ term: w, words: [w] }] : splitTerms(w)));
  }

  /** The words, each reading or other name of a group written as its first name (ぼうさい →
   * 防災), as the names inside a query are offered. */
  async function firstNames(engine, list) {
    const words = await vocabularyOf(engine);
    const { index } = nameIndex(words);
    return list.map((w) => {
      const key = exactKey(w);
      const g = index.get(str(key));
      return g === undefined || sameArray(words.keys[g][0], key) ? w : words.groups[g][0];
    });
  }

  /** Whether `text` finds something, as an offer is checked (its first result). */
  async function finds(engine, text, kinds) {
    const s = await engine.query(text, kinds);
    return (await s.next(1)).length > 0;
  }

  /**
   * After a search of `text` that found nothing, as SearchEngine.answer: `searchedAs`, the
   * query's words split apart when that finds something (the page then searches it and says so),
   * else `suggestions`: the split words without those that find nothing alone, then
   * `suggest`'s offers, at most SUGGESTIONS; the whole query read as romaji first when it finds
   * something. The searches of each step run at once.
   */
  async function respond(engine, text, kinds = null) {
    const terms = answerTerms(text);
    const found = terms.length === 1 ? [false] : await Promise.all(terms.map((t) => finds(engine, t.term, kinds)));
    const known = new Map();
    let words = [];
    terms.forEach((t, i) => {
      known.set(t.term, found[i]);
      for (const w of found[i] && t.words.length ? [t.term] : t.words) if (!words.includes(w)) words.push(w);
    });
    words = words.slice(0, SPLIT_TERMS);
    const split = words.join(" ");
    const changed = words.length !== terms.length || words.some((w, i) => w !== terms[i].term);
    if (words.length && changed && await finds(engine, split, kinds)) return { searchedAs: split, suggestions: [] };
    // Readings run together, wholly the site's names (ぎょうせいてつづき): searched at once, as
    // one term or else as words (SearchEngine.answer).
    for (const named of readingOffers(text, await vocabularyOf(engine), false)) {
      if (await finds(engine, named, kinds)) return { searchedAs: named, suggestions: [] };
    }
    const alone = await Promise.all(words.map((w) => (known.has(w) ? known.get(w) : finds(engine, w, kinds))));
    // A lone letter (e of `e tax`) finds every word it starts: no offer of fewer words.
    const lone = (w) => { const k = exactKey(w); return k.length === 1 && charClass(k[0]) === W; };
    const names = await firstNames(engine, words.filter((w, i) => alone[i] && !lone(w)));
    const [fewer, { offers: offered, meant }] = await Promise.all([
      names.length && names.length < words.length ? finds(engine, names.join(" "), kinds) : false,
      offersFor(engine, text, kinds),
    ]);
    const offers = meant ? [...offered] : [];
    if (fewer && !offers.includes(names.join(" "))) offers.push(names.join(" "));
    for (const s of offered) if (!offers.includes(s)) offers.push(s);
    // Nothing else to offer: a word in kana before kanji (ごみ収集) gets its parts that find
    // something (ごみ), as SearchEngine.answer.
    if (!offers.length) {
      for (const part of words.flatMap((w) => kanaApart(w) || [])) {
        if (!offers.includes(part) && await finds(engine, part, kinds)) offers.push(part);
      }
    }
    return { searchedAs: null, suggestions: offers.slice(0, SUGGESTIONS) };
  }

  return { suggest, respond, splitTerms, vocabulary, suggestFrom, queryNameOffers, spellingOffers, readingOffers };
}

// ---------------------------------------------------------------- romaji
// Romaji.swift: Hepburn, kunrei and wāpuro spellings, made from rows as there.

const ROMAJI = (() => {
  const t = Object.create(null), Y = "ゃぃゅぇょ", X = "ぁぃぅぇぉ";
  const put = (p, f) => [..."aiueo"].forEach((v, i) => { const k = f(i); if (k) t[p + v] = k; });
  const rows = " あいうえお k かきくけこ g がぎぐげご s さしすせそ z ざじずぜぞ t たちつてと d だぢづでど n なにぬねの h はひふへほ b ばびぶべぼ p ぱぴぷぺぽ m まみむめも r らりるれろ y や・ゆ・よ w わ・う・を x ぁぃぅぇぉ xy ゃぃゅぇょ".split(" ");
  for (let r = 0; r < rows.length; r += 2) put(rows[r], (i) => rows[r + 1][i] !== "・" && rows[r + 1][i]);
  for (const c of "kgsztdnhbpmr") put(c + "y", (i) => t[c + "i"] + Y[i]);
  for (const [p, b] of [["sh", "し"], ["ch", "ち"], ["cy", "ち"], ["j", "じ"], ["jy", "じ"]]) put(p, (i) => (i === 1 ? b : b + Y[i]));
  for (const [p, b] of [["th", "て"], ["dh", "で"]]) put(p, (i) => b + Y[i]);
  for (const [p, b] of [["f", "ふ"], ["v", "ゔ"], ["ts", "つ"]]) put(p, (i) => (i === 2 ? b : b + X[i]));
  return Object.assign(t, { ye: "いぇ", wi: "うぃ", we: "うぇ", xtu: "っ", ltu: "っ", xtsu: "っ", ltsu: "っ", xwa: "ゎ" });
})();

/** `word` in hiragana when it is romaji that converts completely (sumaho → すまほ), else null
 * (xyz, dx, smart, one kana): n before a consonant, at the end or doubled is ん, n' too;
 * a doubled consonant (or tch) is っ; m before b, m, p is ん; - is ー. */
export function hiragana(word) {
  const w = word.normalize("NFKC").toLowerCase().replace(/\u2019/g, "'");
  if (!/^[a-z'-]*[a-z][a-z'-]*$/.test(w)) return null;
  const vowel = (i) => i < w.length && "aiueoy".includes(w[i]);
  let out = "";
  for (let i = 0; i < w.length;) {
    const c = w[i], next = w[i + 1] || "";
    if (c === "-") { out += "ー"; i++; continue; }
    if (c === "'") { if (!out.endsWith("ん")) return null; i++; continue; }
    if (c === "n" && !vowel(i + 1)) { out += "ん"; i += next === "n" && !vowel(i + 2) ? 2 : 1; continue; }
    if ((c === "m" && next && "bmp".includes(next)) ||
        ("bcdfghjkprstvz".includes(c) && (next === c || (c === "t" && next === "c")))) {
      out += c === "m" ? "ん" : "っ";
      i++;
      continue;
    }
    let n = Math.min(4, w.length - i);
    while (n && !(w.slice(i, i + n) in ROMAJI)) n--;
    if (!n) return null;
    out += ROMAJI[w.slice(i, i + n)];
    i += n;
  }
  return Array.from(out).length >= 2 ? out : null;
}

// ---------------------------------------------------------------- the page for missing addresses
// 404.html offers the pages whose address is nearest the one asked for (an address typed from
// a flyer, a link mistyped elsewhere), from search/pages.json: the documents' addresses in id
// order, so the title of entry n is in the head c/<n>.json.

/** An address as compared: decoded, NFKC, lower case, `index.html` and `.html` dropped, one
 * slash at the end. */
function pathKey(path) {
  let s = path;
  try { s = decodeURIComponent(s); } catch (e) { /* kept as written */ }
  s = s.normalize("NFKC").toLowerCase().replace(/\/{2,}/g, "/").replace(/(\/index)?\.html?$/, "");
  return s.endsWith("/") ? s : s + "/";
}

/** The last segment of an address key and the folder holding it: /events/a-b/ → ["a-b", "/events/"]. */
function lastSegment(key) {
  const parts = key.split("/").filter(Boolean);
  const last = parts.length ? parts[parts.length - 1] : "";
  return [last, "/" + parts.slice(0, -1).map((p) => p + "/").join("")];
}

/** Segments shorter than this are not looked for inside others (a, ai, dx are in many). */
const SHORTEST_SEGMENT = 4;

/** Up to `limit` entries of `urls` ({url, id}) for a missing `path`: the page itself when only
 * case, width or encoding differ; else the deepest page the address continues
 * (/initiatives/a/extra/ → /initiatives/a/), then those a few typos away (more for longer
 * addresses), nearest first; then an address cut short or remembered in part: the pages whose
 * address continues it (/events/senior-smartphone/ → /events/senior-smartphone-class/), or
 * whose last segment holds it or is held in it (/events/smartphone-class/), in the same folder
 * first, then the closest in length. */
export function nearPages(path, urls, limit = 3) {
  const want = pathKey(path);
  const wanted = Array.from(want, (c) => c.codePointAt(0));
  const bound = Math.max(2, Math.min(4, Math.floor(wanted.length / 8)));
  const [segment, folder] = lastSegment(want);
  const stem = want.slice(0, -1);
  let within = null;
  const near = [];
  const partial = [];
  for (let id = 0; id < urls.length; id++) {
    const url = urls[id];
    if (typeof url !== "string") continue;
    const key = pathKey(url);
    const page = { url, id };
    if (key === want) return [page];
    if (want.startsWith(key) && key.split("/").length > 3 &&
        (!within || key.length > pathKey(within.url).length)) within = page;
    const d = distance(wanted, Array.from(key, (c) => c.codePointAt(0)), bound);
    if (d <= bound) { near.push([d, page]); continue; }
    if (segment.length < SHORTEST_SEGMENT) continue;
    const [last, in_] = lastSegment(key);
    if (key.startsWith(stem) ||
        (last.length >= SHORTEST_SEGMENT && (last.includes(segment) || segment.includes(last)))) {
      partial.push([in_ === folder ? 0 : 1, Math.abs(key.length - want.length), page]);
    }
  }
  const byURL = (a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
  near.sort((x, y) => x[0] - y[0] || byURL(x[1], y[1]));
  partial.sort((x, y) => x[0] - y[0] || x[1] - y[1] || byURL(x[2], y[2]));
  const found = [...near.map(([, page]) => page), ...partial.map((p) => p[2])].filter((page) => page !== within);
  return (within ? [within, ...found] : found).slice(0, limit);
}

function setupNotFound() {
  const box = document.getElementById("nf-suggest");
  const list = box && box.querySelector("ul");
  if (!list || !box.dataset.pages || /\/404\.html$/.test(location.pathname)) return;
  const base = new URL(box.dataset.pages, document.baseURI);
  const json = (path) => fetch(new URL(path, base)).then((r) => (r.ok ? r.json() : null));
  // The lists the page links (取組, イベント, a domain…) are not search documents: offered too,
  // by the words of their links (/INITIATIVES/ or /evnts/ finds its list).
  // The search page is the form's (its link 検索 in the list, just after the form's button
  // 検索, was left out): offered by the name the footer gives it (/serch/ finds it).
  const lists = Array.from(document.querySelectorAll("a[data-nf-candidate], form[data-nf-candidate]"),
    (a) => a.tagName === "FORM"
      ? { url: new URL(a.getAttribute("action"), document.baseURI).pathname, title: a.dataset.nfCandidate }
      : { url: new URL(a.href, document.baseURI).pathname, title: a.textContent.trim() });
  json(base.href)
    .then((urls) => {
      const pages = Array.isArray(urls) ? urls : [];
      return Promise.all(nearPages(location.pathname, [...pages, ...lists.map((l) => l.url)])
        .map((page) => page.id >= pages.length
          ? { ...page, head: { t: lists[page.id - pages.length].title } }
          : json(`c/${page.id}.json`).catch(() => null).then((head) => ({ ...page, head }))));
    })
    .then((near) => {
      for (const { url, head } of near) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = url;
        a.textContent = (head && head.t) || url;
        li.append(a);
        list.append(li);
      }
      box.hidden = near.length === 0;
    })
    .catch(() => { /* the other ways to find the page are on it */ });
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setupNotFound);
  else setupNotFound();
}
