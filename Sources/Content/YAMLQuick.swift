import Yams

/// Composes the plain shape most front matters have — `key: value` lines, values plain or in
/// single quotes, `[a, b]` lists, `{ k: v }` mappings and `- item` lists under a key — into
/// the very node tree Yams would (strings, tags, styles and marks alike), without libyaml.
/// Composing with Yams was a third of loading at 10,000 pages: libyaml's tokens and events,
/// a Swift event object for each, and a dictionary of every mapping's keys for its duplicate
/// check.
///
/// Anything outside that shape gives nil, and the caller asks Yams: comments, double quotes,
/// blocks (`|`, `>`), anchors, tags, a value over several lines, an empty value, a blank line,
/// a tab, a carriage return, a key given twice, a character libyaml refuses or reads as a
/// line break. So every problem and its message still come from Yams, and a shortcut taken
/// gives what Yams gives (`YAMLQuickTests` holds the two together on random front matters).
enum YAMLQuick {
  /// The node Yams composes from `text` with the `.basic` resolver, or nil when `text` is
  /// not of the shape read here.
  static func compose(_ text: String) -> Node? {
    guard marksFit else { return nil }
    var text = text
    return text.withUTF8 { bytes in
      var reader = Reader(bytes: bytes)
      return reader.document()
    }
  }

  /// A `Mark` made here as Yams makes it: Yams keeps its initializer internal, so a mark is
  /// laid out as its two stored integers. Checked once against a mark Yams made; if Yams
  /// ever lays it out otherwise, the shortcut is off and every text goes to Yams.
  private struct MarkLayout {
    var line: Int
    var column: Int
  }

  fileprivate static func mark(line: Int, column: Int) -> Mark {
    unsafeBitCast(MarkLayout(line: line, column: column), to: Mark.self)
  }

  private static let marksFit: Bool = {
    guard MemoryLayout<Mark>.size == MemoryLayout<MarkLayout>.size,
      MemoryLayout<Mark>.stride == MemoryLayout<MarkLayout>.stride,
      let node = try? Yams.compose(yaml: "a:\n  b", .basic, .default, .utf8),
      let made = node["a"]?.mark
    else { return false }
    let ours = mark(line: 2, column: 3)
    return made.line == ours.line && made.column == ours.column
  }()
}

/// Reads `YAMLQuick`'s shape line by line; every method returns nil at anything else.
private struct Reader {
  let bytes: UnsafeBufferPointer<UInt8>
  /// The next byte to read, its line (1-based) and where that line starts.
  var i = 0
  var line = 1
  var lineStart = 0

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// Tags as Yams makes them: a new object per node (a tag resolves itself in place).
  static func tag(_ name: Tag.Name) -> Tag { Tag(name, .basic, constructor) }

  /// `Constructor.default` makes a new constructor, four dictionaries, each time it is asked
  /// (Yams asks once a document; asked for every tag it was a fifth of loading). One serves
  /// every document: a constructor holds only its three maps, all `let`.
  nonisolated(unsafe) static let constructor = Constructor.default

  /// libyaml counts a column in characters: the bytes from the line's start that begin one.
  func mark(at position: Int) -> Mark {
    var column = 1
    var j = lineStart
    while j < position {
      if bytes[j] & 0xC0 != 0x80 { column += 1 }
      j += 1
    }
    return YAMLQuick.mark(line: line, column: column)
  }

  var atLineEnd: Bool { i == bytes.count || bytes[i] == UInt8(ascii: "\n") }

  mutating func skipSpaces() {
    while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
  }

  /// Past the line's end (at the text's end, stays there).
  mutating func nextLine() {
    if i < bytes.count {
      i += 1
      line += 1
      lineStart = i
    }
  }

  /// The root mapping: `key:` lines at the first column, each with its value.
  mutating func document() -> Node? {
    guard Self.bytesAreSafe(bytes) else { return nil }
    var pairs: [(Node, Node)] = []
    var keys = KeysSeen()
    var rootMark: Mark?
    while i < bytes.count {
      guard let key = key(), keys.insert(key.string ?? "") == nil else { return nil }
      if rootMark == nil { rootMark = key.mark }
      let value: Node
      if atLineEnd {
        // `key:` alone: a list of `- item` lines must follow.
        nextLine()
        guard let list = blockList() else { return nil }
        value = list
      } else {
        guard bytes[i] == UInt8(ascii: " ") else { return nil }
        skipSpaces()
        guard !atLineEnd, let v = inlineValue(flow: false) else { return nil }
        value = v
        skipSpaces()
        guard atLineEnd else { return nil }
        nextLine()
      }
      pairs.append((key, value))
    }
    guard let rootMark else { return nil }
    return .mapping(Node.Mapping(pairs, Self.tag(.implicit), .any, rootMark))
  }

  /// A key of ASCII letters, digits, `_` and `-` (a letter first) and its `:`, at the
  /// line's start.
  mutating func key() -> Node? {
    guard i < bytes.count, Self.isLetter(bytes[i]) else { return nil }
    let start = i
    while i < bytes.count,
      Self.isLetter(bytes[i]) || Self.isDigit(bytes[i]) || bytes[i] == 0x5F
        || bytes[i] == 0x2D
    {
      i += 1
    }
    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
    // A key's tag is resolved already (to `str`, by the `.basic` resolver): Yams' check for
    // keys given twice hashes every key, which resolves its tag in place.
    let key = Node.scalar(
      Node.Scalar(string(start..<i), Self.tag(.str), .plain, mark(at: start)))
    i += 1
    return key
  }

  /// `- item` lines, all at one indentation, up to the next key or the end.
  mutating func blockList() -> Node? {
    var items: [Node] = []
    var listMark: Mark?
    var indent: Int?
    while i < bytes.count, bytes[i] != UInt8(ascii: "\n"), !Self.isLetter(bytes[i]) {
      let start = i
      skipSpaces()
      guard indent == nil || indent == i - start, i + 1 < bytes.count,
        bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: " ")
      else { return nil }
      indent = i - start
      if listMark == nil { listMark = mark(at: i) }
      i += 1
      skipSpaces()
      guard !atLineEnd, let item = inlineValue(flow: false) else { return nil }
      items.append(item)
      skipSpaces()
      guard atLineEnd else { return nil }
      nextLine()
    }
    guard let listMark else { return nil }
    return .sequence(Node.Sequence(items, Self.tag(.implicit), .any, listMark))
  }

  /// A value on one line: `[…]`, `{…}`, `'…'` or plain text.
  mutating func inlineValue(flow: Bool) -> Node? {
    switch bytes[i] {
    case UInt8(ascii: "["): return flow ? nil : flowList()
    case UInt8(ascii: "{"): return flow ? nil : flowMapping()
    case UInt8(ascii: "'"): return singleQuoted()
    default: return plain(flow: flow)
    }
  }

  /// `[a, 'b']` on one line; `[]` too.
  mutating func flowList() -> Node? {
    let listMark = mark(at: i)
    i += 1
    skipSpaces()
    var items: [Node] = []
    if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
      i += 1
      return .sequence(Node.Sequence(items, Self.tag(.implicit), .any, listMark))
    }
    while true {
      guard !atLineEnd, let item = inlineValue(flow: true) else { return nil }
      items.append(item)
      skipSpaces()
      guard i < bytes.count else { return nil }
      if bytes[i] == UInt8(ascii: "]") {
        i += 1
        return .sequence(Node.Sequence(items, Self.tag(.implicit), .any, listMark))
      }
      guard bytes[i] == UInt8(ascii: ",") else { return nil }
      i += 1
      skipSpaces()
    }
  }

  /// `{ key: value, key: 'value' }` on one line, at least one entry, keys not repeated.
  mutating func flowMapping() -> Node? {
    let mappingMark = mark(at: i)
    i += 1
    skipSpaces()
    var pairs: [(Node, Node)] = []
    var keys = KeysSeen()
    while true {
      guard let key = key(), keys.insert(key.string ?? "") == nil,
        i < bytes.count, bytes[i] == UInt8(ascii: " ")
      else { return nil }
      skipSpaces()
      guard !atLineEnd, let value = inlineValue(flow: true) else { return nil }
      pairs.append((key, value))
      skipSpaces()
      guard i < bytes.count else { return nil }
      if bytes[i] == UInt8(ascii: "}") {
        i += 1
        return .mapping(Node.Mapping(pairs, Self.tag(.implicit), .any, mappingMark))
      }
      guard bytes[i] == UInt8(ascii: ",") else { return nil }
      i += 1
      skipSpaces()
    }
  }

  /// `'…'` on one line, `''` for a quote; in a list or mapping, followed by `,`, `]` or `}`.
  mutating func singleQuoted() -> Node? {
    let start = i
    i += 1
    var value: [UInt8] = []
    while true {
      guard !atLineEnd else { return nil }
      if bytes[i] == UInt8(ascii: "'") {
        if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "'") {
          value.append(bytes[i])
          i += 2
          continue
        }
        i += 1
        break
      }
      value.append(bytes[i])
      i += 1
    }
    // Yams gives a quoted scalar the tag `str` itself (libyaml's `quoted_implicit`).
    return .scalar(
      Node.Scalar(
        String(decoding: value, as: UTF8.self), Self.tag(.str), .singleQuoted, mark(at: start)))
  }

  /// Plain text on one line, without what could end it or make it something else: in a
  /// mapping's value `: ` and ` #` (a comment); in a list or mapping, `:`, `#`, quotes,
  /// brackets and braces at all (`,`, `]` and `}` end it). Trailing spaces are not part of it.
  mutating func plain(flow: Bool) -> Node? {
    let start = i
    guard !Self.isIndicator(bytes[i]) else { return nil }
    var end = i
    while !atLineEnd {
      let b = bytes[i]
      if flow {
        if b == UInt8(ascii: ",") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") { break }
        if b == UInt8(ascii: ":") || b == UInt8(ascii: "#") || b == UInt8(ascii: "[")
          || b == UInt8(ascii: "{") || b == UInt8(ascii: "'") || b == UInt8(ascii: "\"")
        {
          return nil
        }
      } else {
        if b == UInt8(ascii: ":"),
          i + 1 == bytes.count || bytes[i + 1] == UInt8(ascii: " ")
            || bytes[i + 1] == UInt8(ascii: "\n")
        {
          return nil
        }
        if b == UInt8(ascii: "#"), bytes[i - 1] == UInt8(ascii: " ") { return nil }
      }
      i += 1
      if b != UInt8(ascii: " ") { end = i }
    }
    guard end > start else { return nil }
    return .scalar(
      Node.Scalar(string(start..<end), Self.tag(.implicit), .plain, mark(at: start)))
  }

  func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
  static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  /// A character that starts something other than plain text (YAML's indicators), or a
  /// space.
  static func isIndicator(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
      UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
      UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
      UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: " "):
      return true
    default: return false
    }
  }

  /// No byte libyaml refuses, treats as a line break or a blank other than the space, or
  /// reads as a byte-order mark: only `\n`, printable ASCII and characters from U+00A0 up,
  /// but for U+2028, U+2029, U+FEFF, U+FFFE and U+FFFF. The text is valid UTF-8 (a String).
  static func bytesAreSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var j = 0
    let n = bytes.count
    while j < n {
      let b = bytes[j]
      if b < 0x80 {
        guard b == 0x0A || (b >= 0x20 && b != 0x7F) else { return false }
        j += 1
        continue
      }
      switch b {
      case 0xC2:
        guard j + 1 < n, bytes[j + 1] >= 0xA0 else { return false }
      case 0xE2:
        guard j + 2 < n, !(bytes[j + 1] == 0x80 && (bytes[j + 2] == 0xA8 || bytes[j + 2] == 0xA9))
        else { return false }
      case 0xEF:
        guard j + 2 < n, !(bytes[j + 1] == 0xBB && bytes[j + 2] == 0xBF),
          !(bytes[j + 1] == 0xBF && bytes[j + 2] >= 0xBE)
        else { return false }
      default: break
      }
      j += 1
    }
    return true
  }
}
