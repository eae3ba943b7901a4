import ByteFormats

/// A text of a page written with furigana (`有害{鳥獣|ちょうじゅう}対策`), in pieces as the build
/// read them (the Search module knows no Markdown). A resident who knows the word but not its
/// kanji finds the page by the reading, a keyword; a snippet taken from the keywords then shows
/// the text as written, with the reading that matched beside its word, not 有害ちょうじゅう対策.
public struct SearchFurigana: Sendable, Hashable {
  public enum Piece: Sendable, Hashable {
    case text(String)
    case ruby(base: String, reading: String)
  }

  public var pieces: [Piece]

  /// Groups side by side are one word to a snippet: `{綺麗|き|れい}` (a reading per character,
  /// which the build reads as a group per character) is shown 綺麗（きれい）, not 綺（き）麗（れい）,
  /// and the head's `f` keeps its one shape of a pair for a group.
  public init(_ pieces: [Piece]) {
    var joined: [Piece] = []
    for piece in pieces {
      if case .ruby(let base, let reading) = piece,
        case .ruby(let baseBefore, let readingBefore)? = joined.last
      {
        joined[joined.count - 1] = .ruby(base: baseBefore + base, reading: readingBefore + reading)
      } else {
        joined.append(piece)
      }
    }
    self.pieces = joined
  }

  /// The text as read, 有害ちょうじゅう対策: each base replaced by its reading.
  public var reading: String {
    pieces.reduce(into: "") { text, piece in
      switch piece {
      case .text(let t): text += t
      case .ruby(_, let reading): text += reading
      }
    }
  }

  /// A document's keywords text as indexed, searched and kept in its head (`w`): each text's
  /// reading, one a line, then its other keywords. The readings come first, so a snippet taken
  /// from the keywords shows the title as written first, and finds the texts (`f`) there.
  static func keywordsText(_ written: String, _ furigana: [SearchFurigana]) -> String {
    var lines = furigana.map(\.reading)
    if !written.isEmpty || lines.isEmpty { lines.append(written) }
    return lines.joined(separator: "\n")
  }

  /// The head's `f`: `[["有害",["鳥獣","ちょうじゅう"],"対策"],…]`, a string for a plain run and
  /// a pair for a group.
  static func write(_ furigana: [SearchFurigana], to w: inout JSONBytes) {
    w.raw("[")
    for (n, f) in furigana.enumerated() {
      w.raw(n == 0 ? "[" : ",[")
      for (k, piece) in f.pieces.enumerated() {
        if k > 0 { w.raw(",") }
        switch piece {
        case .text(let t): w.string(t)
        case .ruby(let base, let reading):
          w.raw("[")
          w.string(base)
          w.raw(",")
          w.string(reading)
          w.raw("]")
        }
      }
      w.raw("]")
    }
    w.raw("]")
  }

  /// Reads a head's `f` (`JSONSerialization`'s arrays); nil when it is not such a list.
  static func read(_ value: Any?) -> [SearchFurigana]? {
    guard let texts = value as? [[Any]] else { return nil }
    var out: [SearchFurigana] = []
    for text in texts {
      var pieces: [Piece] = []
      for piece in text {
        if let t = piece as? String {
          pieces.append(.text(t))
        } else if let pair = piece as? [String], pair.count == 2 {
          pieces.append(.ruby(base: pair[0], reading: pair[1]))
        } else {
          return nil
        }
      }
      out.append(SearchFurigana(pieces))
    }
    return out
  }
}
