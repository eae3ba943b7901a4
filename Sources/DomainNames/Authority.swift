/// The `[user@]host[:port]` of an address, split once for all who read one: the site's
/// `base_url`, `portal check`'s links, the example-address rule. Each split it by hand, and
/// they disagreed on `[::1]:8080` and on where a port ends.
public struct Authority: Sendable, Equatable {
  /// With its `@`, or empty.
  public var user: String
  /// As written (`[::1]` keeps its brackets).
  public var host: String
  /// The digits after the last `:` outside brackets, as written; nil without a `:`.
  public var port: String?

  public init(_ authority: some StringProtocol) {
    var rest = Substring(authority)
    user = ""
    if let at = rest.lastIndex(of: "@") {
      user = String(rest[...at])
      rest = rest[rest.index(after: at)...]
    }
    port = nil
    if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]"),
      !rest.hasPrefix("[") || rest[..<colon].hasSuffix("]")
    {
      port = String(rest[rest.index(after: colon)...])
      rest = rest[..<colon]
    }
    host = String(rest)
  }

  /// The port's value when it is one (1 to 5 ASCII digits: `+80` is none).
  public var portNumber: Int? {
    guard let port, (1...5).contains(port.count), port.allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    return Int(port)
  }

  /// `host[:port]` as every address the site publishes writes it: the host in ASCII
  /// (`DomainName.ascii`), the port by its value and left out when it is `scheme`'s own (443
  /// for https, 80 for http), without the user.
  public func normalized(scheme: String) -> String {
    let own = scheme == "https" ? 443 : scheme == "http" ? 80 : nil
    let shownPort =
      portNumber.map { $0 == own ? "" : ":\($0)" } ?? port.map { ":" + $0 } ?? ""
    return DomainName.ascii(host) + shownPort
  }
}
