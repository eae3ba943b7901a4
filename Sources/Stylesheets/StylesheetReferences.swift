/// The addresses a stylesheet loads: each `url(…)` and each `@import`, found by one reading of
/// the CSS for the build (which points them at the assets' published names) and for
/// `portal check` (which holds those from other sites to the page's Content-Security-Policy).
/// Two readings drifted apart: one took `content: "url(x.png)"`, a string, for an address and
/// warned that x.png was missing. Comments and strings hold no address; an address's own
/// quotes, braces and escapes (`data:` images) are passed over whole.
public struct StylesheetReference: Equatable, Sendable {
  /// The address as written, between its quotes or the parentheses of `url(…)`.
  public var address: String
  /// Where `url(` or `@import` begins (a byte offset), and its line and column (in
  /// characters, from 1): where a message about it points.
  public var token: Int
  public var line: Int
  public var column: Int
  /// Where the address begins and ends (byte offsets, the end exclusive; quotes outside).
  public var start: Int
  public var end: Int
  /// The address of an `@import` (`@import "a.css"` or `@import url(a.css)`).
  public var isImport: Bool
  /// Inside an `@font-face` block: a font's source.
  public var inFontFace: Bool
  /// Written inside `url(…)`, not as `@import`'s string.
  public var inURL = true

  /// `address` as the stylesheet writes this reference, for a message: `url(a.png)`, or
  /// `@import "a.css"`.
  public func written(_ address: String) -> String {
    inURL ? "url(\(address))" : "@import \"\(address)\""
  }

  public init(
    address: String, token: Int, line: Int = 1, column: Int = 1, start: Int, end: Int,
    isImport: Bool, inFontFace: Bool
  ) {
    self.address = address
    self.token = token
    self.line = line
    self.column = column
    self.start = start
    self.end = end
    self.isImport = isImport
    self.inFontFace = inFontFace
  }
}

public enum StylesheetReferences {
  /// Every address in `css`, in order.
  public static func scan(_ css: [UInt8]) -> [StylesheetReference] {
    var found: [StylesheetReference] = []
    var i = 0
    // The depth of braces, and the depth at which an `@font-face` block opened.
    var depth = 0
    var fontFace: Int?
    var pendingFontFace = false
    func starts(_ word: StaticString, at k: Int) -> Bool {
      let n = word.utf8CodeUnitCount
      guard k + n <= css.count else { return false }
      return word.withUTF8Buffer { w in
        for m in 0..<n where css[k + m] | 0x20 != w[m] | 0x20 { return false }
        return true
      }
    }
    // The lines counted so far: up to `counted`, which begins line `line` at `lineStart`.
    var (counted, line, lineStart) = (0, 1, 0)
    func reference(from k: Int, token: Int, isImport: Bool, inURL: Bool = true)
      -> StylesheetReference
    {
      while counted < token {
        if css[counted] == 0x0A { (line, lineStart) = (line + 1, counted + 1) }
        counted += 1
      }
      let column = String(decoding: css[lineStart..<token], as: UTF8.self).count + 1
      var j = k
      while j < css.count, css[j] == 0x20 || css[j] == 0x09 { j += 1 }
      let quote: UInt8? = j < css.count && (css[j] == 0x22 || css[j] == 0x27) ? css[j] : nil
      if quote != nil { j += 1 }
      let start = j
      while j < css.count, css[j] != (quote ?? 0x29), css[j] != 0x0A,
        quote != nil || (css[j] != 0x20 && css[j] != 0x3B)
      {
        j += css[j] == 0x5C ? 2 : 1
      }
      let end = min(j, css.count)
      var found = StylesheetReference(
        address: String(decoding: css[start..<end], as: UTF8.self), token: token, line: line,
        column: column, start: start, end: end, isImport: isImport, inFontFace: fontFace != nil)
      found.inURL = inURL
      return found
    }
    while i < css.count {
      let c = css[i]
      if c == 0x2F, i + 1 < css.count, css[i + 1] == 0x2A {
        i += 2
        while i + 1 < css.count, !(css[i] == 0x2A && css[i + 1] == 0x2F) { i += 1 }
        i += 2
        continue
      }
      switch c {
      case 0x7B:
        depth += 1
        if pendingFontFace {
          fontFace = depth
          pendingFontFace = false
        }
      case 0x7D:
        if fontFace == depth { fontFace = nil }
        depth -= 1
      case 0x22, 0x27:
        // A string (`content: "{"`): nothing in it is a brace or an address.
        var j = i + 1
        while j < css.count, css[j] != c, css[j] != 0x0A { j += css[j] == 0x5C ? 2 : 1 }
        i = j + 1
        continue
      case 0x40 where starts("@font-face", at: i):
        pendingFontFace = true
      case 0x40 where starts("@import", at: i):
        var k = i + 7
        while k < css.count, css[k] == 0x20 || css[k] == 0x09 || css[k] == 0x0A { k += 1 }
        let inURL = starts("url(", at: k)
        if inURL { k += 4 }
        let address = reference(from: k, token: i, isImport: true, inURL: inURL)
        found.append(address)
        i = address.end + 1
        continue
      default:
        // Every `url(…)` is passed over whole: a `data:` address holds quotes and braces.
        if c | 0x20 == 0x75, starts("url(", at: i), i == 0 || !isNameByte(css[i - 1]) {
          let address = reference(from: i + 4, token: i, isImport: false)
          found.append(address)
          i = address.end + 1
          continue
        }
      }
      i += 1
    }
    return found
  }

  /// A byte of a CSS name (`myurl(` is no `url(`): letters, digits, `-`, `_`, and any byte of
  /// a character beyond ASCII.
  static func isNameByte(_ b: UInt8) -> Bool {
    b >= 0x80 || b == 0x2D || b == 0x5F || (b >= 0x30 && b <= 0x39)
      || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
  }
}
