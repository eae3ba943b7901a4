import Diagnostics
import Foundation

/// A way to ask written under the key of another (site.yml's `contact:`): a mail address as
/// the contact page's `url`, a web form's address as `email`, `tel:` before a number. Each
/// value is read by its own key's reader (`Addresses`, `ContactDetails.emailProblems`,
/// `PhoneNumbers`); the hint then names the key it belongs under, with the value as that
/// reader takes it, instead of an example of this key.
enum ContactWays {
  /// The key `text` belongs under and its value there; nil when it is none of `keys`' ways
  /// (`url`, `email`, `phone`), or already one of `written`'s.
  static func meant(_ text: String, among keys: [String], notAs written: String) -> (
    key: String, value: String
  )? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    for key in keys where key != written {
      if let value = value(trimmed, as: key) { return (key, value) }
    }
    return nil
  }

  /// `text` as a value of `key`, if that key's reader takes it (after the slips it knows).
  static func value(_ text: String, as key: String) -> String? {
    switch key {
    case "url":
      if Addresses.problems(text, allowed: .web) == nil { return text }
      // `www.pref.chiba.example/form/`, `https//…`, full-width: what `base_url` is told too.
      return Addresses.meant(text, allowed: .web)
    case "email":
      let half = text.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? text
      if ContactDetails.emailProblems(half) == nil { return half }
      return ContactDetails.meantEmail(half)
    case "phone", "fax":
      // As `PhoneNumbers.number` reads one: full-width digits and brackets made ASCII.
      var number = text.nfkc
      if number.lowercased().hasPrefix("tel:") { number = String(number.dropFirst(4)) }
      number = String(number.map { PhoneNumbers.dashes.contains($0) ? "-" : $0 })
      return PhoneNumbers.problems(number) == nil ? number : nil
    default:
      return nil
    }
  }

  /// The hint for `text`, written as `key`, when it belongs under another of `keys`, in
  /// English and Japanese; `owner` is how the mapping is written (`contact:`), for a value
  /// written alone where the mapping is meant (`contact: dx@pref.chiba.example`).
  static func hint(
    _ text: String, writtenAs key: String, among keys: [String], owner: String? = nil
  ) -> (english: String, japanese: String)? {
    guard let (other, value) = meant(text, among: keys, notAs: key) else { return nil }
    let what = ["url": "a web address", "email": "a mail address"][other] ?? "a phone number"
    let whatJa = ["url": "ウェブのアドレス", "email": "メールアドレス"][other] ?? "電話番号"
    guard let owner else {
      return (
        "this is \(what), which goes under `\(other)`: `\(other): \(value)`",
        "これは\(whatJa)なので、`\(other)` に書いてください：`\(other): \(value)`"
      )
    }
    let lines = "\(owner)\n  \(other): \(value)"
    return (
      "this is \(what), which goes under `\(other)`:\n\(lines)",
      "これは\(whatJa)なので、`\(other)` に書いてください:\n\(lines)"
    )
  }
}
