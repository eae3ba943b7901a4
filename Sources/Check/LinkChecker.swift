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
      fragment: fragment, target: file,
      suggestion: index.idCandidates(file, ids: ids).closest(to: fragment))
  }

  private func isPage(_ file: String) -> Bool { file.hasSuffix(".html") || file.hasSuffix(".htm") }

  /// The problem to report for an outcome, or nil when there is none. `targets` describes the
  /// page a missing `#…` points into, for the Japanese words.
  /// `link.fragment` for a template's `href="#x"` whose page has no id `x`, in words that do
  /// not depend on the page (its headings are the writers'; a template's ids are `id="…"`).
  static func templateFragment(_ url: String, _ fragment: String, _ suggestion: String?)
    -> Problem
  {
    let rule = RuleCatalog.rule("link.fragment")
    return Problem(
      rule.severity,
      "link to \(url) points to a missing anchor: the page has no id \"\(fragment)\"",
      hint: (suggestion.map { "did you mean #\($0)? " } ?? "")
        + "a template's element takes its id as `id=\"…\"`", code: rule.id,
      ja: "リンク先 `\(url)` の id「\(fragment)」が、ページにありません",
      jaHint: (suggestion.map { "`#\($0)` のまちがいなら、\(Spot.here)のリンク先を `#\($0)` に直してください。" } ?? "")
        + "テンプレートの中の要素の id は `id=\"…\"` で書きます")
  }

  static func problem(_ outcome: LinkOutcome, _ reference: Reference, targets: TargetPages? = nil)
    -> Problem?
  {
    if case .ok = outcome { return nil }
    let url = URLResolver.display(reference.url)
    let kind = reference.kind
    switch outcome {
    case .ok, .external, .pendingFragment: return nil
    case .missing(let file, let suggestion):
      let what: String
      switch kind {
      case .link, .frame: what = "link to \(url) is broken"
      case .form: what = "form action \(url) is broken"
      case .redirect: what = "redirect to \(url) is broken"
      default: what = "\(kind.noun) \(url) is missing"
      }
      // A link names a page or, to a PDF, a file.
      let noun =
        kind == .link && !file.hasSuffix(".html") ? "リンク先のファイル" : kind.japaneseNoun
      let rule = RuleCatalog.rule(kind.code)
      return Problem(
        rule.severity, "\(what): the site has no \(file)",
        hint: suggestion.map { "did you mean \($0)?" } ?? rule.hint, code: rule.id,
        ja: "\(noun) `\(url)` がサイトにありません",
        jaHint: suggestion.map {
          "`\($0)` のまちがいではありませんか。\(Spot.here)の\(kind.japaneseAddress)を直してください"
        } ?? (kind == .form ? "\(Spot.here)のフォームの送信先を、サイトにあるアドレスに直してください" : rule.japaneseHint))
    case .folder:
      let rule = RuleCatalog.rule("link.folder")
      return Problem(
        rule.severity, "link to \(url) leads to a folder without the final /",
        hint: "write \(slashed(url)) so the server does not have to redirect", code: rule.id,
        ja: "リンク先 `\(url)` は一覧などのページ（フォルダー）を指していますが、最後に `/` がありません",
        jaHint:
          "\(Spot.here)のリンク先を `\(slashed(url))` に直してください。`/` がないと、サーバーが別のアドレスへ転送することになり、ページが開くのが遅くなります"
      )
    case .missingFragment(let fragment, let target, let suggestion):
      let rule = RuleCatalog.rule("link.fragment")
      let japanese = FragmentWords.japanese(
        url: url, fragment: fragment, suggestion: suggestion, page: targets?.page(target),
        redirect: kind == .redirect)
      return Problem(
        rule.severity,
        "\(kind == .redirect ? "redirect" : "link") to \(url) points to a missing anchor: \(target) has no id \"\(fragment)\"",
        hint: suggestion.map { "did you mean #\($0)? \(rule.hint)" } ?? rule.hint, code: rule.id,
        ja: japanese.message, jaHint: japanese.hint)
    case .withoutBasePath(let written):
      let rule = RuleCatalog.rule("link.base-path")
      // `/dx/` of `/dx/events/` written as `/events/`.
      let path =
        url.hasPrefix("/") && written.hasSuffix(url) ? String(written.dropLast(url.count - 1)) : nil
      let place = path.map { "サイトは `\($0)` の下に公開するので、" } ?? "サイトはある場所の下に公開するので、"
      return Problem(
        rule.severity,
        "\(kind.noun) \(url) lacks the site's base path: the site is published under a path, and this address leads outside it, though the site has \(written)",
        hint:
          "write \(written); in a template, start it with {{site.home_url}} (or use the {{assets.…}} and {{site.…_url}} values)",
        code: rule.id,
        ja:
          "\(kind.japaneseAddress) `\(url)` には、サイトの置き場所が付いていません。\(place)このアドレスは、公開したときにサイトの外を指します",
        jaHint:
          "\(Spot.here)のアドレスを `\(written)` にしてください。テンプレートでは、`{{site.home_url}}` から始めるか、`{{assets.…}}` や `{{site.…_url}}` の値を使ってください"
      )
    case .outside:
      let rule = RuleCatalog.rule("link.outside")
      return Problem(
        rule.severity, "\(kind.noun) \(url) climbs above the site's root folder", hint: rule.hint,
        code: rule.id,
        ja: "\(kind.japaneseAddress) `\(url)` は、`../`（一つ上のフォルダーへ）が多すぎて、サイトの外を指しています",
        jaHint: rule.japaneseHint)
    }
  }

  private static func slashed(_ url: String) -> String {
    let end = url.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? url.endIndex
    return url[..<end] + "/" + url[end...]
  }
}

extension Reference.Kind {
  /// How a Japanese message names what the address leads to, in a writer's words:
  /// 「リンク先のページ」「画像のファイル」「見た目を決めるファイル（スタイルシート）」…
  var japaneseNoun: String {
    switch self {
    case .link: "リンク先のページ"
    case .image: "画像のファイル"
    case .stylesheet: "見た目を決めるファイル（スタイルシート）"
    case .script: "動きを作るファイル（スクリプト）"
    case .resource: "ページが読み込むファイル"
    case .redirect: "案内先のページ"
    case .form: "フォームの送信先"
    case .frame: "ページの中に表示するページ"
    case .media: "動画や音声のファイル"
    }
  }

  /// What a hint tells to change: 「リンク先」「画像のアドレス」…
  var japaneseAddress: String {
    switch self {
    case .link, .frame: "リンク先"
    case .redirect: "案内先"
    case .form: "フォームの送信先"
    case .image: "画像のアドレス"
    case .stylesheet, .script, .resource, .media: "アドレス"
    }
  }
}
