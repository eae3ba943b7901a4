/// Where furigana groups `{漢字|かんじ}` (or `{漢字｜かんじ}`, the bar the Japanese input gives),
/// and groups with a reading per character (`{綺麗|き|れい}`), are written, read one way for all who read them: the body's ruby and the front matter's
/// (`MarkdownDocument.splitRuby`), and lint, which needs the same groups in characters for its
/// columns, and the groups a page shows as typed (`{漢字|}`, a `}` left out) to warn about.
///
/// The scanner walks units of text by offset: UTF-8 bytes (the full-width bar is then three
/// units), `Character`s or lint's characters. The caller says what the unit at an offset is
/// (`Mark`), and gets offsets in its own units back.
public enum RubyScanner {
  /// What a unit of text is to a furigana group.
  public enum Mark: Equatable, Sendable {
    case open
    case close
    /// `|` or `｜`, `width` units long.
    case bar(width: Int)
    case newline
    case other
  }

  /// What a `{` starts.
  public enum Match: Equatable, Sendable {
    /// A group the page shows as ruby.
    case group(RubyGroup)
    /// `{漢字|}`: no reading, so the page shows it as typed. `close` is the `}`.
    case emptyReading(bar: Int, close: Int)
    /// `{漢字|かんじ` with no `}` before the line's end or the next group's `{`.
    case unclosed(bar: Int)
    /// `{漢字|か|ん|じ}` or `{漢字||}`: readings between bars that are not one per character of
    /// the base (or all empty), so the page shows it as typed. `bar` is the first bar.
    case extraBar(bar: Int, close: Int)
  }

  /// What the `{` at `open` starts, in units `0..<count`: the first `{`, `}` or line end after
  /// it decides. A group needs a `}` there, a base and a reading around its first bar; with
  /// more bars, as many readings as the base has characters (`characters` counts those of a
  /// range of units: the units themselves unless they are bytes), not all of them empty. Nil
  /// for braces that are no group at all (`{取組}`, `{|よみ}`).
  @inlinable
  public static func match(
    at open: Int, count: Int, _ mark: (Int) -> Mark,
    characters: (Range<Int>) -> Int = { $0.count }
  ) -> Match? {
    var bars: [Range<Int>] = []
    var i = open + 1
    scan: while i < count {
      switch mark(i) {
      case .close:
        guard let bar = bars.first, bar.lowerBound > open + 1 else { return nil }
        if i == bar.upperBound { return .emptyReading(bar: bar.lowerBound, close: i) }
        let group = RubyGroup(
          open: open, bar: bar.lowerBound, barWidth: bar.count, close: i,
          moreBars: Array(bars.dropFirst()))
        guard bars.count > 1 else { return .group(group) }
        let readings = group.readings
        guard readings.count == characters(group.base), readings.contains(where: { !$0.isEmpty })
        else { return .extraBar(bar: bar.lowerBound, close: i) }
        return .group(group)
      case .open, .newline:
        break scan
      case .bar(let width):
        bars.append(i..<(i + width))
      case .other:
        break
      }
      i += 1
    }
    guard let bar = bars.first, bar.lowerBound > open + 1 else { return nil }
    return .unclosed(bar: bar.lowerBound)
  }

  /// Every group in units `0..<count`, in order; a `{` that starts none is text.
  @inlinable
  public static func groups(
    count: Int, _ mark: (Int) -> Mark, characters: (Range<Int>) -> Int = { $0.count }
  ) -> [RubyGroup] {
    var groups: [RubyGroup] = []
    var i = 0
    while i < count {
      if mark(i) == .open,
        case .group(let group)? = match(at: i, count: count, mark, characters: characters)
      {
        groups.append(group)
        i = group.close + 1
        continue
      }
      i += 1
    }
    return groups
  }

  /// The byte at `i` of UTF-8 text: `｜` (EF BD 9C) is a bar three bytes wide.
  @inlinable
  public static func mark(ofByteAt i: Int, in bytes: [UInt8]) -> Mark {
    switch bytes[i] {
    case 0x7B: .open
    case 0x7D: .close
    case 0x7C: .bar(width: 1)
    case 0x0A: .newline
    case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBD && bytes[i + 2] == 0x9C:
      .bar(width: 3)
    default: .other
    }
  }

  /// Whether `c` is a furigana bar, `|` or `｜`: for text read after the scanner has placed a
  /// group (its readings joined, or counted).
  @inlinable
  public static func isBar(_ c: Character) -> Bool {
    if case .bar = mark(of: c) { true } else { false }
  }

  /// A character (CR LF ends a line too).
  @inlinable
  public static func mark(of c: Character) -> Mark {
    switch c {
    case "{": .open
    case "}": .close
    case "|", "｜": .bar(width: 1)
    case "\n", "\r\n": .newline
    default: .other
    }
  }
}

/// A furigana group `{base|reading}`, or `{base|reading|reading…}` with a reading per character
/// of the base, as offsets in the scanned units.
public struct RubyGroup: Equatable, Hashable, Sendable {
  /// The `{`, the first bar and the `}`.
  public let open: Int
  public let bar: Int
  /// Units the bar takes: 1, or 3 for `｜` in UTF-8.
  public let barWidth: Int
  public let close: Int
  /// The bars after the first, in a group with a reading per character; none for one reading
  /// over the whole base.
  public let moreBars: [Range<Int>]

  @inlinable
  public init(open: Int, bar: Int, barWidth: Int, close: Int, moreBars: [Range<Int>] = []) {
    (self.open, self.bar, self.barWidth, self.close) = (open, bar, barWidth, close)
    self.moreBars = moreBars
  }

  /// The word the reading is for, 漢字.
  public var base: Range<Int> { (open + 1)..<bar }
  /// Everything after the first bar, かんじ (with the other bars in a group with more: き|れい).
  public var reading: Range<Int> { (bar + barWidth)..<close }
  /// The readings between the bars: one for the whole base, or one per character.
  @inlinable
  public var readings: [Range<Int>] {
    var start = bar + barWidth
    var out: [Range<Int>] = []
    for b in moreBars {
      out.append(start..<b.lowerBound)
      start = b.upperBound
    }
    out.append(start..<close)
    return out
  }
  /// The whole group, braces included.
  public var whole: Range<Int> { open..<(close + 1) }
}
