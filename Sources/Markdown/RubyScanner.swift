/// Where furigana groups `{漢字|かんじ}` (or `{漢字｜かんじ}`, the bar the Japanese input gives)
/// are written, read one way for all who read them: the body's ruby and the front matter's
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
    /// `{漢字|か|んじ}`: a group but for another bar after the first, so the page shows it as
    /// typed. `bar` is the first bar.
    case extraBar(bar: Int, close: Int)
  }

  /// What the `{` at `open` starts, in units `0..<count`: the first `{`, `}` or line end after
  /// it decides. A group needs a `}` there, a base and a reading around its first bar, and no
  /// other bar; nil for braces that are no group at all (`{取組}`, `{|よみ}`).
  @inlinable
  public static func match(at open: Int, count: Int, _ mark: (Int) -> Mark) -> Match? {
    var bar: Int?
    var barWidth = 0
    var secondBar = false
    var i = open + 1
    scan: while i < count {
      switch mark(i) {
      case .close:
        guard let bar, bar > open + 1 else { return nil }
        if i == bar + barWidth { return .emptyReading(bar: bar, close: i) }
        if secondBar { return .extraBar(bar: bar, close: i) }
        return .group(RubyGroup(open: open, bar: bar, barWidth: barWidth, close: i))
      case .open, .newline:
        break scan
      case .bar(let width):
        if bar == nil {
          (bar, barWidth) = (i, width)
        } else {
          secondBar = true
        }
      case .other:
        break
      }
      i += 1
    }
    guard let bar, bar > open + 1 else { return nil }
    return .unclosed(bar: bar)
  }

  /// Every group in units `0..<count`, in order; a `{` that starts none is text.
  @inlinable
  public static func groups(count: Int, _ mark: (Int) -> Mark) -> [RubyGroup] {
    var groups: [RubyGroup] = []
    var i = 0
    while i < count {
      if mark(i) == .open, case .group(let group)? = match(at: i, count: count, mark) {
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

/// A furigana group `{base|reading}` as offsets in the scanned units.
public struct RubyGroup: Equatable, Hashable, Sendable {
  /// The `{`, the bar and the `}`.
  public let open: Int
  public let bar: Int
  /// Units the bar takes: 1, or 3 for `｜` in UTF-8.
  public let barWidth: Int
  public let close: Int

  @inlinable
  public init(open: Int, bar: Int, barWidth: Int, close: Int) {
    (self.open, self.bar, self.barWidth, self.close) = (open, bar, barWidth, close)
  }

  /// The word the reading is for, 漢字.
  public var base: Range<Int> { (open + 1)..<bar }
  /// The reading, かんじ.
  public var reading: Range<Int> { (bar + barWidth)..<close }
  /// The whole group, braces included.
  public var whole: Range<Int> { open..<(close + 1) }
}
