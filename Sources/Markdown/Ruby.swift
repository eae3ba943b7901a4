import CCmarkGFM

extension MarkdownDocument {
  /// Turns `{漢字|かんじ}` (or `{漢字｜かんじ}`, the bar the Japanese input gives) into
  /// `<ruby>漢字<rp>（</rp><rt>かんじ</rt><rp>）</rp></ruby>`, so writers can add furigana for
  /// readers with little kanji, and `{綺麗|き|れい}` into one `<ruby>` with a reading over each
  /// character (`rubyTags`). Code spans and code blocks are left alone.
  ///
  /// `**` right before and after a group (`県の**{戦略|せんりゃく}**です`) makes it bold. To
  /// CommonMark the braces are punctuation, so bold cannot start between の and `{` nor end
  /// between `}` and で, and the marks were shown as typed; the braces are this site's own
  /// markup, and bold around them is what the writer meant (`lint.markdown` agrees).
  public func applyRuby() {
    cmark_consolidate_text_nodes(root)
    for node in collect({ $0.type == CMARK_NODE_TEXT && $0.literalContains(0x7B) }) {
      var pieces = Self.splitRuby(node.literal)
      guard pieces.contains(where: { if case .ruby = $0 { true } else { false } }) else { continue }
      let bold = Self.boldRuns(&pieces)
      // Where pieces go: before the text node, or into a bold run's `strong`, before a
      // stand-in at its end.
      var anchor = node
      for (i, piece) in pieces.enumerated() {
        if bold.contains(where: { $0.lowerBound == i }) {
          let strong = cmark_node_new(CMARK_NODE_STRONG)!
          let end = makeText("")
          cmark_node_append_child(strong, end)
          if cmark_node_insert_before(node, strong) != 0 {
            anchor = end
          } else {
            cmark_node_free(strong)
          }
        }
        switch piece {
        case .text(let text):
          if !text.isEmpty { cmark_node_insert_before(anchor, makeText(text)) }
        case .ruby(let base, _):
          let tags = Self.rubyTags(at: i, in: pieces)
          wrap(base, enter: tags.enter, exit: tags.exit, before: anchor)
        }
        if anchor != node, bold.contains(where: { $0.upperBound == i + 1 }) {
          cmark_node_free(anchor)
          anchor = node
        }
      }
      cmark_node_free(node)
    }
  }

  /// The runs of ruby pieces side by side with exactly `**` before and after them, as ranges
  /// of `pieces`; their marks are taken out of the texts around them.
  static func boldRuns(_ pieces: inout [RubyPiece]) -> [Range<Int>] {
    func isRuby(_ i: Int) -> Bool {
      guard pieces.indices.contains(i), case .ruby = pieces[i] else { return false }
      return true
    }
    var runs: [Range<Int>] = []
    var start = 0
    while start < pieces.count {
      guard isRuby(start) else {
        start += 1
        continue
      }
      var end = start
      while isRuby(end) { end += 1 }
      if start > 0, case .text(let before) = pieces[start - 1], before.hasSuffix("**"),
        !before.dropLast(2).hasSuffix("*"), end < pieces.count,
        case .text(let after) = pieces[end], after.hasPrefix("**"),
        !after.dropFirst(2).hasPrefix("*")
      {
        pieces[start - 1] = .text(String(before.dropLast(2)))
        pieces[end] = .text(String(after.dropFirst(2)))
        runs.append(start..<end)
      }
      start = end + 1
    }
    return runs
  }

  /// The HTML before and after the base of the ruby piece at `index`: the reading, escaped,
  /// between the brackets that browsers without ruby show. Pieces side by side (a reading per
  /// character, `{綺麗|き|れい}`, or groups written next to each other) share one `<ruby>`, so
  /// each reading stays over its own character and a line may break between them. One
  /// spelling for bodies and front matter (`Furigana.html`), so the ふりがな toggle and the
  /// theme treat both alike.
  public static func rubyTags(at index: Int, in pieces: [RubyPiece]) -> (
    enter: String, exit: String
  ) {
    func isRuby(_ i: Int) -> Bool {
      guard pieces.indices.contains(i), case .ruby = pieces[i] else { return false }
      return true
    }
    guard case .ruby(_, let reading) = pieces[index] else { return ("", "") }
    let text = "<rp>（</rp><rt>\(escapeHTML(reading))</rt><rp>）</rp>"
    return (isRuby(index - 1) ? "" : "<ruby>", isRuby(index + 1) ? text : text + "</ruby>")
  }

  /// A piece of text written with furigana: plain text, or a base with its reading. A group
  /// with a reading per character is a piece per character: a base with a reading, or text
  /// for a character whose reading is left empty (`{お茶||ちゃ}`).
  public enum RubyPiece: Equatable, Hashable, Sendable {
    case text(String)
    case ruby(base: String, reading: String)
  }

  /// Splits text at `{base|reading}` groups (the bar half-width `|` or full-width `｜`) and
  /// `{base|reading|reading…}` with a reading per character of the base; anything that is not
  /// a complete group stays text. The body's furigana and the front
  /// matter's (`Furigana` in Content) are read by this one function, so both take the same, and
  /// lint reads the same groups (`RubyScanner`).
  ///
  /// Works on UTF-8 bytes (a Character walk was a large part of rendering bodies); the two
  /// agree unless a `{`, `|`, `}` or newline joins a neighbouring combining scalar into one
  /// Character, and such text takes the Character walk.
  public static func splitRuby(_ text: String) -> [RubyPiece] {
    let bytes = Array(text.utf8)
    guard isolatesSpecials(bytes) else { return splitRubyByCharacter(text) }
    let groups = RubyScanner.groups(
      count: bytes.count, { RubyScanner.mark(ofByteAt: $0, in: bytes) },
      characters: { String(decoding: bytes[$0], as: UTF8.self).count })
    return pieces(groups, count: bytes.count) { String(decoding: bytes[$0], as: UTF8.self) }
  }

  /// The reference rules, by Character.
  static func splitRubyByCharacter(_ text: String) -> [RubyPiece] {
    let characters = Array(text)
    let groups = RubyScanner.groups(count: characters.count) {
      RubyScanner.mark(of: characters[$0])
    }
    return pieces(groups, count: characters.count) { String(characters[$0]) }
  }

  /// The text of units `0..<count` as pieces: the runs between the groups, and the groups (a
  /// piece per character for a group with a reading per character).
  private static func pieces(
    _ groups: [RubyGroup], count: Int, _ string: (Range<Int>) -> String
  ) -> [RubyPiece] {
    var pieces: [RubyPiece] = []
    func text(_ t: String) {
      if case .text(let before)? = pieces.last {
        pieces[pieces.count - 1] = .text(before + t)
      } else {
        pieces.append(.text(t))
      }
    }
    var plainStart = 0
    for group in groups {
      if plainStart < group.open { text(string(plainStart..<group.open)) }
      if group.moreBars.isEmpty {
        pieces.append(.ruby(base: string(group.base), reading: string(group.reading)))
      } else {
        // The scanner counted a reading for each character.
        for (c, reading) in zip(string(group.base), group.readings.map(string)) {
          if reading.isEmpty {
            text(String(c))
          } else {
            pieces.append(.ruby(base: String(c), reading: reading))
          }
        }
      }
      plainStart = group.close + 1
    }
    if plainStart < count { text(string(plainStart..<count)) }
    return pieces
  }

  /// Whether every `{ | ｜ }` and newline is a Character of its own: no combining scalar after
  /// it and no prepended mark before it.
  static func isolatesSpecials(_ bytes: [UInt8]) -> Bool {
    for (i, b) in bytes.enumerated()
    where b == 0x7B || b == 0x7C || b == 0x7D || b == 0x0A || b == 0xEF {
      // `｜` is three bytes: what follows it starts after them; another EF is no special.
      let fullWidthBar =
        b == 0xEF && i + 2 < bytes.count && bytes[i + 1] == 0xBD && bytes[i + 2] == 0x9C
      if b == 0xEF && !fullWidthBar { continue }
      let after = i + (fullWidthBar ? 3 : 1)
      if after < bytes.count, bytes[after] >= 0x80 {
        var decoder = UTF8()
        var it = bytes[after...].makeIterator()
        if case .scalarValue(let next) = decoder.decode(&it), !isPlainCJK(next.value) {
          let p = next.properties
          if p.isGraphemeExtend || next.value == 0x200D || p.generalCategory == .spacingMark {
            return false
          }
        }
      }
      if i > 0, bytes[i - 1] >= 0x80 {
        var start = i - 1
        // The Prepend characters are all below U+1000 or above U+FFFF: a three-byte
        // character from E1 on (U+1000–U+FFFF: kana, kanji, full-width forms) is none.
        if i >= 3, bytes[i - 3] >= 0xE1, bytes[i - 3] <= 0xEF { continue }
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        if let prev = String(decoding: bytes[start..<i], as: UTF8.self).unicodeScalars.first,
          isPrepend(prev.value)
        {
          return false
        }
      }
    }
    return true
  }

  /// Hiragana and katakana letters and CJK ideographs: neither Grapheme_Extend nor
  /// SpacingMark, known without looking up the scalar's properties (which every `{` before a
  /// kanji did, a visible part of resolving bodies). The combining sound marks U+3099–309C and
  /// the half-width ones (U+FF9E, FF9F) are outside these ranges.
  @inline(__always)
  static func isPlainCJK(_ v: UInt32) -> Bool {
    (0x3041...0x3096).contains(v) || (0x30A1...0x30FA).contains(v) || (0x4E00...0x9FFF).contains(v)
  }

  /// Grapheme_Cluster_Break=Prepend (Unicode 15): joins the following scalar into its Character.
  static func isPrepend(_ v: UInt32) -> Bool {
    (0x0600...0x0605).contains(v) || v == 0x06DD || v == 0x070F || v == 0x0890 || v == 0x0891
      || v == 0x08E2 || v == 0x0D4E || v == 0x110BD || v == 0x110CD || v == 0x111C2 || v == 0x111C3
      || v == 0x1193F || v == 0x11941 || v == 0x11A3A || (0x11A84...0x11A89).contains(v)
      || v == 0x11D46 || v == 0x11F02
  }
}
