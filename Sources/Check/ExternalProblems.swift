import Diagnostics

/// Words for external link results, kept apart from the fetching so messages can be read and
/// tested on their own.
enum ExternalProblems {
  static func problem(_ outcome: ExternalOutcome, _ written: String) -> Problem? {
    let retried = outcome.attempts > 1 ? " after \(outcome.attempts) tries" : ""
    let retriedJa =
      outcome.attempts > 1 ? "（\(JapaneseCount.times(outcome.attempts))試しました）" : ""
    let link = "ほかのサイトへのリンク `\(written)`"
    switch outcome.state {
    case .ok, .skipped: return nil
    case .movedPermanently:
      let rule = RuleCatalog.rule("external.redirect")
      let target = outcome.location ?? "?"
      return Problem(
        rule.severity, "external link \(written) moved permanently to \(target)",
        hint: "link to \(target) directly", code: rule.id,
        ja: "\(link) のページは、`\(target)` に移りました",
        jaHint: "\(Spot.here)のリンク先を、新しいアドレス `\(target)` に直してください")
    case .broken:
      let rule = RuleCatalog.rule("external.broken")
      let why =
        outcome.status.map { "answers \($0) \(reason($0))" }
        ?? "cannot be reached (\(outcome.detail ?? "no answer"))"
      let extra = outcome.status != nil ? outcome.detail.map { " (\($0))" } ?? "" : ""
      let whyJa =
        outcome.status.map { "\($0) \(reason($0))（\(japaneseReason($0))）が返ってきます" }
        ?? "つながりません（\(outcome.detail.map(japaneseDetail) ?? "応答がありません")）"
      let extraJa =
        outcome.status != nil ? outcome.detail.map { "（\(japaneseDetail($0))）" } ?? "" : ""
      return Problem(
        rule.severity, "external link \(written) is broken: it \(why)\(extra)\(retried)",
        hint: rule.hint, code: rule.id,
        ja: "\(link) が切れています：\(whyJa)\(extraJa)\(retriedJa)", jaHint: rule.japaneseHint)
    case .timeout:
      let rule = RuleCatalog.rule("external.timeout")
      return Problem(
        rule.severity,
        "external link \(written) timed out: \(outcome.detail ?? "no answer")\(retried)",
        hint: rule.hint, code: rule.id,
        ja:
          "\(link) は、時間内に応答しませんでした：\(outcome.detail.map(japaneseDetail) ?? "応答がありません")\(retriedJa)",
        jaHint: rule.japaneseHint)
    case .rateLimited:
      let rule = RuleCatalog.rule("external.rate-limited")
      return Problem(
        rule.severity,
        "external link \(written) was not checked: the site answers 429 Too Many Requests\(retried)",
        hint: rule.hint, code: rule.id,
        ja:
          "\(link) は確かめられませんでした：相手のサイトが「アクセスが多すぎます」（429 Too Many Requests）と応答しています\(retriedJa)",
        jaHint: rule.japaneseHint)
    }
  }

  /// What went wrong (`ExternalOutcome.detail`, written in English by `ExternalLinkChecker`
  /// and `CurlFetcher`) in Japanese; a message of libcurl's own is left as it is.
  static func japaneseDetail(_ detail: String) -> String {
    func after(_ prefix: String) -> String? {
      detail.hasPrefix(prefix) ? String(detail.dropFirst(prefix.count)) : nil
    }
    switch detail {
    case ExternalLinkChecker.invalidURL: return "アドレスが URL として正しくありません"
    case "the host name could not be found": return "相手のサイトの名前（ホスト名）が見つかりません"
    case "the connection was refused": return "接続を断られました"
    case "the connection was lost": return "接続が途中で切れました"
    case "the secure connection failed (certificate problem)":
      return "安全な接続（https）ができませんでした（相手のサイトの証明書の問題）"
    default: break
    }
    if let time = after("no answer within ") {
      let seconds = time.hasSuffix(" s") ? String(time.dropLast(2)) + "秒" : time
      return "\(seconds)待っても応答がありませんでした"
    }
    if let rest = after("redirected to "), let comma = rest.range(of: ", which answers ") {
      return "転送先の `\(rest[..<comma.lowerBound])` は \(rest[comma.upperBound...]) を返します"
    }
    if let rest = after("more than "), rest.hasSuffix(" redirects") {
      let count = Int(rest.dropLast(" redirects".count)).map { JapaneseCount.times($0) }
      return "転送が\(count ?? String(rest.dropLast(" redirects".count)) + "回")を超えました"
    }
    if let rest = after("the request failed ("), rest.hasSuffix(")") {
      return "リクエストに失敗しました（\(rest.dropLast())）"
    }
    return detail
  }

  /// What an HTTP status means, for the Japanese message.
  /// The one problem to say when no site answered at all: every link fetched now (at least
  /// two, on two sites or more) failed without an answer (a host not found, a connection
  /// refused, a timeout). That is this computer's network, not the links: one error saying so,
  /// not one "broken" per link with "fix or remove the link". Nil when any site answered.
  static func offline(_ outcomes: some Collection<ExternalOutcome>, at site: String)
    -> Diagnostic?
  {
    let fetched = outcomes.filter { !$0.fromCache && $0.state != .skipped }
    // Sites as the checker's per-host limit counts them.
    let hosts = Set(fetched.compactMap { URLParts($0.url).authority?.lowercased() })
    guard fetched.count >= 2, hosts.count >= 2,
      fetched.allSatisfy({
        ($0.state == .broken && $0.status == nil && $0.detail != ExternalLinkChecker.invalidURL)
          || $0.state == .timeout
      })
    else { return nil }
    let details = Set(fetched.compactMap(\.detail)).sorted()
    let why = details.count == 1 ? " (\(details[0]))" : ""
    let whyJa = details.count == 1 ? "（\(japaneseDetail(details[0]))）" : ""
    let rule = RuleCatalog.rule(offlineCode)
    return .error(
      SourceLocation(file: site),
      "none of the \(fetched.count) external links, on \(hosts.count) sites, could be reached\(why): no site answered at all, so this computer seems to have no network (or its DNS or proxy does not work); the links were not judged",
      hint: rule.hint, code: rule.id
    ).ja(
      "`\(site)` のページにある、ほかのサイトへのリンク\(JapaneseCount.things(fetched.count))（\(JapaneseCount.things(hosts.count))のサイト）に、どれもつながりませんでした\(whyJa)。どのサイトからも応答がないので、このコンピューターがネットワークにつながっていないようです（DNS やプロキシの設定かもしれません）。リンクが切れているかどうかは、確かめられていません",
      hint: rule.japaneseHint)
  }

  static let offlineCode = "external.offline"

  static func japaneseReason(_ status: Int) -> String {
    switch status {
    case 400: "リクエストが正しくありません"
    case 401: "ログインが必要です"
    case 403: "アクセスが許可されていません"
    case 404: "ページが見つかりません"
    case 410: "ページは削除されました"
    case 500: "サーバーのエラー"
    case 502: "中継するサーバーのエラー"
    case 503: "サービスが一時的に使えません"
    case 504: "中継するサーバーの時間切れ"
    default: status >= 500 ? "サーバーのエラー" : "リクエストのエラー"
    }
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 410: "Gone"
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    case 504: "Gateway Timeout"
    default: status >= 500 ? "(server error)" : "(client error)"
    }
  }
}
