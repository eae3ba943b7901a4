import Diagnostics

/// Invisible control characters in a page's body: ESC, BEL, SOH and the rest of C0 but tab and
/// line feed (a carriage return is a line ending, made one when the file is read), DEL, C1
/// (U+0080…U+009F) and the noncharacters (U+FFFE…): what a front-matter value refuses
/// (`front-matter.value`). Pasted from a terminal, a PDF or another program, they went into
/// the HTML as they were (a parse error; browsers and screen readers show or read garbage),
/// while the writer's editor showed nothing. An error at the first on each line, so one slip
/// pasted into a long line is one error, and a paste into several lines is one for each.
enum ControlCharacters {
  static let code = "content.control-character"

  /// The errors for `source`'s body; none (after one pass over its bytes) for nearly all pages.
  static func check(_ source: SourceFile) -> [Diagnostic] {
    guard mayHold(source.body) else { return [] }
    var diagnostics: [Diagnostic] = []
    let lines = source.body.split(separator: "\n", omittingEmptySubsequences: false)
    for (n, line) in lines.enumerated() where mayHold(line) {
      // Columns in characters, as editors count them. A control character is a character of
      // its own (it joins nothing); a noncharacter may carry combining marks.
      var column = 1
      var first: (column: Int, scalar: Unicode.Scalar)?
      var count = 0
      for character in line {
        for scalar in character.unicodeScalars where isRefused(scalar) {
          if first == nil { first = (column, scalar) }
          count += 1
        }
        column += 1
      }
      guard let first else { continue }
      diagnostics.append(
        error(
          first.scalar, more: count - 1,
          at: SourceLocation(
            file: source.path, line: source.bodyLine + n, column: first.column)))
    }
    return diagnostics
  }

  static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isInvisibleControl && scalar != "\r"
  }

  /// Whether `text` holds a refused character, from its UTF-8 alone, in one pass: a C0 byte
  /// but tab, line feed and carriage return, DEL, C1 (C2 80…9F) and the noncharacters (EF B7
  /// 90…AF, EF BF BE…BF, and each plane's last two, F0…F4 x(F) BF BE…BF). Japanese text is
  /// full of EF (full-width forms): looking at its characters after a lead byte alone was
  /// 1.4 % of a full build.
  static func mayHold(_ text: some StringProtocol) -> Bool {
    // A native string's bytes in place: each page's body is asked, and stepping the view with
    // the three bytes before each one kept was 7 % of loading 10,000 pages.
    if let held = text.utf8.withContiguousStorageIfAvailable(mayHold(bytes:)) { return held }
    return mayHold(stepping: text.utf8)
  }

  /// `mayHold` for a string whose bytes are not in one piece (bridged): each byte with the
  /// three before it.
  static func mayHold(stepping utf8: some Sequence<UInt8>) -> Bool {
    var (p3, p2, p1): (UInt8, UInt8, UInt8) = (0, 0, 0)  // the bytes before this one
    for b in utf8 {
      if b < 0x20 {
        if b != 0x09 && b != 0x0A && b != 0x0D { return true }
      } else if b == 0x7F {
        return true
      } else if b >= 0x80 {
        if p1 == 0xC2 && b <= 0x9F { return true }
        if p2 == 0xEF && p1 == 0xB7 && (0x90...0xAF).contains(b) { return true }
        if p1 == 0xBF && b >= 0xBE {
          if p2 == 0xEF { return true }
          if (0xF0...0xF4).contains(p3) && p2 & 0x0F == 0x0F { return true }
        }
      }
      (p3, p2, p1) = (p2, p1, b)
    }
    return false
  }

  /// `mayHold` of a string's UTF-8, which is valid: a refused sequence is looked for only at
  /// the bytes that start one (a C0 byte, DEL, C2, EF, F0…F4), and Japanese text is mostly
  /// E3…E9 and ASCII, passed over with a few comparisons.
  static func mayHold(bytes p: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = p.count
    var i = 0
    while i < n {
      let b = p[i]
      if b >= 0x20 && b < 0x7F || b >= 0x80 && b < 0xC2 || b > 0xC2 && b < 0xEF {
        i += 1
        continue
      }
      if b < 0x20 {
        if b != 0x09 && b != 0x0A && b != 0x0D { return true }
      } else if b == 0x7F {
        return true
      } else if b == 0xC2 {
        if i + 1 < n && p[i + 1] <= 0x9F { return true }
      } else if b == 0xEF {
        if i + 2 < n {
          let (c1, c2) = (p[i + 1], p[i + 2])
          if c1 == 0xB7 && (0x90...0xAF).contains(c2) || c1 == 0xBF && c2 >= 0xBE { return true }
        }
      } else if b >= 0xF0 && b <= 0xF4 {
        if i + 3 < n && p[i + 1] & 0x0F == 0x0F && p[i + 2] == 0xBF && p[i + 3] >= 0xBE {
          return true
        }
      }
      i += 1
    }
    return false
  }

  /// `U+001B (ESC)`: the code point, and the name of a C0 character or DEL, which is what a
  /// search for it finds.
  static func name(_ scalar: Unicode.Scalar) -> String {
    let code = scalar.codePoint
    let c0 = [
      "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
      "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB",
      "ESC", "FS", "GS", "RS", "US",
    ]
    if scalar.value < 0x20 { return "\(code) (\(c0[Int(scalar.value)]))" }
    if scalar.value == 0x7F { return "\(code) (DEL)" }
    return code
  }

  static func error(_ scalar: Unicode.Scalar, more: Int, at location: SourceLocation)
    -> Diagnostic
  {
    let name = name(scalar)
    let others = more > 0 ? ", and \(more) more on this line" : ""
    let othersJa = more > 0 ? "（この行には、ほかに\(more)個あります）" : ""
    return .error(
      location,
      "the text has an invisible control character, \(name)\(others): it would go into the page as it is, where browsers and screen readers show or read it as garbage",
      hint:
        "it often comes with text pasted from another program: delete it (most editors do not show it: delete the character at this column, or type the text around it again)",
      code: code
    ).ja(
      "本文に、目に見えない制御文字 \(name) が入っています\(othersJa)。このままではページに入り、ブラウザーや読み上げソフトで意味のない文字として出てしまいます",
      hint: "ほかのソフトからコピーした文章についてくることがある文字です。消してください（多くのエディターでは見えないので、この位置の文字を消すか、前後の文字を打ち直してください）")
  }
}
