import ByteFormats
import Content
import Foundation

/// What an event costs, for its schema.org data: search engines show an event's price and where
/// to apply beside it, and the fee residents read (`fee: 無料`, `fee: 500円`) says it already.
/// Only a fee that is plainly a price becomes one; 「資料代として500円」 or 「一部有料」 say more
/// than a number can, and are left to the page.
struct EventOffer: Equatable, Sendable {
  /// Yen; 0 when free.
  var price: Int
  /// Where to apply: the form, else the event's page.
  var url: String
  /// When registration closes, ISO 8601.
  var validThrough: String?

  /// Nil when the fee is missing or is not plainly a price.
  init?(_ m: EventMeta, pageURL: String) {
    guard let fee = m.fee, let price = Self.yen(fee) else { return nil }
    self.price = price
    self.url = m.registration ?? pageURL
    self.validThrough = m.needsApplication ? m.registrationCloses?.description : nil
  }

  init(price: Int, url: String, validThrough: String?) {
    self.price = price
    self.url = url
    self.validThrough = validThrough
  }

  /// 無料 (alone or with a note in brackets: 無料（要申込）) is 0; digits with 円 (full-width
  /// digits and commas too: １，０００円) are their value; anything else nil.
  static func yen(_ fee: String) -> Int? {
    // Foundation's trim (a tenth of an event page's context) only where an end may be a space.
    let text =
      notSpace(fee.unicodeScalars.first) && notSpace(fee.unicodeScalars.last)
      ? fee : fee.trimmingCharacters(in: .whitespaces)
    if text == "無料" || text.hasPrefix("無料（") || text.hasPrefix("無料(") { return 0 }
    guard text.hasSuffix("円") else { return nil }
    var value = 0
    var digits = 0
    for scalar in text.unicodeScalars.dropLast() {
      switch scalar.value {
      case 0x30...0x39: value = value * 10 + Int(scalar.value - 0x30)
      case 0xFF10...0xFF19: value = value * 10 + Int(scalar.value - 0xFF10)
      case 0x2C, 0xFF0C: continue
      default: return nil
      }
      digits += 1
      if digits > 9 { return nil }
    }
    return digits > 0 ? value : nil
  }

  /// Whether `scalar` is surely outside `CharacterSet.whitespaces`: printable ASCII but the
  /// space, and the CJK, kana and full-width letters a fee starts and ends with (円, 料, １);
  /// not the ideographic space U+3000. Any other scalar is left to Foundation.
  static func notSpace(_ scalar: Unicode.Scalar?) -> Bool {
    guard let v = scalar?.value else { return false }
    return (0x21...0x7E).contains(v) || (0x3001...0x9FFF).contains(v)
      || (0xFF01...0xFF5E).contains(v)
  }

  /// The `offers` object, keys in the order the rest of the data is written (sorted).
  func write(into j: inout JSONBytes) {
    j.raw("{")
    j.pair("@type", "Offer")
    j.raw(",\"price\":\(price),")
    j.pair("priceCurrency", "JPY")
    j.raw(",")
    j.pair("url", url)
    if let validThrough {
      j.raw(",")
      j.pair("validThrough", validThrough)
    }
    j.raw("}")
  }
}
