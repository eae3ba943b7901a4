/// A script without comments and leading indentation (`AssetMinifier`). Every line break is
/// kept: automatic semicolon insertion depends on them, and with them each line of code keeps
/// its number, so the browser's errors and breakpoints point at the source's lines (a comment
/// or blank line becomes an empty line, one byte). The
/// scanner follows strings, template literals (`${…}` nested to any depth) and regular
/// expressions, so a `//` or `/*` inside one is never taken for a comment: a `/` starts a
/// regular expression where a value is expected (after an operator, `(`, `,`, `=`, `{`, `}`,
/// `;`, `return`, `typeof` and the like, and after the `)` of `if (…)`, `while (…)`,
/// `for (…)`), and divides after a name, a number, a literal, `)` or `]`.
enum JavaScriptMinifier {
  /// What the last token was, for whether a `/` starts a regular expression.
  private enum Last { case operatorOrStart, value }

  private enum Opened {
    case brace, bracket, template
    case paren(beforeStatement: Bool)
  }

  /// Words after which an expression (so a regular expression) follows.
  private static let expressionKeywords: Set<String> = [
    "return", "typeof", "instanceof", "in", "new", "delete", "void", "throw", "case", "do",
    "else", "yield", "await",
  ]
  /// Words whose `( … )` a statement follows, so a `/` after the `)` starts a regular expression.
  private static let statementHeads: Set<String> = ["if", "while", "for", "with"]

  /// The minified script, or nil when the scanner is unsure of it (then it is published as
  /// written).
  static func minify(_ s: [UInt8]) -> [UInt8]? {
    // U+2028 and U+2029 end lines in code: rare enough to leave such a file alone.
    for i in s.indices.dropLast(2) where s[i] == 0xE2 && s[i + 1] == 0x80 {
      if s[i + 2] == 0xA8 || s[i + 2] == 0xA9 { return nil }
    }
    var w = LineWriter(joinsCSS: false)
    var opened: [Opened] = []
    var last = Last.operatorOrStart
    var lastByte: UInt8 = 0
    var lastWord = ""
    var i = 0
    if s.starts(with: [0x23, 0x21]) {  // #!/usr/bin/env node
      i = s.firstIndex(of: 0x0A) ?? s.count
      w.append(s[0..<i])
    }
    /// Copies the template literal from `start` up to its closing backtick or its next `${`.
    func template(from start: Int) -> Bool {
      var j = start + 1
      while j < s.count {
        switch s[j] {
        case 0x5C: j += 2
        case 0x60:
          w.append(s[start..<j + 1])
          (i, last, lastByte) = (j + 1, .value, 0x60)
          return true
        case 0x24 where j + 1 < s.count && s[j + 1] == 0x7B:
          w.append(s[start..<j + 2])
          opened.append(.template)
          (i, last, lastByte) = (j + 2, .operatorOrStart, 0x7B)
          return true
        default: j += 1
        }
      }
      return false
    }
    while i < s.count {
      let c = s[i]
      if c == 0x20 || c == 0x09 || c == 0x0B || c == 0x0C {
        w.whitespace()
        i += 1
        continue
      }
      if c == 0x0A || c == 0x0D {
        // CR LF is one line break.
        if c == 0x0D, i + 1 < s.count, s[i + 1] == 0x0A { i += 1 }
        w.lineBreak()
        i += 1
        continue
      }
      if c == 0x2F, i + 1 < s.count, s[i + 1] == 0x2F {
        while i < s.count, s[i] != 0x0A, s[i] != 0x0D { i += 1 }
        continue
      }
      if c == 0x2F, i + 1 < s.count, s[i + 1] == 0x2A {
        guard let end = AssetMinifier.commentEnd(s, from: i) else { return nil }
        if s[i + 2] == 0x21 {
          w.append(s[i..<end])
        } else if case let breaks = lineBreaks(in: s[i..<end]), breaks > 0 {
          // A comment across lines ends the line, as far as ASI goes; its lines stay, empty.
          for _ in 0..<breaks { w.lineBreak() }
        } else {
          w.whitespace()
        }
        i = end
        continue
      }
      let start = i
      let previousWord = lastWord
      lastWord = ""
      switch c {
      case 0x22, 0x27:
        guard let end = AssetMinifier.stringEnd(s, from: i) else { return nil }
        (i, last) = (end, .value)
      case 0x60:
        guard template(from: i) else { return nil }
        continue
      case 0x2F where last == .operatorOrStart:
        guard let end = regexEnd(s, from: i) else { return nil }
        (i, last) = (end, .value)
      case 0x7B, 0x28, 0x5B:
        let statement = c == 0x28 && last == .value && statementHeads.contains(previousWord)
        let kind: Opened =
          c == 0x7B ? .brace : c == 0x5B ? .bracket : .paren(beforeStatement: statement)
        opened.append(kind)
        (i, last) = (i + 1, .operatorOrStart)
      case 0x7D, 0x29, 0x5D:
        switch (opened.popLast(), c) {
        case (.template?, 0x7D):
          guard template(from: i) else { return nil }
          continue
        case (.brace?, 0x7D): last = .operatorOrStart
        case (.bracket?, 0x5D): last = .value
        case (.paren(let statement)?, 0x29): last = statement ? .operatorOrStart : .value
        default: return nil
        }
        i += 1
      case _ where (c == 0x2B || c == 0x2D) && i + 1 < s.count && s[i + 1] == c:
        (i, last) = (i + 2, .value)  // `a++ / b` divides
      default:
        guard isWordByte(c) else {
          (i, last) = (i + 1, .operatorOrStart)
          break
        }
        let number = c >= 0x30 && c <= 0x39
        i += 1
        while i < s.count, isWordByte(s[i]) || (number && isExponentSign(s, at: i, from: start)) {
          i += 1
        }
        let word = String(decoding: s[start..<i], as: UTF8.self)
        let property = lastByte == 0x2E  // `x.delete / 2`
        last = !number && !property && expressionKeywords.contains(word) ? .operatorOrStart : .value
        lastWord = property ? "" : word
      }
      w.append(s[start..<i])
      lastByte = s[i - 1]
    }
    return opened.isEmpty ? w.finish() : nil
  }

  /// Where the regular expression starting at `start` ends, past its flags; nil when a line
  /// ends first (then this `/` was not what the scanner took it for).
  private static func regexEnd(_ s: [UInt8], from start: Int) -> Int? {
    var j = start + 1
    var inClass = false
    while j < s.count {
      switch s[j] {
      case 0x5C where j + 1 < s.count && s[j + 1] != 0x0A && s[j + 1] != 0x0D: j += 2
      case 0x0A, 0x0D, 0x5C: return nil
      case 0x5B: (inClass, j) = (true, j + 1)
      case 0x5D: (inClass, j) = (false, j + 1)
      case 0x2F where !inClass:
        j += 1
        while j < s.count, isWordByte(s[j]) { j += 1 }
        return j
      default: j += 1
      }
    }
    return nil
  }

  /// The line breaks in `text`, CR LF counted once.
  private static func lineBreaks(in text: ArraySlice<UInt8>) -> Int {
    var count = 0
    var previous: UInt8 = 0
    for b in text {
      if b == 0x0A && previous != 0x0D || b == 0x0D { count += 1 }
      previous = b
    }
    return count
  }

  /// Letters, digits, `_`, `$`, `\` (of `\u0061`) and every byte of a non-ASCII character:
  /// parts of a name or a number.
  private static func isWordByte(_ b: UInt8) -> Bool {
    b >= 0x80 || b == 0x5F || b == 0x24 || b == 0x5C || (b >= 0x30 && b <= 0x39)
      || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
  }

  /// `+` or `-` after the `e` of a decimal number's exponent (`1e-5`).
  private static func isExponentSign(_ s: [UInt8], at i: Int, from start: Int) -> Bool {
    (s[i] == 0x2B || s[i] == 0x2D) && s[i - 1] | 0x20 == 0x65 && i - start >= 1
      && !(i - start >= 2 && s[start] == 0x30 && s[start + 1] | 0x20 == 0x78)
  }
}
