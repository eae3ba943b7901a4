import Diagnostics

/// What one URL on a page leads to. Independent of where the URL was written, so results are
/// reused for the same URL on other pages.
enum LinkOutcome: Sendable, Hashable {
  case ok
  case external(String)
  case missing(file: String, suggestion: String?)
  /// A folder linked without the final `/`: works only through a server redirect.
  case folder
  case missingFragment(fragment: String, target: String, suggestion: String?)
  /// A fragment on another page, decided once every page's ids are known.
  case pendingFragment(file: String, fragment: String)
  case outside
  /// A root-relative link outside the base path whose address, with the base path put back,
  /// is a file of the site: the base path forgotten (a template's `/events/` on a site at
  /// `/dx/`).
  case withoutBasePath(String)
}

/// Checks internal URLs against the site's files and ids, following redirect stubs for
/// fragments, since `/old/#section` works when `/old/` redirects to a page with that id.
struct LinkChecker: Sendable {
  let index: SiteIndex
  let resolver: URLResolver

  init(index: SiteIndex) {
    self.index = index
    self.resolver = URLResolver(base: index.base)
  }

  /// `ownIDs` are the ids of `page` itself; with `allIDs` false, fragments on other pages are
  /// left pending because their ids are not known yet.
  func outcome(_ raw: String, from page: String, ownIDs: Set<String>, allIDs: Bool) -> LinkOutcome {
    switch resolver.resolve(raw, from: page) {
    case .skipped: return .ok
    case .external(let url): return .external(url)
    case .outside: return .outside
    case .outsideBase(let file, let written, let external):
      // Another page of the host, unless the site has the file the address names once the
      // base path is put back.
      if let file, index.files.contains(file) || index.files.contains(file + "/index.html") {
        return .withoutBasePath(written)
      }
      return external.map { .external($0) } ?? .outside
    case .local(let file, let path, let fragment):
      guard index.files.contains(file) else {
        if !file.hasSuffix("index.html"), index.files.contains(file + "/index.html") {
          return .folder
        }
        return .missing(file: file, suggestion: index.suggestion(for: path.isEmpty ? file : path))
      }
      guard let fragment, !fragment.isEmpty, isPage(file) else { return .ok }
      if file == page, ownIDs.contains(fragment) { return .ok }
      if file != page && !allIDs { return .pendingFragment(file: file, fragment: fragment) }
      return fragmentOutcome(
        file: file, fragment: fragment, ids: file == page ? ownIDs : nil, hops: 0)
    }
  }

  func fragmentOutcome(file: String, fragment: String, ids given: Set<String>? = nil, hops: Int = 0)
    -> LinkOutcome
  {
    let ids = given ?? index.ids[file] ?? []
    if ids.contains(fragment) || fragment.lowercased() == "top" { return .ok }
    if hops < 5, let redirect = index.redirects[file],
      case .local(let next, _, let nextFragment) = resolver.resolve(redirect, from: file),
      index.files.contains(next), isPage(next)
    {
      return fragmentOutcome(file: next, fragment: nextFragment ?? fragment, hops: hops + 1)
    }
    return .missingFragment(
      fragment: fragment, target: file, suggestion: Suggest.closest(to: fragment, in: ids.sorted()))
  }

  private func isPage(_ file: String) -> Bool { file.hasSuffix(".html") || file.hasSuffix(".htm") }

  /// The problem to report for an outcome, or nil when there is none.
  static func problem(_ outcome: LinkOutcome, _ reference: Reference) -> Problem? {
    if case .ok = outcome { return nil }
    let url = URLResolver.display(reference.url)
    let kind = reference.kind
    switch outcome {
    case .ok, .external, .pendingFragment: return nil
    case .missing(let file, let suggestion):
      let what: String
      let whatJa: String
      switch kind {
      case .link, .frame: (what, whatJa) = ("link to \(url) is broken", "リンク先 `\(url)` が見つかりません")
      case .form: (what, whatJa) = ("form action \(url) is broken", "フォームの送信先 `\(url)` が見つかりません")
      case .redirect: (what, whatJa) = ("redirect to \(url) is broken", "転送先 `\(url)` が見つかりません")
      default:
        (what, whatJa) = ("\(kind.noun) \(url) is missing", "\(kind.japaneseNoun) `\(url)` がありません")
      }
      let rule = RuleCatalog.rule(kind.code)
      return Problem(
        rule.severity, "\(what): the site has no \(file)",
        hint: suggestion.map { "did you mean \($0)?" } ?? rule.hint, code: rule.id,
        ja: "\(whatJa)：サイトに `\(file)` がありません",
        jaHint: suggestion.map { "`\($0)` のまちがいではありませんか。" } ?? rule.japaneseHint)
    case .folder:
      let rule = RuleCatalog.rule("link.folder")
      return Problem(
        rule.severity, "link to \(url) leads to a folder without the final /",
        hint: "write \(slashed(url)) so the server does not have to redirect", code: rule.id,
        ja: "リンク先 `\(url)` はフォルダーですが、最後に `/` がありません",
        jaHint: "`\(slashed(url))` と書いてください。そうすれば、サーバーが別のアドレスへ転送しなくて済みます")
    case .missingFragment(let fragment, let target, let suggestion):
      let rule = RuleCatalog.rule("link.fragment")
      return Problem(
        rule.severity,
        "\(kind == .redirect ? "redirect" : "link") to \(url) points to a missing anchor: \(target) has no id \"\(fragment)\"",
        hint: suggestion.map { "did you mean #\($0)? \(rule.hint)" } ?? rule.hint, code: rule.id,
        ja:
          "\(kind == .redirect ? "転送先" : "リンク先") `\(url)` のアンカーが見つかりません：`\(target)` に id `\(fragment)` がありません",
        jaHint: suggestion.map { "`#\($0)` のまちがいではありませんか。\(rule.japaneseHint)" }
          ?? rule.japaneseHint)
    case .withoutBasePath(let written):
      let rule = RuleCatalog.rule("link.base-path")
      return Problem(
        rule.severity,
        "\(kind.noun) \(url) lacks the site's base path: the site is published under a path, and this address leads outside it, though the site has \(written)",
        hint:
          "write \(written); in a template, start it with {{site.home_url}} (or use the {{assets.…}} and {{site.…_url}} values)",
        code: rule.id,
        ja:
          "\(kind.japaneseNoun) `\(url)` に、サイトの置き場所のパスがありません：サイトはパスの下に公開されるので、このアドレスはサイトの外を指します（サイトには `\(written)` があります）",
        jaHint:
          "`\(written)` と書いてください。テンプレートでは `{{site.home_url}}` から始めるか、`{{assets.…}}` や `{{site.…_url}}` の値を使ってください"
      )
    case .outside:
      let rule = RuleCatalog.rule("link.outside")
      return Problem(
        rule.severity, "\(kind.noun) \(url) climbs above the site's root folder", hint: rule.hint,
        code: rule.id,
        ja: "\(kind.japaneseNoun) `\(url)` が、サイトの一番上のフォルダーよりも上を指しています",
        jaHint: rule.japaneseHint)
    }
  }

  private static func slashed(_ url: String) -> String {
    let end = url.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? url.endIndex
    return url[..<end] + "/" + url[end...]
  }
}

extension Reference.Kind {
  /// How a Japanese message names it: 「リンク」「画像」「スタイルシート」…
  var japaneseNoun: String {
    switch self {
    case .link: "リンク"
    case .image: "画像"
    case .stylesheet: "スタイルシート"
    case .script: "スクリプト"
    case .resource: "`<link>` のファイル"
    case .redirect: "転送先"
    case .form: "フォームの送信先"
    case .frame: "フレーム"
    case .media: "メディアのファイル"
    }
  }
}
