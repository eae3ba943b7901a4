import Diagnostics
import DomainNames

/// Ways to ask that are examples: a mail domain reserved for examples (`pref.chiba.example`,
/// `example.jp`) and a number no line has (`043-000-0100`: no local exchange starts with 0).
/// A site at an example address (`base_url: https://dx.pref.chiba.example/`) is a sample and may
/// hold them; once `base_url` is the real address, each one left is a resident's call or mail
/// that reaches no one, so the build warns at its value (`content.example-value`).
public enum ExampleValues {
  public static let code = "content.example-value"

  /// Whether a host is reserved for examples (RFC 2606, RFC 6761 and JPRS's example.jp): a
  /// label `example`, or a top-level `test`, `invalid` or `localhost`.
  static func isExampleHost<S: StringProtocol>(_ host: S) -> Bool {
    let labels = host.lowercased().split(separator: ".")
    guard let top = labels.last else { return false }
    return labels.contains("example") || ["test", "invalid", "localhost"].contains(top)
  }

  /// The host of an http(s) address, or nil for a path on the site or anything else.
  static func host(ofAddress address: String) -> Substring? {
    guard let scheme = address.range(of: "://"),
      ["http", "https"].contains(address[..<scheme.lowerBound].lowercased())
    else { return nil }
    let rest = address[scheme.upperBound...]
    let host = Authority(rest.prefix { !"/?#".contains($0) }).host
    return host.isEmpty ? nil : Substring(host)
  }

  /// Whether the site's address is an example one: the shipped sample, or a copy of it not yet
  /// given its own address. A site without a usable address counts as an example.
  /// A site at this computer's own address (`http://127.0.0.1:8080/`, `http://[::1]/`, as
  /// `localhost` is) is a local try-out too.
  public static func isExampleSite(baseURL: String) -> Bool {
    guard let host = host(ofAddress: baseURL) else { return true }
    return isExampleHost(host) || isLoopback(host)
  }

  /// `127.x.x.x` (an address, not a name such as `127.city.jp`), `[::1]` and `0.0.0.0`.
  static func isLoopback(_ host: Substring) -> Bool {
    if host == "[::1]" || host == "0.0.0.0" { return true }
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts[0] == "127"
      && parts.allSatisfy { (1...3).contains($0.count) && $0.allSatisfy(\.isNumber) }
  }

  /// Numbers of other kinds than a fixed line: their middle group is no local exchange.
  private static let nonGeographic: Set<Substring> = [
    "0120", "0800", "0570", "0990", "020", "050", "060", "070", "080", "090",
  ]

  /// Whether a number written in three groups (`043-000-0100`, `043(000)0100`) is a fixed
  /// line's whose local exchange starts with 0 or 1, which no line has in Japan.
  static func isExampleNumber(_ number: String) -> Bool {
    let groups = number.split(whereSeparator: { "-() ".contains($0) })
    guard groups.count == 3, groups[0].hasPrefix("0"), !nonGeographic.contains(groups[0]),
      let first = groups[1].first
    else { return false }
    return first == "0" || first == "1"
  }

  /// A warning at each of `keys` whose value is an example, as `read` has read it (`phone`,
  /// `fax`: numbers; `email`: an address; others: web addresses). `who` names the mapping in
  /// the message (site.yml's `contact`, a department) or is empty for a page's own keys.
  static func check(_ y: inout YAMLFields, values: [String: String?], who: String = "") {
    for key in values.keys.sorted() {
      guard let value = values[key] ?? nil, let node = y.node(key) else { continue }
      let what: (english: String, japanese: String)
      switch key {
      case "phone", "fax":
        guard isExampleNumber(value) else { continue }
        what = (
          "a number no line has (no local exchange starts with 0 or 1)", "（市内局番は0や1から始まりません）"
        )
      case "email":
        guard let domain = value.split(separator: "@").last, isExampleHost(domain) else {
          continue
        }
        what = (
          "at a domain kept for examples (\(domain)): no mail reaches it",
          "（\(domain) は例のためのドメインで、メールは届きません）"
        )
      default:
        guard let host = host(ofAddress: value), isExampleHost(host) else { continue }
        what = (
          "at a domain kept for examples (\(host)): it leads nowhere",
          "（\(host) は例のためのドメインで、どこにもつながりません）"
        )
      }
      let owner = who.isEmpty ? "" : " of \(who)"
      y.diagnostics.append(
        .warning(
          y.location(node.mark),
          "`\(key)`\(owner) is an example left in: `\(value)` is \(what.english)",
          hint:
            "write the real one before residents use it, or remove `\(key)` (the site's `base_url` is a real address, so this is published)",
          code: code
        ).ja(
          "`\(key)` の `\(value)` は例のままです\(what.japanese)",
          hint: "県民が使う前に本当のものに書きかえるか、`\(key)` を消してください（`base_url` が本当のアドレスなので、このまま公開されます）"))
    }
  }
}
