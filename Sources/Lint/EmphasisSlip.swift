/// Why `**` (or `~~`) written around `inner`, between the characters `before` and `after`, made
/// no bold (no strikethrough), and the span to write instead. CommonMark opens `**` only where it is left-flanking (a word
/// follows it, or a punctuation mark follows and a space or a punctuation mark is before it)
/// and closes it only where it is right-flanking (the mirror); Japanese puts letters right
/// against brackets, so `の**「重要」**です` fails on both sides. Punctuation is cmark-gfm's: ASCII
/// punctuation and Unicode's P categories (「」（）。、※〜・…; not ー, not ￥).
struct EmphasisSlip {
  /// Bold or strikethrough: their marks, and their names in messages.
  struct Kind: Sendable {
    var marks: String
    var english: String
    var japanese: String
    static let bold = Kind(marks: "**", english: "bold", japanese: "太字")
    static let strikethrough = Kind(marks: "~~", english: "strikethrough", japanese: "取り消し線")
  }

  /// Why the bold failed, in a writer's words.
  struct Reason {
    var english: String
    var japanese: String
    /// A furigana brace `{` `}` is one of the characters named.
    var nearBrace: Bool
  }

  var reason: Reason?
  /// `「**重要**」`, `[**戦略**](…)`, `**100**%`; nil where no rewrite of the span is sure to work.
  var rewrite: String?

  init(before: Character?, inner: [Character], after: Character?, kind: Kind = .bold) {
    let opens = Self.leftFlanking(before, inner.first)
    let closes = Self.rightFlanking(inner.last, after)
    var english: [String] = []
    var japanese: [String] = []
    var braces = false
    if !opens, let first = inner.first {
      if first.isWhitespace {
        english.append("start before a space")
        japanese.append("空白の前では\(kind.japanese)を始められません")
      } else if let before {
        english.append("start between `\(before)` and `\(first)`")
        japanese.append("`\(before)` と `\(first)` の間では\(kind.japanese)を始められません")
        braces = braces || first == "{"
      }
    }
    if !closes, let last = inner.last {
      if last.isWhitespace {
        english.append("end after a space")
        japanese.append("空白の後では\(kind.japanese)を終えられません")
      } else if let after {
        english.append("end between `\(last)` and `\(after)`")
        japanese.append("`\(last)` と `\(after)` の間では\(kind.japanese)を終えられません")
        braces = braces || last == "}"
      }
    }
    if !english.isEmpty {
      reason = Reason(
        english: "\(kind.english) cannot " + english.joined(separator: " nor "),
        japanese: japanese.joined(separator: "。"), nearBrace: braces)
    }
    rewrite =
      opens && closes
      ? nil
      : Self.rewrite(
        inner, before: before, after: after, opens: opens, closes: closes, marks: kind.marks)
  }

  /// The span written so that both marks work: a link's words bolded inside it, brackets or
  /// punctuation at a failing side moved outside, spaces inside taken out.
  static func rewrite(
    _ inner: [Character], before: Character?, after: Character?, opens: Bool, closes: Bool,
    marks: String = "**"
  ) -> String? {
    if let link = linkRewrite(inner, marks: marks) { return link }
    var core = inner[...]
    var lead = ""
    var trail = ""
    if core.count > 2, let first = core.first, let close = closing[first],
      matchingClose(of: core) == core.count - 1, core.last == close
    {
      // 「重要」 whole: both brackets out, so they stay a pair.
      lead = String(first)
      trail = String(close)
      core = core.dropFirst().dropLast()
    } else {
      if !opens {
        while let c = core.first, c.isWhitespace { core = core.dropFirst() }
        while let c = core.first, isPunctuation(c), c != "[", c != "{" {
          lead.append(c)
          core = core.dropFirst()
        }
      }
      if !closes {
        while let c = core.last, c.isWhitespace { core = core.dropLast() }
        if let last = core.last, let open = opening(of: core), open > core.startIndex,
          closing[core[open]] == last
        {
          // 戦略（案）: the bracketed part goes out whole.
          trail = String(core[open...])
          core = core[..<open]
        }
        while let c = core.last, isPunctuation(c), c != "]", c != "}" {
          trail.insert(c, at: trail.startIndex)
          core = core.dropLast()
        }
      }
    }
    guard !core.isEmpty,
      leftFlanking(lead.last ?? before, core.first),
      rightFlanking(core.last, trail.first ?? after)
    else { return nil }
    return lead + marks + String(core) + marks + trail
  }

  /// `[words](address)` → `[**words**](address)`.
  static func linkRewrite(_ inner: [Character], marks: String) -> String? {
    guard inner.first == "[", inner.last == ")",
      let middle = inner.firstIndex(of: "]"), middle + 1 < inner.count, inner[middle + 1] == "(",
      middle > 1, !inner[1..<middle].contains("["),
      !inner[1..<middle].contains(where: { marks.contains($0) })
    else { return nil }
    return "[" + marks + String(inner[1..<middle]) + marks + String(inner[middle...])
  }

  /// Opening brackets and their closing ones.
  static let closing: [Character: Character] = [
    "「": "」", "『": "』", "（": "）", "(": ")", "［": "］", "【": "】", "〔": "〕", "〈": "〉",
    "《": "》", "“": "”", "‘": "’", "\"": "\"",
  ]

  /// The offset in `text` of the bracket that closes its first character, by depth.
  static func matchingClose(of text: ArraySlice<Character>) -> Int? {
    guard let first = text.first, let close = closing[first] else { return nil }
    if close == first {
      return text.dropFirst().firstIndex(of: close).map { $0 - text.startIndex }
    }
    var depth = 0
    for (k, c) in text.enumerated() {
      if c == first {
        depth += 1
      } else if c == close {
        depth -= 1
        if depth == 0 { return k }
      }
    }
    return nil
  }

  /// The index of the bracket that opens the one `text` ends with.
  static func opening(of text: ArraySlice<Character>) -> ArraySlice<Character>.Index? {
    guard let last = text.last, let open = closing.first(where: { $0.value == last })?.key,
      open != last
    else { return nil }
    var depth = 0
    for k in text.indices.reversed() {
      if text[k] == last {
        depth += 1
      } else if text[k] == open {
        depth -= 1
        if depth == 0 { return k }
      }
    }
    return nil
  }

  /// Whether `**` between `before` and `next` opens bold (nil: the line's start or end).
  static func leftFlanking(_ before: Character?, _ next: Character?) -> Bool {
    guard let next, !next.isWhitespace else { return false }
    guard isPunctuation(next) else { return true }
    return before.map { $0.isWhitespace || isPunctuation($0) } ?? true
  }

  /// Whether `**` between `previous` and `after` closes bold.
  static func rightFlanking(_ previous: Character?, _ after: Character?) -> Bool {
    guard let previous, !previous.isWhitespace else { return false }
    guard isPunctuation(previous) else { return true }
    return after.map { $0.isWhitespace || isPunctuation($0) } ?? true
  }

  /// cmark-gfm's punctuation: ASCII punctuation, and the Unicode P categories.
  static func isPunctuation(_ c: Character) -> Bool {
    guard let scalar = c.unicodeScalars.first else { return false }
    if scalar.isASCII {
      let v = scalar.value
      return (0x21...0x2F).contains(v) || (0x3A...0x40).contains(v) || (0x5B...0x60).contains(v)
        || (0x7B...0x7E).contains(v)
    }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return true
    default: return false
    }
  }

  /// `text`, its middle left out when long, for quoting in a message.
  static func shorten(_ text: String) -> String {
    guard text.count > 30 else { return text }
    return String(text.prefix(14)) + "…" + String(text.suffix(14))
  }
}
