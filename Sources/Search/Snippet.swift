/// Snippets: a window of about 120 characters around the first match, cut only between units,
/// white space collapsed; a match the window cuts is completed when it ends within 20 more.
enum Snippet {
  static func isSpace(_ v: UInt32) -> Bool {
    v == 0x20 || v == 0x0A || v == 0x0D || v == 0x09 || v == 0x3000
  }

  /// Kana, kanji, full-width letters and digits, the long-vowel mark and 々: the words of a
  /// Japanese block, after and before which a line break parts blocks with 。 in a snippet
  /// (a heading, list items and a paragraph had run together with spaces: 「申し込み
  /// 申し込みは…」).
  static func isJapaneseWord(_ v: UInt32) -> Bool {
    (0x3041...0x309F).contains(v) || ((0x30A0...0x30FF).contains(v) && v != 0x30FB)
      || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFF10...0xFF19).contains(v)
      || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v) || v == 0x3005
  }

  /// A block that ends with a word or a closing bracket (」』）】) takes 。 after it.
  static func endsWords(_ v: UInt32) -> Bool {
    isJapaneseWord(v) || v == 0x300D || v == 0x300F || v == 0xFF09 || v == 0x3011
  }

  /// A block that starts with a word or an opening bracket (「『（【).
  static func startsWords(_ v: UInt32) -> Bool {
    isJapaneseWord(v) || v == 0x300C || v == 0x300E || v == 0xFF08 || v == 0x3010
  }

  /// The snippet of `original` (normalised as `text`) for `plans`, and its highlights. With
  /// `furigana`, `original` is a head's keywords, starting with those texts' readings
  /// (`SearchFurigana.keywordsText`), and the snippet shows them as written, each line once
  /// (`asWritten`).
  ///
  /// With `page`, `original` is the keywords, and when what matched there is neither the
  /// title nor the summary (a tag, the department, an event's place or day), the snippet is
  /// the summary followed by the keywords that matched (`afterSummary`).
  static func make(
    _ original: String, _ text: NormalizedText, plans: [TermPlan],
    furigana: [SearchFurigana]? = nil, page: (title: String, summary: String)? = nil
  ) -> (String, [[Int]]) {
    var o = original.unicodeScalars.map(\.value)
    var matches: [Range<Int>] = []
    for p in plans {
      for r in Matcher.occurrences(p, in: text.scalars) {
        var end = Int(text.originEnd[r.upperBound - 1])
        // A long-vowel mark right after the match belongs to the word (マイナンバー).
        while end < o.count && (o[end] == 0x30FC || o[end] == 0xFF70) { end += 1 }
        matches.append(Int(text.originStart[r.lowerBound])..<end)
      }
    }
    if let furigana { (o, matches) = asWritten(o, matches, furigana) }
    if let page, let shown = afterSummary(page, o, matches) { return shown }
    matches.sort {
      $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound > $1.upperBound
    }
    let anchor = matches.first?.lowerBound ?? 0
    var start = max(0, anchor - snippetBefore)
    var end = min(o.count, start + snippetLength)
    if end - start < snippetLength { start = max(0, end - snippetLength) }
    for m in matches where m.lowerBound < end && m.upperBound > end && m.upperBound <= end + 20 {
      end = m.upperBound
    }
    while start > 0 && Normalizer.isJoiner(o[start]) { start -= 1 }
    while end < o.count && Normalizer.isJoiner(o[end]) { end += 1 }
    // Leading and trailing space dropped, runs of space collapsed; position[k] is where
    // original scalar start+k lands in the output.
    while start < end && isSpace(o[start]) { start += 1 }
    var trimmedEnd = end
    while trimmedEnd > start && isSpace(o[trimmedEnd - 1]) { trimmedEnd -= 1 }
    var out: [UInt32] = []
    if start > 0 { out.append(0x2026) }
    var position = [Int](repeating: 0, count: trimmedEnd - start + 1)
    // A page's text is blocks (headings, list items, paragraphs); keywords are words, one a
    // line, which 。 would make sentences of.
    let blocks = furigana == nil && page == nil
    var k = start
    while k < trimmedEnd {
      position[k - start] = out.count
      let v = o[k]
      guard isSpace(v) else {
        out.append(v)
        k += 1
        continue
      }
      // A run of space: one space, or 。 where it parts two blocks of Japanese words; the
      // run's later characters land after it.
      var next = k
      var parts = false
      while next < trimmedEnd && isSpace(o[next]) {
        if o[next] == 0x0A { parts = true }
        next += 1
      }
      let between =
        blocks && parts && out.last.map(endsWords) == true && startsWords(o[next])
      out.append(between ? 0x3002 : 0x20)
      for later in (k + 1)..<next { position[later - start] = out.count }
      k = next
    }
    position[trimmedEnd - start] = out.count
    if end < o.count { out.append(0x2026) }
    var highlights: [[Int]] = []
    for m in matches {
      let a = max(m.lowerBound, start)
      let b = min(m.upperBound, trimmedEnd)
      guard a < b else { continue }
      addJoined(&highlights, position[a - start], position[b - start])
    }
    return (SearchText.string(out), highlights)
  }

  /// Adds `[s, e]` to `highlights`, in order, joined to the last where they touch (as
  /// `addJoined` in search.js).
  static func addJoined(_ highlights: inout [[Int]], _ s: Int, _ e: Int) {
    if let last = highlights.last, s <= last[1] {
      highlights[highlights.count - 1][1] = max(last[1], e)
    } else {
      highlights.append([s, e])
    }
  }

  /// Put before the keywords a snippet shows after the summary.
  static let keywordsLabel = "キーワード：".unicodeScalars.map(\.value)

  /// The summary, cut to leave room, then 「キーワード：」 and the lines of the keywords `o`
  /// that hold a match, each once, joined by 「、」: a page found by a tag reads 「障害のある
  /// 人や高齢の人…支えます。 キーワード：**高齢者**」, not 「**高齢者** 健康福祉部」, a list of
  /// keywords that says nothing of the page. Nil when a line that matched is the title or
  /// the summary as written (their readings, with furigana, and a tag the same as the title):
  /// the keywords' window shows them, the title and summary first, as before. As
  /// `afterSummary` in search.js.
  static func afterSummary(
    _ page: (title: String, summary: String), _ o: [UInt32], _ matches: [Range<Int>]
  ) -> (String, [[Int]])? {
    let summary = page.summary.unicodeScalars.map(\.value)
    var lines: [Range<Int>] = []
    var from = 0
    for (i, v) in o.enumerated() where v == 0x0A {
      lines.append(from..<i)
      from = i + 1
    }
    lines.append(from..<o.count)
    let texts = [withoutReadings(page.title.unicodeScalars.map(\.value)), withoutReadings(summary)]
    func touches(_ m: Range<Int>, _ line: Range<Int>) -> Bool {
      m.lowerBound < line.upperBound && line.lowerBound < m.upperBound
    }
    var tail = keywordsLabel
    var placed: [Range<Int>] = []
    var shown: Set<[UInt32]> = []
    for line in lines where matches.contains(where: { touches($0, line) }) {
      let words = Array(o[line])
      if texts.contains(withoutReadings(words)) { return nil }
      guard shown.insert(words).inserted else { continue }
      if shown.count > 1 { tail.append(0x3001) }
      let base = tail.count - line.lowerBound
      tail += words
      for m in matches where touches(m, line) {
        placed.append(
          (base + max(m.lowerBound, line.lowerBound))..<(base + min(m.upperBound, line.upperBound)))
      }
    }
    // The summary's white space collapsed, and cut between units where the whole would pass
    // the snippet's length.
    var head: [UInt32] = []
    for v in summary {
      if isSpace(v) {
        if head.isEmpty || head.last == 0x20 { continue }
        head.append(0x20)
      } else {
        head.append(v)
      }
    }
    while head.last == 0x20 { head.removeLast() }
    guard !head.isEmpty, !shown.isEmpty else { return nil }
    let room = max(20, snippetLength - tail.count - 1)
    if head.count > room {
      var cut = room - 1
      while cut > 0 && Normalizer.isJoiner(head[cut]) { cut -= 1 }
      head = Array(head[..<cut]) + [0x2026]
    }
    let shift = head.count + 1
    var highlights: [[Int]] = []
    for m in placed.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      addJoined(&highlights, m.lowerBound + shift, m.upperBound + shift)
    }
    return (SearchText.string(head + [0x20] + tail), highlights)
  }

  /// `text` without each run from a full-width `（` to the next `）`: a line of the keywords
  /// as written, with the readings that matched in brackets, compares so with the title or
  /// summary.
  static func withoutReadings(_ text: [UInt32]) -> [UInt32] {
    var out: [UInt32] = []
    var i = 0
    while i < text.count {
      if text[i] == 0xFF08, let close = text[(i + 1)...].firstIndex(of: 0xFF09) {
        i = close + 1
      } else {
        out.append(text[i])
        i += 1
      }
    }
    return out
  }

  /// The keywords `o`, which start with the texts with furigana `furigana` as read
  /// (`SearchFurigana.keywordsText`), with those texts as written: a group whose reading a
  /// match touches shows it in brackets after its word, as the page reads without ruby
  /// (有害鳥獣（ちょうじゅう）対策); the others show their word alone. Each text is shown once: a
  /// line equal as written to an earlier one (an event's place, a keyword as read and as
  /// written; a tag as the title) is left out, its matches moved there. The matches move with
  /// the characters typed, the reading's inside the brackets. As `asWritten` in search.js.
  static func asWritten(
    _ o: [UInt32], _ matches: [Range<Int>], _ furigana: [SearchFurigana]
  ) -> ([UInt32], [Range<Int>]) {
    var out: [UInt32] = []
    // Where each character of `o` went (a reading left out: nowhere, as no match touches it);
    // `k` stays within `o`, even for keywords that do not start with the readings.
    var at = [Int](repeating: 0, count: o.count)
    var k = 0
    func copy(_ n: Int) {
      for _ in 0..<max(0, min(n, o.count - k)) {
        at[k] = out.count
        out.append(o[k])
        k += 1
      }
    }
    // A line left out: its characters go where those of the line it repeats went.
    func again(_ places: [Int], from: Int) {
      for (i, p) in places.enumerated() where from + i < o.count { at[from + i] = p }
      k = min(o.count, from + places.count)
    }
    // The lines shown: texts with furigana as read, and texts as written (keywords and those
    // texts without their readings), with where their characters went. A text as an earlier
    // one (the summary as the title) has the same matches, as its reading is the same.
    var texts: [SearchFurigana: [Int]] = [:]
    var seen: [[UInt32]: [Int]] = [:]
    for (n, text) in furigana.enumerated() {
      let from = k + (n > 0 ? 1 : 0)
      if let places = texts[text] {
        again(places, from: from)
        continue
      }
      copy(n > 0 ? 1 : 0)  // the line break before it
      var (plain, places): ([UInt32], [Int]) = ([], [])
      for piece in text.pieces {
        let g = k
        switch piece {
        case .text(let t):
          copy(t.unicodeScalars.count)
          places += at[g..<k]
          plain += t.unicodeScalars.map(\.value)
        case .ruby(let base, let reading):
          let end = k + reading.unicodeScalars.count
          for c in base.unicodeScalars {
            places.append(out.count)
            out.append(c.value)
          }
          plain += base.unicodeScalars.map(\.value)
          if matches.contains(where: { $0.lowerBound < end && g < $0.upperBound }) {
            out.append(0xFF08)
            copy(end - g)
            out.append(0xFF09)
          } else {
            k = min(end, o.count)
          }
        }
      }
      texts[text] = Array(at[min(from, k)..<k])
      if seen[plain] == nil { seen[plain] = places }
    }
    // The other keywords, one a line, but for those shown already (an event's place, as read
    // and as written; a tag as the title).
    let rest = o[min(k, o.count)...].split(separator: 0x0A, omittingEmptySubsequences: false)
    for (i, line) in rest.enumerated() {
      let from = k + (i > 0 ? 1 : 0)
      if let places = seen[Array(line)] {
        again(places, from: from)
      } else {
        copy(from - k + line.count)
        seen[Array(line)] = Array(at[min(from, k)..<k])
      }
    }
    var moved: [Range<Int>] = []
    for m in matches {
      let from = moved.count
      for i in m where i < o.count {
        if moved.count > from, moved[moved.count - 1].upperBound == at[i] {
          moved[moved.count - 1] = moved[moved.count - 1].lowerBound..<(at[i] + 1)
        } else {
          moved.append(at[i]..<(at[i] + 1))
        }
      }
    }
    return (out, moved)
  }
}
