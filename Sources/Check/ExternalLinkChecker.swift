import Foundation

/// Settings for `--external`. Defaults are polite to other sites: at most 8 requests at once
/// and 2 per host, a 10-second timeout, 2 retries with backoff, and a day-long cache.
public struct ExternalCheckOptions: Sendable {
  public var maxConcurrent = 8
  public var perHost = 2
  public var timeout: TimeInterval = 10
  public var retries = 2
  /// Delay before the first retry; each further retry waits twice as long.
  public var backoff: TimeInterval = 0.5
  public var maxRedirects = 5
  public var cacheMaxAge: TimeInterval = 86_400
  /// Glob patterns (`*` any characters, `?` one) of URLs not to fetch.
  public var skip: [String] = []
  /// Default: `<site>/.portal/external-cache.json`; nil in the options means that default.
  public var cacheFile: URL?
  public var useCache = true
  public var fetcher: (any HTTPFetching)?
  public var now: @Sendable () -> Date = { Date() }

  public init() {}
}

/// The result for one external URL.
public struct ExternalOutcome: Sendable, Hashable {
  public enum State: String, Sendable, Codable, Hashable {
    case ok, movedPermanently, broken, timeout, rateLimited, skipped
  }

  public var url: String
  public var state: State
  public var status: Int?
  /// For `movedPermanently`, the address to link instead; for `broken`, what went wrong.
  public var location: String?
  public var detail: String?
  public var fromCache = false
  public var attempts = 0

  public init(
    url: String, state: State, status: Int? = nil, location: String? = nil, detail: String? = nil,
    fromCache: Bool = false, attempts: Int = 0
  ) {
    self.url = url
    self.state = state
    self.status = status
    self.location = location
    self.detail = detail
    self.fromCache = fromCache
    self.attempts = attempts
  }
}

/// Checks http(s) URLs concurrently with a global and a per-host limit, retrying 5xx, 429 and
/// timeouts with exponential backoff, and following redirects by hand so a permanent move can
/// be reported with its new address.
public struct ExternalLinkChecker: Sendable {
  public let options: ExternalCheckOptions
  let fetcher: any HTTPFetching

  public init(options: ExternalCheckOptions) {
    self.options = options
    self.fetcher = options.fetcher ?? CurlFetcher()
  }

  /// Outcomes by URL. Skipped and cached URLs are not fetched; the cache file is updated.
  public func check(_ urls: [String], cacheFile: URL?) async -> [String: ExternalOutcome] {
    let now = options.now()
    var cache =
      options.useCache ? cacheFile.map(ExternalCache.load) ?? ExternalCache() : ExternalCache()
    var results: [String: ExternalOutcome] = [:]
    var toFetch: [String] = []
    for url in Set(urls).sorted() {
      if SkipPatterns.matches(url, options.skip) {
        results[url] = ExternalOutcome(url: url, state: .skipped)
      } else if options.useCache,
        let cached = cache.fresh(url, now: now, maxAge: options.cacheMaxAge)
      {
        results[url] = cached
      } else {
        toFetch.append(url)
      }
    }
    let gate = ConcurrencyGate(total: options.maxConcurrent, perHost: options.perHost)
    let fetched = await withTaskGroup(of: ExternalOutcome.self) { group in
      for url in toFetch { group.addTask { await probe(url, gate: gate) } }
      var list: [ExternalOutcome] = []
      for await outcome in group { list.append(outcome) }
      return list
    }
    let finished = options.now()
    for outcome in fetched {
      results[outcome.url] = outcome
      cache.record(outcome, at: finished)
    }
    if options.useCache, let cacheFile {
      // What another check saved meanwhile is kept (the later result of each URL wins), so
      // two checks of the same site at once do not each throw the other's work away.
      cache.merge(ExternalCache.load(cacheFile))
      cache.prune(olderThan: max(options.cacheMaxAge * 2, 30 * 86_400), now: finished)
      try? cache.save(cacheFile)
    }
    return results
  }

  /// One URL, with retries for answers that may be temporary.
  func probe(_ url: String, gate: ConcurrencyGate) async -> ExternalOutcome {
    var attempt = 0
    while true {
      attempt += 1
      var outcome = await follow(url, gate: gate)
      outcome.attempts = attempt
      let retryable =
        outcome.state == .timeout || outcome.state == .rateLimited
        || (outcome.state == .broken
          && (outcome.status.map { $0 >= 500 } ?? (outcome.detail != Self.invalidURL)))
      guard retryable, attempt <= options.retries else { return outcome }
      var delay = options.backoff * pow(2, Double(attempt - 1))
      if outcome.state == .rateLimited, let after = outcome.detail.flatMap(TimeInterval.init) {
        delay = max(delay, min(after, 30))
      }
      try? await Task.sleep(nanoseconds: UInt64(max(0, delay) * 1_000_000_000))
    }
  }

  /// Follows redirects from `url`; a chain of only permanent redirects to a good page gives
  /// `movedPermanently` with the final address.
  func follow(_ url: String, gate: ConcurrencyGate) async -> ExternalOutcome {
    var current = url
    var allPermanent = true
    var redirected = false
    for _ in 0...options.maxRedirects {
      let head: HTTPHead
      do {
        head = try await request(current, gate: gate)
      } catch {
        switch error {
        case .timeout:
          return ExternalOutcome(
            url: url, state: .timeout, detail: "no answer within \(Self.seconds(options.timeout))")
        case .invalidURL: return ExternalOutcome(url: url, state: .broken, detail: Self.invalidURL)
        case .failed(let why): return ExternalOutcome(url: url, state: .broken, detail: why)
        }
      }
      switch head.status {
      case 300..<400 where head.location != nil:
        redirected = true
        if head.status != 301 && head.status != 308 { allPermanent = false }
        current = Self.resolve(head.location!, against: current)
      case 200..<300, 416:
        let moved = redirected && allPermanent
        return ExternalOutcome(
          url: url, state: moved ? .movedPermanently : .ok, status: head.status,
          location: moved ? current : nil)
      case 429:
        return ExternalOutcome(url: url, state: .rateLimited, status: 429, detail: head.retryAfter)
      default:
        return ExternalOutcome(
          url: url, state: .broken, status: head.status,
          detail: redirected ? "redirected to \(current), which answers \(head.status)" : nil)
      }
    }
    return ExternalOutcome(
      url: url, state: .broken, detail: "more than \(options.maxRedirects) redirects")
  }

  /// HEAD first; GET when the server does not handle HEAD properly.
  private func request(_ url: String, gate: ConcurrencyGate) async throws(FetchError) -> HTTPHead {
    let host = URLParts(url).authority?.lowercased() ?? ""
    await gate.enter(host)
    let result: Result<HTTPHead, FetchError>
    do throws(FetchError) {
      var head = try await fetcher.fetch(url, method: "HEAD", timeout: options.timeout)
      if [400, 403, 405, 501].contains(head.status) {
        head = try await fetcher.fetch(url, method: "GET", timeout: options.timeout)
      }
      result = .success(head)
    } catch {
      result = .failure(error)
    }
    await gate.leave(host)
    return try result.get()
  }

  static func resolve(_ location: String, against current: String) -> String {
    let parts = URLParts(location)
    if parts.scheme != nil { return location }
    let base = URLParts(current)
    let origin = "\(base.scheme ?? "https")://\(base.authority ?? "")"
    if location.hasPrefix("//") { return "\(base.scheme ?? "https"):\(location)" }
    if location.hasPrefix("/") { return origin + location }
    let folder =
      base.path.hasSuffix("/")
      ? base.path : String(base.path[...(base.path.lastIndex(of: "/") ?? base.path.startIndex)])
    return origin + (folder.isEmpty ? "/" : folder) + location
  }

  static let invalidURL = "the address is not a valid URL"

  static func seconds(_ t: TimeInterval) -> String {
    t == t.rounded() ? "\(Int(t)) s" : String(format: "%.1f s", t)
  }
}

/// Limits requests in flight overall and per host. Waiters are woken in arrival order, skipping
/// those whose host is still at its limit so one slow host does not block the others.
actor ConcurrencyGate {
  private let total: Int
  private let perHost: Int
  private var running = 0
  private var byHost: [String: Int] = [:]
  private var waiting: [(host: String, continuation: CheckedContinuation<Void, Never>)] = []

  init(total: Int, perHost: Int) {
    self.total = max(1, total)
    self.perHost = max(1, perHost)
  }

  func enter(_ host: String) async {
    if canRun(host) {
      take(host)
      return
    }
    await withCheckedContinuation { waiting.append((host, $0)) }
  }

  func leave(_ host: String) {
    running -= 1
    byHost[host, default: 1] -= 1
    var i = 0
    while i < waiting.count {
      if canRun(waiting[i].host) {
        let next = waiting.remove(at: i)
        take(next.host)
        next.continuation.resume()
      } else {
        i += 1
      }
    }
  }

  private func canRun(_ host: String) -> Bool {
    running < total && byHost[host, default: 0] < perHost
  }

  private func take(_ host: String) {
    running += 1
    byHost[host, default: 0] += 1
  }
}
