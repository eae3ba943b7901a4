import Foundation

/// Whether a page shows furigana, for `page.has_furigana`: the layout renders the ふりがな
/// buttons shown on such pages, so the button is in the first frame a browser paints. Shown by
/// portal.js at DOMContentLoaded, it came after Chromium had painted a long page's header, and
/// the header's row could change under the reader (a layout shift).
///
/// Two steps, so the value is what the page shows and a page is rarely rendered twice:
/// `guess` reads the context's HTML values (the body, the `_html` keys: where `Furigana.html`
/// and the writer's own `<ruby>` put ruby), and `Renderer` checks the rendered page with
/// `inHTML`, rendering it again with the value corrected where a theme left such a value out
/// (a card's `summary_html` it does not print) or printed ruby of its own.
enum FuriganaShown {
  /// The page's key.
  static let key = "has_furigana"

  /// Whether the page's own HTML values (`page.title_html`, `body`, `summary_html`,
  /// `place_html`…) or a listed page's title (`title_html` in a card, which every list
  /// prints) hold a ruby element. A card's summary or place is left to the check after
  /// rendering: some lists print them, others (an initiative's events, a term's pages) do not.
  static func guess(_ context: TemplateContext) -> Bool {
    context.contains { key, value in holdsRuby(key, value, top: true) }
  }

  /// Works out once what `guess` asks of `context` wherever it is not the page's own
  /// dictionary (a kept card: on every page that lists it), and keeps it in the context.
  static func remember(_ context: inout TemplateContext) {
    context.rememberRubyBelowTop(
      context.contains { key, value in holdsRuby(key, value, top: false) })
  }

  /// `TemplateVocabulary.html` as a list: six short names compared are cheaper than a hash
  /// of each of a page's forty keys.
  private static let htmlKeys = Array(TemplateVocabulary.html)

  private static func holdsRuby(_ key: String, _ value: TemplateValue, top: Bool) -> Bool {
    switch value {
    case .text(let s):
      (top ? htmlKeys.contains(key) : key == "title_html") && inHTML(s)
    case .bool: false
    case .dict(let d):
      if d.rubyBelowTop != 0 && !(top && key == "page") {
        d.rubyBelowTop == 2
      } else {
        d.contains { k, v in holdsRuby(k, v, top: top && key == "page") }
      }
    case .list(let items): items.contains { holdsRuby(key, $0, top: false) }
    }
  }

  /// Whether `html` has a `<ruby>` element (`<ruby>` or `<ruby class=…>`, any case). Escaped
  /// text (`&lt;ruby&gt;` in a code block) is not one.
  static func inHTML(_ html: String) -> Bool {
    var html = html
    return html.withUTF8 { inHTML($0) }
  }

  /// `inHTML` of a page's bytes as rendered.
  static func inHTML(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = bytes.count
    guard let base = bytes.baseAddress else { return false }
    var i = 0
    while i + 5 < n {
      // From one `<` to the next (memchr): a page is tens of KB, and every page is asked.
      guard let lt = memchr(base + i, Int32(UInt8(ascii: "<")), n - 5 - i) else { return false }
      i = base.distance(to: lt.assumingMemoryBound(to: UInt8.self))
      if bytes[i + 1] | 0x20 == UInt8(ascii: "r"),
        bytes[i + 2] | 0x20 == UInt8(ascii: "u"), bytes[i + 3] | 0x20 == UInt8(ascii: "b"),
        bytes[i + 4] | 0x20 == UInt8(ascii: "y")
      {
        let next = bytes[i + 5]
        if next == UInt8(ascii: ">") || next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
          || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r") || next == UInt8(ascii: "/")
        {
          return true
        }
      }
      i += 1
    }
    return false
  }

  /// `context` with `page.has_furigana` set to `shown`.
  static func setting(_ shown: Bool, in context: TemplateContext) -> TemplateContext {
    var context = context
    set(shown, in: &context)
    return context
  }

  /// Sets `page.has_furigana` to `shown` in place. The page's dictionary is taken out first
  /// (its place holds a flag meanwhile), so it has one owner and is changed where it lies.
  static func set(_ shown: Bool, in context: inout TemplateContext) {
    var page: TemplateContext = [:]
    if case .dict(let d) = context["page"] {
      page = d
      context["page"] = .bool(false)
    }
    page[key] = .bool(shown)
    context["page"] = .dict(page)
  }
}
