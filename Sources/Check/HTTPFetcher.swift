import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

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

/// URLSession (FoundationNetworking on Linux) with a delegate that refuses redirects. The
/// body is not needed, so GET requests are cancelled as soon as the headers arrive.
public final class URLSessionFetcher: NSObject, HTTPFetching, URLSessionDataDelegate,
  @unchecked Sendable
{
  private var session: URLSession!
  private let userAgent: String

  public init(userAgent: String = "portal-check/1.0", maxConnectionsPerHost: Int = 2) {
    self.userAgent = userAgent
    super.init()
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = maxConnectionsPerHost
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
  }

  deinit { session?.invalidateAndCancel() }

  public func fetch(_ url: String, method: String, timeout: TimeInterval) async throws(FetchError)
    -> HTTPHead
  {
    guard let target = URL(string: Self.encoded(url)), target.host != nil else { throw .invalidURL }
    var request = URLRequest(
      url: target, cachePolicy: .reloadIgnoringLocalCacheData,
      timeoutInterval: max(1, timeout.rounded(.up)))
    request.httpMethod = method
    request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
    request.setValue("*/*", forHTTPHeaderField: "Accept")
    if method == "GET" { request.setValue("bytes=0-0", forHTTPHeaderField: "Range") }
    let ready = request
    do {
      return try await withThrowingTaskGroup(of: HTTPHead.self) { group in
        // FoundationNetworking's own timeout works in whole seconds only, so race a timer.
        group.addTask { try await self.send(ready) }
        group.addTask {
          try await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
          throw FetchError.timeout
        }
        defer { group.cancelAll() }
        return try await group.next()!
      }
    } catch let error as FetchError {
      throw error
    } catch let error as URLError where error.code == .timedOut {
      throw .timeout
    } catch let error as URLError {
      throw .failed(Self.describe(error))
    } catch {
      throw .failed(String(describing: error))
    }
  }

  private func send(_ request: URLRequest) async throws -> HTTPHead {
    let (_, response) = try await session.data(for: request)
    guard let http = response as? HTTPURLResponse else {
      throw FetchError.failed("not an HTTP response")
    }
    return HTTPHead(
      status: http.statusCode, location: http.value(forHTTPHeaderField: "Location"),
      retryAfter: http.value(forHTTPHeaderField: "Retry-After"))
  }

  public func urlSession(
    _ session: URLSession, task: URLSessionTask,
    willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    completionHandler(nil)
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

  static func describe(_ error: URLError) -> String {
    switch error.code {
    case .cannotFindHost, .dnsLookupFailed: "the host name could not be found"
    case .cannotConnectToHost: "the connection was refused"
    case .networkConnectionLost: "the connection was lost"
    case .notConnectedToInternet: "there is no network connection"
    case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
      .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
      "the secure connection failed (certificate problem)"
    default: "the request failed (\(error.code.rawValue))"
    }
  }
}
