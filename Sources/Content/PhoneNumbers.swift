import Foundation

/// Japanese phone and fax numbers as writers type them (043-223-2222, ０４３（２２３）２２２２,
/// 0120-123-456), checked so a resident who taps or dials one reaches someone: a digit too few
/// is found at build time, not by a caller.
enum PhoneNumbers {
  /// The number as written with full-width digits and brackets made ASCII; nil (after an error
  /// at the value) when it is not one.
  static func number(_ y: inout YAMLFields, _ key: String) -> String? {
    guard let written = y.string(key) else { return nil }
    let text = String(
      written.precomposedStringWithCompatibilityMapping.map { dashes.contains($0) ? "-" : $0 }
    ).trimmingSpacesAndNewlines
    guard let (problem, japanese) = problems(text) else { return text }
    // An extension is not dialled: the number had its area code, and the generic hint said
    // to add one.
    let extensionWritten = ["内線", "ext", "EXT", "Ext"].contains { text.contains($0) }
    // `043-223-2222（代表）`: a number and words after it; the number is the one to write.
    // `tel:043-223-2222`, copied from a link: the number after it.
    let number = (leadingNumber(text) ?? ContactWays.value(text, as: key)).map {
      "`\(key): \($0)`"
    }
    y.error(
      y.node(key)?.mark, "`\(key)` \(problem): `\(written)`",
      hint: extensionWritten
        ? "write the number alone (`\(key): 043-223-2222`) and the extension (内線) in the page's text"
        : number.map { "write the number alone: \($0)" }
          ?? "write the number with its area code, e.g. `\(key): 043-223-2222`",
      code: "front-matter.phone",
      ja: "`\(key)` の番号 `\(written)` は、このままではかけられません。\(japanese)",
      jaHint: extensionWritten
        ? "番号だけを書き（`\(key): 043-223-2222`）、内線はページの本文に書いてください"
        : number.map { "番号だけを書いてください：\($0)" }
          ?? "市外局番から書いてください。例: `\(key): 043-223-2222`")
    return nil
  }

  /// Dashes typed between a number's parts: a katakana long vowel mark (ー, and ｰ made it by
  /// the compatibility mapping), minus, hyphens and dashes of word processors and input methods
  /// (‐ U+2010 is what many Japanese input methods give for a hyphen).
  static let dashes: Set<Character> = ["ー", "−", "‐", "‑", "‒", "–", "—", "―", "⁃", "﹣"]

  /// The number `text` starts with, when words follow it (`043-223-2222 (代表)`): nil when
  /// nothing follows or the start is no number to dial.
  static func leadingNumber(_ text: String) -> String? {
    let start = text.prefix { $0.isASCIIDigit || $0 == "-" || $0 == " " || $0 == "(" }
    let number = String(start.reversed().drop { $0 == "(" || $0 == " " || $0 == "-" }.reversed())
    guard number.count < text.count, problems(number) == nil else { return nil }
    return number
  }

  /// Why `text` is not a number one can dial in Japan, or nil when it is.
  static func problem(_ text: String) -> String? { problems(text)?.english }

  /// The same in English and in Japanese (a sentence of its own), for `Diagnostic.ja`.
  static func problems(_ text: String) -> (english: String, japanese: String)? {
    let allowed = Set("0123456789-() ")
    if let other = text.first(where: { !allowed.contains($0) }) {
      return ("has `\(other)`, which a phone number does not", "電話番号に使わない `\(other)` が入っています")
    }
    let digits = digitsOnly(text)
    guard digits.first == "0" else {
      return ("does not start with 0 (the area code)", "0（市外局番）から始まっていません")
    }
    // Fixed lines and 0120/0800/0570 numbers have 10 digits, mobiles and IP phones 11.
    guard digits.count == 10 || digits.count == 11 else {
      return (
        "has \(digits.count) digits (a number in Japan has 10 or 11)",
        "数字が\(digits.count)桁です（日本の番号は10桁か11桁です）"
      )
    }
    return nil
  }

  /// The digits alone, for a `tel:` link.
  static func digitsOnly(_ text: String) -> String { text.filter(\.isASCIIDigit) }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
