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
/// body is not needed, so requests are cancelled as soon as the headers arrive.
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

  /// Lets requests still running end by their own timeouts, for the reason given in `fetch`.
  deinit { session?.finishTasksAndInvalidate() }

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
    let task = session.dataTask(with: request)
    let answer = OneAnswer()
    // FoundationNetworking's own timeout works in whole seconds only, so race a timer (on
    // Dispatch, so it fires on time even when Swift's cooperative threads are all busy); the
    // first to finish answers. The request is not cancelled but left to end by its own
    // timeout (at most a second later): cancelling it while FoundationNetworking handles a
    // redirect stops the process ("Received callback for HTTP redirection, but we're not
    // waiting for it"), which a timeout racing a 301 did.
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
      _ = answer.give(.failure(.timeout))
    }
    let result = await withTaskCancellationHandler {
      await withCheckedContinuation {
        (continuation: CheckedContinuation<Result<HTTPHead, FetchError>, Never>) in
        answer.wait(continuation)
        pending.set(task, answer)
        task.resume()
      }
    } onCancel: {
      _ = answer.give(.failure(.failed("cancelled")))
    }
    return try result.get()
  }

  /// The tasks in flight and who waits for them, for the delegate callbacks.
  private let pending = PendingTasks()

  public func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
  ) {
    // The headers are all the checker needs.
    completionHandler(.cancel)
    guard let answer = pending.take(dataTask) else { return }
    guard let http = response as? HTTPURLResponse else {
      _ = answer.give(.failure(.failed("not an HTTP response")))
      return
    }
    _ = answer.give(
      .success(
        HTTPHead(
          status: http.statusCode, location: http.value(forHTTPHeaderField: "Location"),
          retryAfter: http.value(forHTTPHeaderField: "Retry-After"))))
  }

  public func urlSession(
    _ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?
  ) {
    guard let answer = pending.take(task) else { return }
    switch error {
    case let e as URLError where e.code == .timedOut: _ = answer.give(.failure(.timeout))
    case let e as URLError: _ = answer.give(.failure(.failed(Self.describe(e))))
    case let e?: _ = answer.give(.failure(.failed(String(describing: e))))
    case nil: _ = answer.give(.failure(.failed("no answer")))
    }
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

/// The one answer of a request: the first of response, error, timeout or cancellation wins.
final class OneAnswer: @unchecked Sendable {
  private let lock = NSLock()
  private var result: Result<HTTPHead, FetchError>?
  private var continuation: CheckedContinuation<Result<HTTPHead, FetchError>, Never>?

  func wait(_ c: CheckedContinuation<Result<HTTPHead, FetchError>, Never>) {
    lock.lock()
    if let result {
      lock.unlock()
      c.resume(returning: result)
      return
    }
    continuation = c
    lock.unlock()
  }

  /// True when this was the first answer.
  func give(_ r: Result<HTTPHead, FetchError>) -> Bool {
    lock.lock()
    guard result == nil else {
      lock.unlock()
      return false
    }
    result = r
    let c = continuation
    continuation = nil
    lock.unlock()
    c?.resume(returning: r)
    return true
  }
}

/// URLSession tasks by identifier, with the answer each resolves.
final class PendingTasks: @unchecked Sendable {
  private let lock = NSLock()
  private var answers: [Int: OneAnswer] = [:]

  func set(_ task: URLSessionTask, _ answer: OneAnswer) {
    lock.lock()
    answers[task.taskIdentifier] = answer
    lock.unlock()
  }

  func take(_ task: URLSessionTask) -> OneAnswer? {
    lock.lock()
    defer { lock.unlock() }
    return answers.removeValue(forKey: task.taskIdentifier)
  }
}
