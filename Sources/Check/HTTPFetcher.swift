import CCurl
import Foundation

/// The status line and the headers the checker needs from one HTTP request.
public struct HTTPHead: Sendable, Hashable {
  public var status: Int
  public var location: String?
  public var retryAfter: String?

  public init(status: Int, location: String? = nil, retryAfter: String? = nil) {
    (self.status, self.location, self.retryAfter) = (status, location, retryAfter)
  }
}

public enum FetchError: Error, Sendable, Hashable {
  case timeout
  case invalidURL
  case failed(String)
}

/// One HTTP request without following redirects, so the checker sees each 301 itself. A
/// protocol so the retry and redirect logic can be tested with scripted answers as well.
public protocol HTTPFetching: Sendable {
  func fetch(_ url: String, method: String, timeout: TimeInterval) async throws(FetchError)
    -> HTTPHead
}

/// libcurl, loaded when the first request is made (`CCurl`), each request on a thread of its
/// own: `portal check --external` is the only command that needs HTTP, and linking it (through
/// FoundationNetworking, as before) cost every start of `portal` about 16 ms. libcurl times
/// requests out to the millisecond and does not follow redirects unless asked, so the checker
/// sees each 301 itself. The number of requests at once is the checker's (`ConcurrencyGate`).
public struct CurlFetcher: HTTPFetching {
  private let userAgent: String

  public init(userAgent: String = "portal-check/1.0") { self.userAgent = userAgent }

  /// Why libcurl cannot be used (it is not installed), or nil when it can.
  public static var unavailable: String? {
    portal_curl_load() == 0 ? nil : String(cString: portal_curl_load_error())
  }

  public func fetch(_ url: String, method: String, timeout: TimeInterval) async throws(FetchError)
    -> HTTPHead
  {
    let target = Self.encoded(url)
    guard let parsed = URL(string: target), parsed.host != nil,
      ["http", "https"].contains(parsed.scheme?.lowercased() ?? "")
    else { throw .invalidURL }
    let agent = userAgent
    let milliseconds = max(1, Int((timeout * 1000).rounded(.up)))
    let result = await withCheckedContinuation {
      (continuation: CheckedContinuation<Result<HTTPHead, FetchError>, Never>) in
      // Blocking, so on a Dispatch thread rather than one of Swift's few cooperative ones.
      DispatchQueue.global().async {
        var answer = portal_http_answer()
        portal_curl_request(target, method, milliseconds, agent, &answer)
        continuation.resume(returning: Self.result(answer))
      }
    }
    return try result.get()
  }

  static func result(_ answer: portal_http_answer) -> Result<HTTPHead, FetchError> {
    var answer = answer
    func text<T>(_ field: inout T) -> String {
      withUnsafeBytes(of: &field) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
    }
    guard answer.error == 0 else {
      return .failure(Self.error(code: answer.error, message: text(&answer.message)))
    }
    let location = text(&answer.location)
    let retryAfter = text(&answer.retry_after)
    return .success(
      HTTPHead(
        status: answer.status, location: location.isEmpty ? nil : location,
        retryAfter: retryAfter.isEmpty ? nil : retryAfter))
  }

  /// libcurl's error codes (`CURLcode`) in the checker's terms.
  static func error(code: Int32, message: String) -> FetchError {
    switch code {
    case 28: .timeout
    case 1, 3: .invalidURL
    case 6: .failed("the host name could not be found")
    case 7: .failed("the connection was refused")
    case 52, 55, 56: .failed("the connection was lost")
    case 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91:
      .failed("the secure connection failed (certificate problem)")
    case -1: .failed(message)
    default: .failed("the request failed (\(message))")
    }
  }

  /// Percent-encodes non-ASCII characters and spaces, which links in Japanese pages often
  /// contain raw; existing `%XX` escapes are kept.
  static func encoded(_ url: String) -> String {
    var out = ""
    for scalar in url.unicodeScalars {
      if scalar.isASCII && scalar.value > 0x20 && scalar != "\"" && scalar != "<" && scalar != ">" {
        out.unicodeScalars.append(scalar)
      } else {
        for byte in String(scalar).utf8 { out += String(format: "%%%02X", byte) }
      }
    }
    return out
  }
}
