import Diagnostics
import Foundation

/// Build-time accessibility rules on one generated page: the problems a template or a writer
/// can cause that automated browser tests would otherwise catch only on the pages they visit.
enum AccessibilityRules {
  /// Link texts that say nothing about the destination, compared after trimming, lower-cased:
  /// the list `portal lint` uses too.
  static let vagueTexts = VagueLinkText.phrases

  static func check(_ d: HTMLDocument, page: String, isRedirect: Bool, at a: inout PageAttribution)
    -> [Finding]
  {
    var findings: [Finding] = []
    /// `ja` is the message in Japanese, `jaHint` the hint when it is not the rule's.
    func report(
      _ rule: String, _ placement: Placement, _ message: String, hint: String? = nil, ja: String,
      jaHint: String? = nil
    ) {
      let r = RuleCatalog.rule(rule)
      findings.append(
        Finding(
          page: page, r.severity, placement, message, hint: hint ?? r.hint, code: rule,
          japanese: .init(message: ja, hint: jaHint ?? r.japaneseHint)))
    }
    let names = AccessibleName(d)

    // <html lang>
    let html = d.all("html").first
    let lang = html.flatMap { d.attribute("lang", of: $0) }?.trimmingCharacters(in: .whitespaces)
    if lang?.isEmpty ?? true {
      report(
        "a11y.html-lang", a.template(needles: ["<html"], offset: html.map { d[$0].offset } ?? 0),
        lang == nil ? "<html> has no lang attribute" : "<html> has an empty lang attribute",
        ja: lang == nil
          ? "ページの言語が書かれていません。`<html>` に `lang=\"ja\"` がありません"
          : "ページの言語が空です。`<html>` の `lang` が `lang=\"\"` になっています")
    }

    // Images without alt.
    for img in d.all("img") where d.attribute("alt", of: img) == nil {
      let src = d.attribute("src", of: img) ?? ""
      let placement =
        a.nextLink(src, image: true)
        ?? a.template(needles: ["src=\"\(src)\"", "<img"], offset: d[img].offset, inSource: true)
      report(
        "a11y.img-alt", placement,
        "image \(src.isEmpty ? "(no src)" : URLResolver.display(src)) has no alt attribute",
        ja:
          "画像\(src.isEmpty ? "" : " `\(URLResolver.display(src))` ")に、何が写っているかを説明する文（代わりのテキスト、`alt`）がありません"
      )
    }

    // Headings: one h1, no skipped levels.
    var previous = 1
    var h1Count = 0
    for e in d.elements.indices {
      let name = d[e].name
      guard name.count == 2, name.first == "h", let level = Int(name.dropFirst()),
        (1...6).contains(level)
      else { continue }
      let text = names.trimmed(d.textContent(of: e))
      func placement() -> Placement {
        a.heading(level: level, text: text)
          ?? a.template(needles: ["<h\(level)"], offset: d[e].offset, inSource: true)
      }
      if level == 1 {
        h1Count += 1
        if h1Count > 1 {
          let at = placement()
          report(
            "a11y.h1-multiple", at, "a second <h1> 「\(text)」 on the page",
            ja: at.isMarkdown
              ? "見出し「\(text)」が、ページの題名と同じ一番大きな見出し（`#`）になっています。一番大きな見出しは、一つのページに一つだけです"
              : "ページに、二つ目の一番大きな見出し（`<h1>`）「\(text)」があります。一番大きな見出しは、一つのページに一つだけです",
            jaHint: at.isMarkdown
              ? nil
              : "\(Spot.here)の `<h1>` を `<h2>` にしてください。一番大きな見出しは、ページの題名だけに使います")
        }
      } else if level > previous + 1 {
        let at = placement()
        let marks = { (n: Int) in
          at.isMarkdown ? "`\(String(repeating: "#", count: n))`" : "`<h\(n)>`"
        }
        report(
          "a11y.heading-order", at,
          "heading <h\(level)> 「\(text)」 skips a level: the previous heading is <h\(previous)>",
          hint:
            "make it <h\(previous + 1)> (\(String(repeating: "#", count: previous + 1)) in Markdown); screen reader users move through a page by its heading levels",
          ja:
            "見出し「\(text)」（\(marks(level))）は、前の見出し（\(marks(previous))）から段を飛ばしています",
          jaHint:
            "\(Spot.here)の見出しを \(marks(previous + 1)) \(at.isMarkdown ? "で始めて" : "に")\(at.isMarkdown ? "" : "して")ください。読み上げソフトを使う人は、見出しの段をたどってページの中を移動します"
        )
      }
      previous = level
    }
    if h1Count == 0 && !isRedirect && html != nil {
      report(
        "a11y.h1-missing", a.template(needles: ["<h1", "<main"], offset: 0), "the page has no <h1>",
        ja: "ページの題名の見出し（一番大きな見出し、`<h1>`）がありません")
    }

    // Links and buttons: a name, and one that says where the link goes.
    for e in d.all("a") {
      guard let href = d.attribute("href", of: e) else { continue }
      let name = names.name(of: e)
      if name.isEmpty {
        let placement =
          a.nextLink(href, image: false)
          ?? a.template(
            needles: ["href=\"\(href)\""], offset: d.attributeOffset("href", of: e), inSource: true)
        report(
          "a11y.empty-link", placement,
          "link to \(URLResolver.display(href)) has no text a screen reader can announce",
          ja: "`\(URLResolver.display(href))` へのリンクに文字がありません。読み上げソフトでは、どこへのリンクかがわかりません")
      } else if name.utf8.count <= 64, isVague(name) {
        let placement =
          a.nextLink(href, image: false, text: name)
          ?? a.template(
            needles: ["href=\"\(href)\""], offset: d.attributeOffset("href", of: e), inSource: true)
        report(
          "a11y.vague-link", placement,
          "link text 「\(name)」 does not say where the link goes (\(URLResolver.display(href)))",
          ja: "リンクの文字「\(name)」では、どこへ移動するのかがわかりません（リンク先 `\(URLResolver.display(href))`）")
      }
    }
    for e in d.elements.indices
    where d[e].name == "button" || (d.attribute("role", of: e) == "button" && d[e].name != "input")
    {
      if names.name(of: e).isEmpty {
        report(
          "a11y.empty-button",
          a.template(needles: ["<button"], offset: d[e].offset, inSource: true),
          "<\(d[e].name)> has no text a screen reader can announce",
          ja: "ボタン（`<\(d[e].name)>`）に文字がありません。読み上げソフトでは、何のボタンかがわかりません")
      }
    }

    // Form fields need a label a screen reader can announce (WCAG 1.3.1, 4.1.2).
    let labelled = Set(d.all("label").compactMap { d.attribute("for", of: $0) })
    for e in d.elements.indices
    where ["input", "select", "textarea"].contains(d[e].name) {
      let type = d.attribute("type", of: e)?.lowercased() ?? "text"
      guard d[e].name != "input" || !Self.unlabelledInputTypes.contains(type) else { continue }
      let named = ["aria-label", "aria-labelledby", "title"].contains {
        !(d.attribute($0, of: e) ?? "").trimmingCharacters(in: .whitespaces).isEmpty
      }
      if named || d.hasAncestor(e, named: "label") { continue }
      if let id = d.attribute("id", of: e), labelled.contains(id) { continue }
      report(
        "a11y.form-label",
        a.template(needles: ["<\(d[e].name)"], offset: d[e].offset, inSource: true),
        "<\(d[e].name)\(d[e].name == "input" ? " type=\"\(type)\"" : "")> has no label",
        ja:
          "入力欄 `<\(d[e].name)\(d[e].name == "input" ? " type=\"\(type)\"" : "")>` に、何を入れる欄かを示す名前（ラベル）がありません"
      )
    }

    // Tables need header cells, unless marked as layout.
    for t in d.all("table") {
      let role = d.attribute("role", of: t)
      guard role != "presentation" && role != "none" else { continue }
      if !d.descendants(of: t).contains(where: { d[$0].name == "th" }) {
        let placement = a.template(needles: ["<table"], offset: d[t].offset, inSource: true)
        // A table a template writes is HTML: no `|---|` to add there.
        report(
          "a11y.table-header", placement, "table has no header cells (<th>)",
          hint: placement.isTemplate
            ? "make the cells of its first row header cells (<th scope=\"col\">…</th>, in a <thead>) so each cell is announced with its column; or, for a table only for layout, add role=\"presentation\""
            : nil,
          ja: "表に見出しの行がありません",
          jaHint: placement.isTemplate
            ? "\(Spot.here)の表の1行目のセルを見出しのセル（`<thead>` の中の `<th scope=\"col\">…</th>`）にしてください。そうすれば、どのセルも列の見出しと一緒に読み上げられます。見た目を整えるためだけの表なら、`role=\"presentation\"` を付けてください"
            : nil)
      }
    }

    // Ids must be unique.
    var seen: [String: Int] = [:]
    for e in d.elements.indices {
      guard let id = d.attribute("id", of: e), !id.isEmpty else { continue }
      seen[id, default: 0] += 1
      guard seen[id]! > 1 else { continue }
      var placement: Placement?
      var headingText: String?
      if let heading = headingLevel(enclosing: e, in: d) {
        headingText = names.trimmed(d.textContent(of: heading.index))
        placement = a.heading(level: heading.level, text: headingText ?? "")
      }
      let at =
        placement
        ?? a.template(
          needles: ["id=\"\(id)\""], offset: d.attributeOffset("id", of: e), inSource: true)
      report(
        "a11y.duplicate-id", at, "id \"\(id)\" is used more than once on the page",
        ja: "ページの中の目印（id）`\(id)` が、二つ以上の場所に付いています",
        jaHint: placement != nil && at.isMarkdown
          ? "\(Spot.here)の見出し「\(headingText ?? "")」の文字を、ほかの見出しと違う文字にしてください。同じ目印が二つあると、その目印へのリンク（`#\(id)`）では最初の場所にしか移動しません"
          : nil)
    }
    return findings
  }

  /// Inputs named by their value or not shown: they need no label.
  static let unlabelledInputTypes: Set<String> = ["hidden", "submit", "reset", "button", "image"]

  /// The longest vague text in bytes: a longer name is not one, with any trimming.
  private static let longestVague = vagueTexts.map(\.utf8.count).max()!

  /// The first characters of the vague texts: most names start with none of them, and are
  /// passed over without lower-casing and hashing (for 600,000 links at 10,000 pages).
  private static let vagueStarts = Set(vagueTexts.compactMap { $0.unicodeScalars.first?.value })

  static func isVague(_ name: String) -> Bool {
    let scalars = name.unicodeScalars
    guard let first = scalars.first(where: { !isEdge($0) }) else { return false }
    let lowered = first.isASCII && first.properties.isAlphabetic ? first.value | 0x20 : first.value
    guard vagueStarts.contains(lowered) else { return false }
    let text = normalizedLinkText(name, upTo: longestVague)
    return !text.isEmpty && vagueTexts.contains(text)
  }

  /// Trimmed, lower-cased, with surrounding arrows and punctuation removed, so "こちら。" and
  /// "Read more »" are still recognized. With `limit`, an empty string when the trimmed text
  /// is longer than that many bytes.
  static func normalizedLinkText(_ text: String, upTo limit: Int = .max) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isEdge($0) }),
      let last = scalars.lastIndex(where: { !isEdge($0) })
    else { return "" }
    let trimmed = scalars[first...last]
    if limit < .max, text.utf8[first..<scalars.index(after: last)].count > limit { return "" }
    return String(trimmed).lowercased()
  }

  /// Whitespace, punctuation and symbols by Unicode category. (Foundation's sets of these took
  /// a tenth of a check of 10,000 pages, and follow older Unicode tables on Linux.)
  @inline(__always)
  private static func isEdge(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    if v <= 0x20 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
    if v < 0x7F {
      // Every printable ASCII character but letters and digits.
      return !((v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A))
    }
    if v == 0x85 { return true }
    // Kanji, and hiragana and katakana letters: most link texts start and end with one.
    if (0x4E00...0x9FFF).contains(v) || (0x3041...0x3096).contains(v)
      || (0x30A1...0x30FA).contains(v)
    {
      return false
    }
    switch u.properties.generalCategory {
    case .spaceSeparator, .lineSeparator, .paragraphSeparator, .connectorPunctuation,
      .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol,
      .otherSymbol:
      return true
    default:
      return false
    }
  }

  /// The heading an element is (or is inside, like `<h2><span id>`), for source positions.
  private static func headingLevel(enclosing e: Int, in d: HTMLDocument) -> (
    index: Int, level: Int
  )? {
    var i = e
    while i > 0 {
      let name = d[i].name
      if name.count == 2, name.first == "h", let level = Int(name.dropFirst()),
        (1...6).contains(level)
      {
        return (i, level)
      }
      i = d[i].parent
    }
    return nil
  }
}
