import Content
import Diagnostics
import Foundation
import Markdown

/// A link in a body to a heading (`#…`) of a page of the build, or of its own page (`#概要`).
public struct HeadingLink: Sendable, Hashable {
  /// As written.
  public var url: String
  /// The content path of the page it leads to.
  public var target: String
  /// What follows `#`, decoded: the id the browser looks for.
  public var fragment: String
  public var line: Int
  public var column: Int

  public init(url: String, target: String, fragment: String, line: Int, column: Int) {
    (self.url, self.target, self.fragment) = (url, target, fragment)
    (self.line, self.column) = (line, column)
  }

  /// The link `url` to `target` when it names a heading: none for a bare `#` or `#top`,
  /// which every browser takes as the top of the page.
  public init?(_ url: String, to target: String, line: Int, column: Int) {
    guard let hash = url.firstIndex(of: "#") else { return nil }
    let written = String(url[url.index(after: hash)...])
    let fragment = written.removingPercentEncoding ?? written
    guard !fragment.isEmpty, fragment.lowercased() != "top" else { return nil }
    self.init(url: url, target: target, fragment: fragment, line: line, column: column)
  }
}

extension [HeadingLink] {
  static func += (links: inout [HeadingLink], link: HeadingLink?) {
    if let link { links.append(link) }
  }
}

/// Links to a heading that is not there, found when the site is built instead of by
/// `portal check` after it: every page's anchors (its headings' ids, and ids its HTML
/// gives) and every body's `#…` links are known after resolving, kept in the incremental
/// cache with the body, so each build checks all of them again. A heading renamed in one page
/// is then reported at the links to it in the others, though their bodies are not rendered
/// again.
///
/// A warning, where a link to a missing page is an error: the reader still reaches the page,
/// at its top, and a heading renamed in one page should not stop the build of every other
/// edit. `--strict` fails on it, and `portal check` reports it as an error (`link.fragment`).
public enum HeadingLinks {
  public static let code = "content.heading-link"

  /// The ids of a body: its headings', then those of its HTML (footnotes, a writer's own HTML
  /// with `allow_raw_html`), once each.
  static func anchors(headings: [Heading], html: String) -> [String] {
    var ids = headings.map(\.id)
    // Most bodies give no id of their own: no set of the headings' ids (hashing Japanese
    // text normalises it) is made for them.
    let own = htmlIDs(html)
    guard !own.isEmpty else { return ids }
    // A body has a few of each: compared one by one, as `==` does (a set hashed every id,
    // normalising its Japanese text, 4 % of resolving at 10,000 pages). The same ids, in the
    // same order: `==` is the set's equality.
    if ids.count + own.count <= 32 {
      for id in own where !ids.contains(id) { ids.append(id) }
      return ids
    }
    var seen = Set(ids)
    for id in own where seen.insert(id).inserted { ids.append(id) }
    return ids
  }

  /// The values of ` id="…"` (and of ` name="…"`, which `<a name>` links to) in `html`, on
  /// its bytes (every body is scanned), quoted with `"` or `'`. Found from their `=`, by
  /// `memchr` (`String.find(byte:)`, vectorised), then the name before it: a `memmem` for
  /// each of ` id=` and ` name=` was two passes over every body's HTML (and stepping from
  /// one space to the next, over a copy of the bytes, a tenth of resolving a body).
  static func htmlIDs(_ html: String) -> [String] {
    var html = html
    return html.withUTF8 { bytes in
      var ids: [String] = []
      // Attributes start at `i` or after (past the last value taken); `=` are looked for
      // from `from`.
      var i = 0
      var from = 0
      while let equals = String.find(byte: UInt8(ascii: "="), in: bytes, from: from) {
        from = equals + 1
        let space: Int
        if String.bytes(bytes, hold: Self.id, endingAt: equals) {
          space = equals - Self.id.count
        } else if String.bytes(bytes, hold: Self.name, endingAt: equals) {
          space = equals - Self.name.count
        } else {
          continue
        }
        guard space >= i else { continue }
        i = space + 1
        let at = equals + 1
        guard at < bytes.count, bytes[at] == 0x22 || bytes[at] == 0x27,
          let end = bytes[(at + 1)...].firstIndex(of: bytes[at])
        else { continue }
        let value = UnsafeBufferPointer(rebasing: bytes[(at + 1)..<end])
        ids.append(unescaped(String(decoding: value, as: UTF8.self)))
        i = end + 1
        from = i
      }
      return ids
    }
  }

  private static let id = Array(" id".utf8)
  private static let name = Array(" name".utf8)

  /// The character references `escapeHTML` writes, read back.
  private static func unescaped(_ text: String) -> String {
    // On the bytes: Foundation's `contains` compares Characters, for every id of every body.
    guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
    return text.replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
  }

  /// A warning for each link whose `#…` names no anchor of its page. `themeIDs`: ids the
  /// page's template gives besides the body's (`ThemeIDs`).
  public static func problems(in site: Site, themeIDs: ThemeIDs = ThemeIDs()) -> [Diagnostic] {
    let linking = site.pages.indices.filter { !site.pages[$0].headingLinks.isEmpty }
    guard !linking.isEmpty else { return [] }
    var wanted = Set<String>()
    for i in linking { for l in site.pages[i].headingLinks { wanted.insert(l.target) } }
    var anchorsOf: [String: TargetAnchors] = [:]
    for p in site.pages where wanted.contains(p.page.relativePath) {
      anchorsOf[p.page.relativePath] = TargetAnchors(p.anchors)
    }
    var problems: [Diagnostic] = []
    for i in linking {
      let page = site.pages[i].page
      for link in site.pages[i].headingLinks {
        // A page left out (a draft, …) is reported as a broken link already.
        guard let anchors = anchorsOf[link.target],
          !resolves(link.fragment, anchors: anchors.set, themeIDs: themeIDs)
        else { continue }
        problems.append(problem(link, in: page, anchors: anchors))
      }
    }
    return problems
  }

  /// A linked page's anchors, looked up by each link to it: a page of thousands of headings
  /// and links to it took minutes when each link searched the list.
  final class TargetAnchors {
    let list: [String]
    let set: Set<String>
    /// Made for the first link that names no anchor.
    lazy var candidates = Suggest.Candidates(list)

    init(_ list: [String]) {
      self.list = list
      self.set = Set(list)
    }
  }

  /// Whether every link resolves to an anchor of the body it names (the page's own anchors
  /// for its own `#…`), without the theme's ids: an edit in place (`EditInPlace`) goes the
  /// usual way unless this holds.
  public static func resolve(
    _ links: [HeadingLink], ownPath: String, ownAnchors: [String], in site: Site
  ) -> Bool {
    links.allSatisfy { link in
      let anchors =
        link.target == ownPath
        ? ownAnchors
        : site.pages.first { $0.page.relativePath == link.target }?.anchors ?? []
      return anchors.contains(link.fragment)
    }
  }

  public static func resolves(
    _ fragment: String, anchors: some Collection<String>, themeIDs: ThemeIDs
  ) -> Bool {
    anchors.contains(fragment) || reservedLayoutIDs.contains(fragment)
      || themeIDs.contains(fragment)
  }

  /// The id meant: the heading's text written after `#` as it reads (`#申請の手順（概要）`,
  /// `#Overview`), made an anchor as the build makes it; else the nearest one.
  public static func suggestion(for fragment: String, anchors: [String]) -> String? {
    suggestion(for: fragment, in: Set(anchors)) { Suggest.closest(to: fragment, in: anchors) }
  }

  private static func suggestion(
    for fragment: String, in anchors: Set<String>, nearest: () -> String?
  ) -> String? {
    let made = MarkdownDocument.anchor(for: fragment)
    if made != fragment, anchors.contains(made) { return made }
    return nearest()
  }

  private static func problem(_ link: HeadingLink, in page: Page, anchors target: TargetAnchors)
    -> Diagnostic
  {
    let anchors = target.list
    let at = SourceLocation(file: page.path, line: link.line, column: link.column)
    let own = link.target == page.relativePath
    let address = String(link.url.prefix { $0 != "#" })
    let (whose, whoseJa) =
      own ? ("this page", "このページ") : ("`\(link.target)`", "リンク先の `\(link.target)` ")
    let rule =
      "after `#`, write the heading's text as its anchor is made (spaces and punctuation become `-`, letters lower case), or link to the page without `#…`"
    let ruleJa = "# の後ろには見出しの文字を書きます（スペースや記号は `-` に、英字は小文字になります）。ページの先頭へのリンクでよいなら、# から後ろを消してください"
    var hint: String
    var hintJa: String
    if let near = suggestion(
      for: link.fragment, in: target.set, nearest: { target.candidates.closest(to: link.fragment) })
    {
      hint = "did you mean `\(address)#\(near)`? "
      hintJa = "`\(address)#\(near)` のまちがいではありませんか。"
    } else if anchors.isEmpty {
      hint = "\(whose) has no headings; "
      hintJa = "\(whoseJa)には見出しがありません。"
    } else {
      let shown = anchors.prefix(5).map { "`#\($0)`" }.joined(separator: ", ")
      let more = anchors.count > 5 ? ", …" : ""
      hint = "its anchors are \(shown)\(more); "
      hintJa =
        "見出しへのリンクは \(anchors.prefix(5).map { "`#\($0)`" }.joined(separator: "、"))\(anchors.count > 5 ? " など" : "") です。"
    }
    hint += rule
    hintJa += ruleJa
    return .warning(
      at,
      "the link points to `\(link.url)`, but \(whose) has no heading with the anchor `\(link.fragment)`",
      hint: hint, code: code
    ).ja(
      "リンク `\(link.url)` の見出し「\(link.fragment)」が、\(whoseJa)にありません", hint: hintJa)
  }
}

/// Ids the theme's templates give a page besides its body's (`id="related-heading"`): a link
/// may name them. An id made from a value with a fixed start (`id="term-{{slug}}"`) is any id
/// with that start; one made from a value alone (`id="{{anchor}}"`, list pages' rows) names
/// none that can be known.
public struct ThemeIDs: Sendable, Equatable {
  public var literal: Set<String> = []
  public var prefixes: [String] = []

  public init() {}

  /// The ids written in `templates` (their text).
  public init(templates: [String]) {
    for text in templates {
      for id in HeadingLinks.htmlIDs(text) {
        if let open = id.range(of: "{{") {
          let start = String(id[..<open.lowerBound])
          if !start.isEmpty, !prefixes.contains(start) { prefixes.append(start) }
        } else {
          literal.insert(id)
        }
      }
    }
  }

  public func contains(_ id: String) -> Bool {
    literal.contains(id) || prefixes.contains { id.hasPrefix($0) }
  }
}
