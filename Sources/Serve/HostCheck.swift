import Hummingbird

/// Answers only requests addressed to this computer by name or number. A web page a writer
/// opens elsewhere can point a domain of its own at 127.0.0.1 (DNS rebinding) and then read
/// the preview as its own site: drafts and the panel's file paths. Such requests carry that
/// domain in `Host`; a browser on this computer sends `localhost` or `127.0.0.1`, a phone
/// opening a printed address (`--host 0.0.0.0`) the address itself.
struct HostCheck<Context: RequestContext>: RouterMiddleware {
  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard Self.allowed(request.head.authority) else {
      var headers = HTTPFields()
      headers[.contentType] = "text/plain; charset=utf-8"
      return Response(
        status: .misdirectedRequest, headers: headers,
        body: ResponseBody(
          byteBuffer: ByteBuffer(
            string:
              "portal serve answers only at this computer's address (localhost, 127.0.0.1, or the address it printed)\n"
          )))
    }
    return try await next(request, context)
  }

  /// `localhost`, or an IP address (v4, or v6 in brackets), with or without a port; a request
  /// without `Host` (HTTP/1.0 tools) is let through.
  static func allowed(_ authority: String?) -> Bool {
    guard var host = authority?.lowercased() else { return true }
    if host.hasPrefix("[") {
      guard let close = host.firstIndex(of: "]") else { return false }
      let inside = host[host.index(after: host.startIndex)..<close]
      return !inside.isEmpty && inside.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
    if let colon = host.lastIndex(of: ":") { host = String(host[..<colon]) }
    if host == "localhost" { return true }
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
  }
}
