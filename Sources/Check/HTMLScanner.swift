/// One attribute as the browser sees it: lower-cased name, entity-decoded value, and the byte
/// offset of its name so a problem can point at it.
struct HTMLAttribute: Sendable, Hashable {
  var name: String
  var value: String
  var offset: Int
}

enum HTMLToken: Sendable, Hashable {
  case start(name: String, attributes: [HTMLAttribute], selfClosing: Bool, offset: Int)
  case end(name: String, offset: Int)
  case text(HTMLText)
}

/// Text between tags, kept as the place of its bytes until something reads it: most text of a
/// page (its paragraphs) is never looked at, and decoding it all was a sixth of a check.
struct HTMLText: Sendable, Hashable {
  var range: Range<Int>
  /// False for CDATA, where `&` is literal.
  var decodesEntities = true

  /// Byte offset of the text in the page.
  var offset: Int { range.lowerBound }

  func string(in bytes: [UInt8]) -> String {
    decodesEntities
      ? HTMLEntities.decode(bytes, range) : String(decoding: bytes[range], as: UTF8.self)
  }
}

/// A small tolerant HTML tokenizer, enough for the generator's own well-formed output (and for
/// sitemap XML): tags, attributes with entity decoding, text, comments and doctypes skipped,
/// `<script>`/`<style>` content skipped, CDATA as text. Works on UTF-8 bytes with byte offsets,
/// because checking 10,000 pages must not spend its time in String indexing.
enum HTMLScanner {
  static func tokens(_ bytes: [UInt8]) -> [HTMLToken] {
    var tokens: [HTMLToken] = []
    tokens.reserveCapacity(bytes.count / 24)
    let n = bytes.count
    var i = 0
    var textStart = 0

    func flushText(upTo end: Int) {
      if end > textStart {
        tokens.append(.text(HTMLText(range: textStart..<end)))
      }
    }

    while i < n {
      guard bytes[i] == UInt8(ascii: "<"), i + 1 < n else {
        i += 1
        continue
      }
      let next = bytes[i + 1]
      if next == UInt8(ascii: "!") {
        if has(bytes, "<!--", at: i) {
          flushText(upTo: i)
          i = find(bytes, "-->", from: i + 4).map { $0 + 3 } ?? n
          textStart = i
        } else if has(bytes, "<![CDATA[", at: i) {
          flushText(upTo: i)
          let end = find(bytes, "]]>", from: i + 9) ?? n
          tokens.append(.text(HTMLText(range: (i + 9)..<end, decodesEntities: false)))
          i = min(n, end + 3)
          textStart = i
        } else {
          flushText(upTo: i)
          i = (find(bytes, ">", from: i) ?? n - 1) + 1
          textStart = i
        }
      } else if next == UInt8(ascii: "?") {
        flushText(upTo: i)
        i = (find(bytes, ">", from: i) ?? n - 1) + 1
        textStart = i
      } else if next == UInt8(ascii: "/"), i + 2 < n, isLetter(bytes[i + 2]) {
        flushText(upTo: i)
        let (name, afterName) = readName(bytes, from: i + 2)
        tokens.append(.end(name: name, offset: i))
        i = (find(bytes, ">", from: afterName) ?? n - 1) + 1
        textStart = i
      } else if isLetter(next) {
        flushText(upTo: i)
        let tagStart = i
        let (name, afterName) = readName(bytes, from: i + 1)
        var (attributes, selfClosing, end) = readAttributes(bytes, from: afterName)
        if name == "script" || name == "style" || name == "title" || name == "textarea" {
          selfClosing = false
        }
        tokens.append(
          .start(name: name, attributes: attributes, selfClosing: selfClosing, offset: tagStart))
        i = end
        textStart = i
        if name == "script" || name == "style" || name == "title" || name == "textarea" {
          let close = findClosing(bytes, name: name, from: i) ?? n
          if name == "title" || name == "textarea" { flushText(upTo: close) }
          if close < n {
            tokens.append(.end(name: name, offset: close))
            i = (find(bytes, ">", from: close) ?? n - 1) + 1
          } else {
            i = n
          }
          textStart = i
        }
      } else {
        i += 1
      }
    }
    flushText(upTo: n)
    return tokens
  }

  /// Attributes up to the closing `>`: the list, whether the tag ended in `/>`, and the offset
  /// after the `>`.
  private static func readAttributes(_ bytes: [UInt8], from start: Int) -> (
    [HTMLAttribute], Bool, Int
  ) {
    var attributes: [HTMLAttribute] = []
    let n = bytes.count
    var i = start
    var selfClosing = false
    while i < n {
      let b = bytes[i]
      if b == UInt8(ascii: ">") { return (attributes, selfClosing, i + 1) }
      if isSpace(b) || b == UInt8(ascii: "/") {
        selfClosing = b == UInt8(ascii: "/")
        i += 1
        continue
      }
      selfClosing = false
      let nameStart = i
      while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
        !(bytes[i] == UInt8(ascii: "/") && i > nameStart)
      {
        i += 1
      }
      let name = lowercased(bytes, nameStart..<i)
      while i < n, isSpace(bytes[i]) { i += 1 }
      var value = ""
      if i < n, bytes[i] == UInt8(ascii: "=") {
        i += 1
        while i < n, isSpace(bytes[i]) { i += 1 }
        if i < n, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
          let quote = bytes[i]
          let valueStart = i + 1
          var j = valueStart
          while j < n, bytes[j] != quote { j += 1 }
          value = HTMLEntities.decode(bytes, valueStart..<j)
          i = min(n, j + 1)
        } else {
          let valueStart = i
          while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
          value = HTMLEntities.decode(bytes, valueStart..<i)
        }
      }
      attributes.append(HTMLAttribute(name: name, value: value, offset: nameStart))
    }
    return (attributes, selfClosing, n)
  }

  private static func readName(_ bytes: [UInt8], from start: Int) -> (String, Int) {
    var i = start
    while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"),
      bytes[i] != UInt8(ascii: "/")
    {
      i += 1
    }
    return (lowercased(bytes, start..<i), i)
  }

  /// The offset of `</name` (any case) at or after `start`.
  private static func findClosing(_ bytes: [UInt8], name: String, from start: Int) -> Int? {
    let pattern = Array(("</" + name).utf8)
    var i = start
    while let found = find(bytes, "</", from: i) {
      if found + pattern.count <= bytes.count,
        zip(bytes[found..<(found + pattern.count)], pattern).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
      {
        return found
      }
      i = found + 2
    }
    return nil
  }

  static func find(_ bytes: [UInt8], _ needle: StaticString, from start: Int) -> Int? {
    find(
      bytes, UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount),
      from: start)
  }

  /// The first place of `pattern` in `bytes` from `start`; nil for an empty pattern.
  static func find(_ bytes: [UInt8], _ pattern: UnsafeBufferPointer<UInt8>, from start: Int)
    -> Int?
  {
    guard let first = pattern.first, start < bytes.count else { return nil }
    var i = start
    let last = bytes.count - pattern.count
    while i <= last {
      if bytes[i] == first {
        var k = 1
        while k < pattern.count, bytes[i + k] == pattern[k] { k += 1 }
        if k == pattern.count { return i }
      }
      i += 1
    }
    return nil
  }

  private static func has(_ bytes: [UInt8], _ prefix: StaticString, at i: Int) -> Bool {
    let pattern = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
    guard i + pattern.count <= bytes.count else { return false }
    for k in 0..<pattern.count where bytes[i + k] != pattern[k] { return false }
    return true
  }

  /// ASCII letters lower-cased, written straight into the string (names are short: no array
  /// in between).
  private static func lowercased(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    if !bytes[range].contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
      return String(decoding: bytes[range], as: UTF8.self)
    }
    return String(unsafeUninitializedCapacity: range.count) { buffer in
      for (k, b) in bytes[range].enumerated() {
        buffer[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
      }
      return range.count
    }
  }

  static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
  }

  private static func isLetter(_ b: UInt8) -> Bool {
    let lower = b | 0x20
    return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
  }
}
