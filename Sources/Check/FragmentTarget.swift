import Diagnostics
import Foundation

/// The page a `#…` link points into, as its writer knows it: its title, its Markdown file and
/// its headings with the ids the build gave them and the lines they are written on. A missing
/// `#…` is then told as the heading meant (「ページ「AI防災」（`content/…/ai.md`）に、見出し
/// 「なにが変わる」はありません」) rather than as an id missing from an HTML file.
struct TargetPage: Sendable, Hashable {
  struct Heading: Sendable, Hashable {
    var id: String
    var text: String
    /// Where the page's Markdown writes it, when the source map knows.
    var line: Int?
  }

  let title: String?
  /// The Markdown file, as shown to the user.
  let source: String?
  private(set) var headings: [Heading] = []
  /// The headings to offer: those of the page's Markdown when the source map knows them (the
  /// template's, the title and 「関係する取組」, are not what a writer links to), else all with
  /// text. Found once for the broken links into a page of thousands of headings.
  private(set) var linkable: [Heading] = []
  /// Each id's first heading.
  private var positions: [String: Int] = [:]

  init(source: String?, title: String? = nil, headings: [Heading] = []) {
    (self.source, self.title, self.headings) = (source, title, headings)
    positions = Dictionary(headings.indices.map { (headings[$0].id, $0) }) { first, _ in first }
    let all = headings.filter { !$0.text.isEmpty }
    let written = all.filter { $0.line != nil }
    linkable = written.isEmpty ? all : written
  }

  /// 「ページ「AI防災」（`content/initiatives/ai.md`）」, or the address when the title is not
  /// known.
  func name(address: String) -> String {
    let file = source.map { "（`\($0)`）" } ?? ""
    if let title, !title.isEmpty { return "ページ「\(title)」\(file)" }
    return "ページ `\(address)`\(file)"
  }

  /// The heading with `id`.
  func heading(id: String) -> Heading? { positions[id].map { headings[$0] } }
}

/// Target pages read once each, when a missing `#…` needs them (rarely: only for problems).
/// Shared by the pages checked at once; a broken link in a template asks for the same page
/// from every page.
final class TargetPages: Sendable {
  private let attributor: Attributor
  private let known = Memo<TargetPage>()

  init(attributor: Attributor) { self.attributor = attributor }

  /// The page at `file` (relative to the site folder).
  func page(_ file: String) -> TargetPage {
    known.value(for: file) { read(file) }
  }

  private func read(_ file: String) -> TargetPage {
    let place = attributor.forPage(file)
    let entry = place.entry
    let source = entry?.source.map(attributor.displaySource)
    guard let bytes = SiteChecker.read(attributor.site, file) else {
      return TargetPage(source: source)
    }
    let d = HTMLDocument(bytes)
    let names = AccessibleName(d)
    func text(_ e: Int) -> String { names.trimmed(d.textContent(of: e)) }
    let title = d.all("h1").first.map(text) ?? d.all("title").first.map { d.textContent(of: $0) }
    // The line of each heading text's first writing.
    var lines: [String: Int] = [:]
    for heading in entry?.headings ?? [] {
      let text = place.normalized(heading.text)
      if lines[text] == nil { lines[text] = heading.line }
    }
    var headings: [TargetPage.Heading] = []
    for e in d.elements.indices {
      guard let id = d.attribute("id", of: e), !id.isEmpty, let h = Self.heading(enclosing: e, d)
      else { continue }
      let shown = text(h)
      headings.append(.init(id: id, text: shown, line: lines[place.normalized(shown)]))
    }
    return TargetPage(source: source, title: title, headings: headings)
  }

  /// The heading element `e` is or is inside (`<h2><span id>`).
  private static func heading(enclosing e: Int, _ d: HTMLDocument) -> Int? {
    var i = e
    while i > 0 {
      let name = d[i].name
      if name.count == 2, name.first == "h", let level = Int(name.dropFirst()),
        (1...6).contains(level)
      {
        return i
      }
      i = d[i].parent
    }
    return nil
  }
}

/// The Japanese words of `link.fragment`, in the writer's terms: which heading of which page
/// the link points to, and what to write instead.
enum FragmentWords {
  /// `url` is the link as written (shown decoded), `fragment` what follows its `#`.
  static func japanese(
    url: String, fragment: String, suggestion: String?, page: TargetPage?, redirect: Bool
  ) -> Diagnostic.Japanese {
    let hash = url.firstIndex(of: "#") ?? url.endIndex
    let address = String(url[..<hash])
    let target = page?.name(address: address.isEmpty ? url : address) ?? "リンク先のページ"
    let what = redirect ? "案内先" : "リンク先"
    let message =
      "\(what) `\(url)` は、\(target)の見出し「\(fragment)」を指していますが、そのページにこの見出しはありません"
    let rule = "見出しへのリンク（# の後ろ）には、見出しの文字を書きます。"
    let top = "ページの先頭へのリンクでよいなら、# から後ろを消してください"
    if let suggestion {
      // Only what follows `#`: the Markdown may link the page by its file
      // (`../initiatives/x.md#…`), which stays as written.
      let fixed = "の `#\(fragment)` を `#\(suggestion)`"
      if let heading = page?.heading(id: suggestion) {
        let at =
          heading.line.map { line in
            page?.source.map { "（`\($0)` の\(JapaneseCount.digits(line))行目）" } ?? ""
          } ?? ""
        return .init(
          message: message,
          hint:
            "見出し「\(heading.text)」\(at)へのリンクなら、\(Spot.here)の\(what)\(fixed) に直してください。\(rule)\(top)"
        )
      }
      return .init(
        message: message,
        hint: "`#\(suggestion)` のまちがいなら、\(Spot.here)の\(what)\(fixed) に直してください。\(top)")
    }
    let headings = page?.linkable ?? []
    guard !headings.isEmpty else {
      return .init(
        message: message,
        hint: "そのページには、リンクできる見出しがありません。\(Spot.here)の\(what)の # から後ろを消して、ページの先頭へリンクしてください")
    }
    let listed = headings.prefix(5).map { "「\($0.text)」は `#\($0.id)`" }.joined(separator: "、")
    let more = headings.count > 5 ? "、ほかに見出し\(JapaneseCount.things(headings.count - 5))" : ""
    return .init(
      message: message,
      hint:
        "\(rule)\(Spot.here)の\(what)の # の後ろを、そのページの見出しに合わせて直してください（\(listed)\(more)）。\(top)"
    )
  }
}
