import Diagnostics
import Yams

/// Ways to ask without the website: a phone to call, a fax for residents who cannot hear, an
/// email address and the hours someone answers. JIS X 8341-3 expects a public site to offer a
/// way to ask that does not depend on the site itself, and a resident who cannot use it
/// should not have to write a letter.
public struct ContactDetails: Sendable, Hashable {
  /// As written, with full-width digits made ASCII (`PhoneNumbers`).
  public var phone: String? = nil
  public var fax: String? = nil
  public var email: String? = nil
  /// When someone answers: 「平日 9時から17時まで（土日・祝日・年末年始を除く）」.
  public var hours: String? = nil

  public init(
    phone: String? = nil, fax: String? = nil, email: String? = nil, hours: String? = nil
  ) {
    self.phone = phone
    self.fax = fax
    self.email = email
    self.hours = hours
  }

  /// Whether there is no way written to reach anyone (hours alone reach no one).
  public var isEmpty: Bool { phone == nil && fax == nil && email == nil }

  /// `tel:` and the digits, for a link a phone dials when tapped.
  public var phoneURL: String? { phone.map { "tel:" + PhoneNumbers.digitsOnly($0) } }

  /// `mailto:` and the address.
  public var emailURL: String? { email.map { "mailto:" + $0 } }

  /// The keys of a contact mapping, for the hints of unknown keys.
  static let keys = ["phone", "fax", "email", "hours"]

  /// Reads `phone`, `fax`, `email` and `hours` from `y`, each checked where it is written;
  /// `otherKeys`: the other keys of the mapping an `email` that is no address may belong under.
  static func read(_ y: inout YAMLFields, otherKeys: [String] = ["phone"]) -> ContactDetails {
    ContactDetails(
      phone: PhoneNumbers.number(&y, "phone"), fax: PhoneNumbers.number(&y, "fax"),
      email: email(&y, "email", otherKeys: otherKeys), hours: y.string("hours"))
  }

  /// Warnings at the ways that are examples, for a site published at its real address.
  func checkExamples(_ y: inout YAMLFields, url: String? = nil, who: String) {
    ExampleValues.check(
      &y, values: ["phone": phone, "fax": fax, "email": email, "url": url], who: who)
  }

  /// The address as written, or nil after an error at it when a mail program could not send
  /// to it: a slip found at build time, not by a resident whose mail comes back.
  static func email(_ y: inout YAMLFields, _ key: String, otherKeys: [String] = []) -> String? {
    guard let written = y.string(key) else { return nil }
    let text = written.precomposedStringWithCompatibilityMappingASCII
    guard let (problem, japanese) = emailProblems(text) else { return text }
    let mailto = text.lowercased().hasPrefix("mailto:")
    let meant = meantEmail(text).map { "`\(key): \($0)`" }
    // A web form's address or a phone number: the key it belongs under.
    let other =
      meant == nil ? ContactWays.hint(written, writtenAs: key, among: otherKeys) : nil
    y.error(
      y.node(key)?.mark, "`\(key)` \(problem): `\(written)`",
      hint: other?.english
        ?? (mailto
          ? "write the address alone, without `mailto:` (the link is made from it)"
            + (meant.map { ": \($0)" } ?? "")
          : meant.map { "write the address alone: \($0)" }
            ?? "write one address in half-width letters, e.g. `\(key): dx-portal@pref.chiba.example`"),
      code: "config.email",
      ja: "`\(key)` のメールアドレス `\(written)` は、このままでは送れません。\(japanese)",
      jaHint: other?.japanese
        ?? (mailto
          ? "`mailto:` を付けずに、アドレスだけを書いてください（リンクはそこから作られます）"
            + (meant.map { "：\($0)" } ?? "")
          : meant.map { "アドレスだけを書いてください：\($0)" }
            ?? "アドレスを1つ、半角で書いてください。例: `\(key): dx-portal@pref.chiba.example`"))
    return nil
  }

  /// The address meant by one typed with a sentence's punctuation around it
  /// (`dx@pref.chiba.example。`, `<dx@…>`, `（dx@…）`) or with `mailto:`; nil when taking those
  /// off leaves no address.
  static func meantEmail(_ text: String) -> String? {
    var candidate = text[...]
    if candidate.lowercased().hasPrefix("mailto:") { candidate = candidate.dropFirst(7) }
    candidate = candidate.drop { "<(（「『[ 　".contains($0) }
    while let last = candidate.last, "。、．.,，>)）」』] 　".contains(last) {
      candidate = candidate.dropLast()
    }
    let address = String(candidate)
    return address != text && emailProblems(address) == nil ? address : nil
  }

  /// Why `text` is not one address a mail program sends to, in English and in Japanese.
  static func emailProblems(_ text: String) -> (english: String, japanese: String)? {
    if text.lowercased().hasPrefix("mailto:") {
      return ("starts with `mailto:`", "`mailto:` から始まっています")
    }
    if let other = text.first(where: { !$0.isASCII || $0.isWhitespace || "<>\"(),;:".contains($0) })
    {
      return ("has `\(other)`, which an address does not", "アドレスに使わない `\(other)` が入っています")
    }
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty else {
      return ("is not one address with one `@`", "`@` が1つのアドレスになっていません")
    }
    let domain = parts[1]
    guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."),
      !domain.contains("..")
    else {
      return (
        "has no domain after `@` (such as `pref.chiba.example`)",
        "`@` の後に、`pref.chiba.example` のようなドメインがありません"
      )
    }
    return nil
  }
}

extension String {
  /// Full-width letters, digits and `＠` made half-width, and spaces around trimmed: an address
  /// typed with the input method on.
  fileprivate var precomposedStringWithCompatibilityMappingASCII: String {
    String(
      String.UnicodeScalarView(
        unicodeScalars.map { s in
          (0xFF01...0xFF5E).contains(s.value) ? Unicode.Scalar(s.value - 0xFEE0)! : s
        })
    ).trimmingSpacesAndNewlines
  }
}
