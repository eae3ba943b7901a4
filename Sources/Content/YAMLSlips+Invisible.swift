import Diagnostics

/// Invisible characters pasted with text from Word or a web page (a zero-width space, a
/// no-break space, a byte order mark): to YAML they are part of a key or a value, so
/// `crisis​-management` is an id no page has and `​title` a key no kind knows, while the
/// writer's editor shows nothing wrong. Named at their place, with the line without them.
extension YAMLSlips {
  /// The invisible characters looked for, with their names in English and Japanese. Joiners
  /// (U+200C, U+200D) are left alone: emoji and some scripts need them.
  static func invisibleName(_ scalar: Unicode.Scalar) -> (english: String, japanese: String)? {
    guard isInvisible(scalar) else { return nil }
    let code = scalar.codePoint
    switch scalar.value {
    case 0xFEFF: return ("a byte order mark (\(code))", "BOM（\(code)）")
    case 0x200B: return ("a zero-width space (\(code))", "幅のないスペース（\(code)）")
    case 0x2060: return ("a word joiner (\(code))", "幅のない結合文字（\(code)）")
    case 0x00A0: return ("a no-break space (\(code))", "改行しないスペース（\(code)）")
    case 0x202F: return ("a narrow no-break space (\(code))", "幅の狭い改行しないスペース（\(code)）")
    case 0x2000...0x200A: return ("a typographic space (\(code))", "特殊な幅のスペース（\(code)）")
    default: return nil
    }
  }

  /// Whether `invisibleName` names it, without making the name: asked of every character of
  /// front matters with full-width punctuation (lead byte EF, as U+FEFF's), the names made
  /// were 3 % of a full build.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0xFEFF, 0x200B, 0x2060, 0x00A0, 0x202F, 0x2000...0x200A: return true
    default: return false
    }
  }

  /// Whether `text` holds one, looking at characters only after their UTF-8 lead bytes (C2
  /// for U+00A0, E2 for U+2000…U+2060, EF for U+FEFF) say it may.
  static func mayHoldInvisible(_ text: some StringProtocol) -> Bool {
    text.utf8.contains { $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }
      && text.unicodeScalars.contains(where: isInvisible)
  }

  /// The first invisible character of line `number`, outside the value of a sentence or a
  /// name (`title`, `summary`: text shown as typed, where a no-break space may be meant):
  /// in a key, an id, a list's item, a status, a date. Its repair: the line with zero-width
  /// ones deleted and the spaces made plain ones. Nil for a line that goes on a value above.
  static func invisibleCharacter(onLine number: Int, in lines: [Substring]) -> YAMLProblem? {
    let line = lines[number - 1]
    guard mayHoldInvisible(line) else { return nil }
    func isInvisible(_ c: Character) -> Bool {
      c.unicodeScalars.contains(where: Self.isInvisible)
    }
    // The line as the hint says to type it: zero-width ones deleted, spaces made plain ones.
    let repaired = String(
      line.compactMap { c -> Character? in
        guard isInvisible(c) else { return c }
        return c.unicodeScalars.contains { [0x200B, 0x2060, 0xFEFF].contains($0.value) } ? nil : " "
      })
    // Its key, and whether its value is text.
    var rest = Substring(repaired).drop { $0 == " " }
    if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
    let key = keyAndValue(rest)?.key
    guard key != nil || Substring(repaired).drop(while: { $0 == " " }).hasPrefix("-") else {
      return nil
    }
    let chars = Array(line)
    guard let index = chars.firstIndex(where: isInvisible) else { return nil }
    if let key, YAMLComments.textKeys.contains(key) {
      // In the text value (after its first visible character) it is the writer's text.
      let colon = chars.firstIndex(of: ":") ?? chars.count
      let valueStart = chars[(colon + 1)...].firstIndex { $0 != " " && !isInvisible($0) }
      if let valueStart, index > valueStart { return nil }
    }
    let scalar = chars[index].unicodeScalars.first(where: Self.isInvisible)!
    let name = invisibleName(scalar)!
    let zeroWidth = [0x200B, 0x2060, 0xFEFF].contains(scalar.value)
    let fix = zeroWidth ? "delete it" : "type a plain space for it"
    let fixJa = zeroWidth ? "消してください" : "ふつうの半角スペースに打ち直してください"
    let inKey = key != nil && index < (chars.firstIndex(of: ":") ?? 0)
    let part = inKey ? "key" : "value"
    let position = index == 0 ? "starts with" : "has"
    let whereJa = index == 0 ? "行の頭に" : "行に"
    let shown = repaired.trimmingSpacesAndNewlines
    let written = code(shown.count > 80 ? shown.prefix(80) + "…" : shown)
    return YAMLProblem(
      line: number, column: index + 1,
      message:
        "the line \(position) an invisible character, \(name.english): to YAML it is part of the \(part), which is then not what it looks like",
      hint:
        "\(fix) (it often comes with text pasted from Word or a web page, and most editors do not show it): \(written)",
      ja: "\(whereJa)、目に見えない文字 \(name.japanese)が入っています。YAML ではこれも文字として読まれるので、見た目どおりの値になりません",
      jaHint: "\(fixJa)（Word やウェブページからコピーした文章についてくることがあり、多くのエディターでは見えません）：\(written)",
      repairedLine: repaired)
  }

  /// A file name's first invisible character, named, and the name without them (spaces made
  /// `-`, as a slug has them): a name the writer's file manager shows as a good slug.
  static func invisibleInFileName(_ name: String) -> (
    english: String, japanese: String, meant: String
  )? {
    guard mayHoldInvisible(name),
      let first = name.unicodeScalars.lazy.compactMap(invisibleName).first
    else { return nil }
    let meant = String(
      String.UnicodeScalarView(
        name.unicodeScalars.compactMap { scalar in
          guard isInvisible(scalar) else { return scalar }
          return [0x200B, 0x2060, 0xFEFF].contains(scalar.value) ? nil : "-"
        }))
    return (first.english, first.japanese, meant)
  }
}
