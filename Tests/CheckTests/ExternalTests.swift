import Diagnostics
import Foundation
import Testing

@testable import Check

/// `--external` against a local server on 127.0.0.1; nothing here reaches the internet.
@Suite(.serialized) struct ExternalTests {
  /// A timeout well above the local server's answers, so that only the tests of timeouts,
  /// which set their own, depend on how busy the machine is.
  static func options(
    timeout: TimeInterval = 5, retries: Int = 2, skip: [String] = [], now: Date? = nil
  )
    -> ExternalCheckOptions
  {
    var o = ExternalCheckOptions()
    o.timeout = timeout
    o.retries = retries
    o.backoff = 0.01
    o.skip = skip
    if let now { o.now = { now } }
    return o
  }

  /// A site whose home page links each path of `server` on its own line (line 6 on).
  static func site(linking paths: [String], on server: TestHTTPServer) throws -> FixtureSite {
    let links = paths.map { #"<a href="\#(server.url($0))">\#($0)</a>"# }.joined(separator: "\n")
    return try FixtureSite(["site/index.html": page(body: links)])
  }

  @Test func answersAreReportedByKind() async throws {
    let server = try TestHTTPServer()
    defer { server.stop() }
    let site = try Self.site(
      linking: ["/ok", "/moved", "/found", "/missing", "/error", "/flaky", "/no-head"], on: server)
    let report = await site.check(external: Self.options())
    let u = server.base
    #expect(
      report.diagnostics.map(FixtureSite.line) == [
        "site/index.html:7:4: warning: external link \(u)/moved moved permanently to \(u)/ok [external.redirect]",
        "site/index.html:9:4: error: external link \(u)/missing is broken: it answers 404 Not Found [external.broken]",
        "site/index.html:10:4: error: external link \(u)/error is broken: it answers 500 Internal Server Error after 3 tries [external.broken]",
      ])
    #expect(report.diagnostics[0].hint == "link to \(u)/ok directly")
    #expect(server.hits("/error") == 3)
    #expect(server.hits("/flaky") == 2)
    #expect(server.hits("/missing") == 1)
    #expect(server.methods.contains("GET /no-head"))
    #expect(report.external.checked == 7)
    #expect(report.failed(strict: false))
  }

  /// No site answering at all is this computer's network, not the links: one error saying
  /// so at the site, not a "broken, fix or remove the link" per link. One site answering is
  /// enough for the links to be judged one by one.
  @Test func noSiteAnsweringIsSaidOnceAsNoNetwork() async throws {
    let closed = try TestHTTPServer()
    let port = URLComponents(string: closed.base)!.port!
    closed.stop()
    let links = [
      "http://127.0.0.1:\(port)/a", "http://localhost:\(port)/b", "http://127.0.0.1:\(port)/c",
    ]
    .map { #"<a href="\#($0)">x</a>"# }.joined(separator: "\n")
    let site = try FixtureSite(["site/index.html": page(body: links)])
    let report = await site.check(external: Self.options(retries: 0))
    #expect(report.diagnostics.map(\.code) == ["external.offline"])
    let offline = try #require(report.diagnostics.first)
    #expect(offline.location.file.hasSuffix("site"))
    #expect(
      offline.message.hasPrefix(
        "none of the 3 external links, on 2 sites, could be reached (the connection was refused): no site answered at all"
      ))
    #expect(
      offline.japanese?.message.contains("ほかのサイトへのリンク3個（2個のサイト）に、どれもつながりませんでした") == true)
    #expect(report.failed(strict: false))
    // One site answering: the refused links are broken links.
    let server = try TestHTTPServer()
    defer { server.stop() }
    let mixed = try FixtureSite([
      "site/index.html": page(
        body: links + "\n" + #"<a href="\#(server.url("/ok"))">ok</a>"#)
    ])
    let judged = await mixed.check(external: Self.options(retries: 0))
    #expect(judged.diagnostics.map(\.code) == Array(repeating: "external.broken", count: 3))
  }

  @Test func slowAnswersTimeOutAfterRetries() async throws {
    let server = try TestHTTPServer()
    defer { server.stop() }
    let site = try Self.site(linking: ["/slow"], on: server)
    let start = Date()
    let lines = await site.lines(external: Self.options(timeout: 0.3, retries: 1))
    #expect(
      lines == [
        "site/index.html:6:4: error: external link \(server.base)/slow timed out: no answer within 0.3 s after 2 tries [external.timeout]"
      ])
    // Two tries of 0.3 s, not waiting for the answer after 20 s. The bound is far above 0.6 s
    // but below 20 s, which is all it has to tell apart: the other tests run meanwhile and can
    // keep both cores (and the task pool) busy for seconds (11.2 s once, on a loaded machine).
    #expect(Date().timeIntervalSince(start) < 19)
  }

  /// Timeouts that fire while a redirect is being answered: with FoundationNetworking,
  /// cancelling the request then stopped the process ("Received callback for HTTP
  /// redirection, but we're not waiting for it"). Redirects arrive at times spread around the
  /// timeout; every request must end as a move or a timeout.
  @Test func timeoutsDuringRedirectsAreSafe() async throws {
    let server = try TestHTTPServer()
    defer { server.stop() }
    let fetcher = CurlFetcher()
    let timeout = 0.03
    let results = await withTaskGroup(of: Result<HTTPHead, FetchError>.self) { group in
      for i in 0..<300 {
        let micros = (i % 100) * 600
        group.addTask {
          do throws(FetchError) {
            return .success(
              try await fetcher.fetch(
                server.url("/late-move/\(micros)/\(i)"), method: "HEAD", timeout: timeout))
          } catch { return .failure(error) }
        }
      }
      var all: [Result<HTTPHead, FetchError>] = []
      for await r in group { all.append(r) }
      return all
    }
    #expect(results.count == 300)
    for r in results {
      switch r {
      case .success(let head): #expect(head.status == 301)
      case .failure(let e): #expect(e == .timeout)
      }
    }
  }

  @Test func permanentRedirectChainsAndRedirectsToMissingPages() async throws {
    let server = try TestHTTPServer()
    defer { server.stop() }
    let site = try Self.site(linking: ["/moved-twice", "/moved-to-missing"], on: server)
    let u = server.base
    #expect(
      await site.lines(external: Self.options()) == [
        "site/index.html:6:4: warning: external link \(u)/moved-twice moved permanently to \(u)/ok [external.redirect]",
        "site/index.html:7:4: error: external link \(u)/moved-to-missing is broken: it answers 404 Not Found (redirected to \(u)/missing, which answers 404) [external.broken]",
      ])
  }

  @Test func goodResultsAreCachedForTheMaximumAge() async throws {
    let server = try TestHTTPServer()
    defer { server.stop() }
    let site = try Self.site(linking: ["/ok", "/moved", "/missing"], on: server)
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    _ = await site.check(external: Self.options(now: t0))
    #expect(server.totalHits == 4)
    let cacheFile = site.site.appendingPathComponent(".portal/external-cache.json")
    let cache = try String(contentsOf: cacheFile, encoding: .utf8)
    #expect(cache.contains("\"checked\" : \"2027-01-15T08:00:00Z\""))

    // An hour later: /ok and /moved come from the cache, the broken link is fetched again.
    let second = await site.check(external: Self.options(now: t0 + 3600))
    #expect(server.totalHits == 5)
    #expect(server.hits("/missing") == 2)
    #expect(second.external.fromCache == 2)
    #expect(second.diagnostics.map(\.code) == ["external.redirect", "external.broken"])

    // After a day everything is fetched again.
    _ = await site.check(external: Self.options(now: t0 + 86_400 + 1))
    #expect(server.totalHits == 9)
    #expect(server.hits("/moved") == 2)
  }

  /// Another check that saves the cache while this one fetches keeps its results: each
  /// reads the file again just before saving.
  @Test func aCheckSavingMeanwhileKeepsItsResults() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "portal-cache-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("external-cache.json")
    let other = {
      var o = ExternalCheckOptions()
      o.fetcher = ScriptedFetcher(answers: [])
      return o
    }()
    var options = ExternalCheckOptions()
    options.fetcher = MeanwhileFetcher {
      _ = await ExternalLinkChecker(options: other).check(["https://b.invalid/"], cacheFile: file)
    }
    _ = await ExternalLinkChecker(options: options).check(["https://a.invalid/"], cacheFile: file)
    let saved = ExternalCache.load(file)
    #expect(saved.entries.keys.sorted() == ["https://a.invalid/", "https://b.invalid/"])

    // The later result of a URL wins over an older one in the file.
    var older = ExternalCache()
    older.entries["https://a.invalid/"] = .init(
      checked: Date(timeIntervalSince1970: 0), state: .broken, status: 404)
    var merged = saved
    merged.merge(older)
    #expect(merged.entries["https://a.invalid/"]?.state == .ok)
    older.merge(saved)
    #expect(older.entries["https://a.invalid/"]?.state == .ok)
  }

  @Test func skipPatternsAreNotFetched() async throws {
    let server = try TestHTTPServer()
    defer { server.stop() }
    let site = try Self.site(linking: ["/missing", "/error"], on: server)
    let report = await site.check(
      external: Self.options(skip: ["http://127.0.0.1:*/missing", "*/err?r"]))
    #expect(report.diagnostics.isEmpty)
    #expect(server.totalHits == 0)
    #expect(report.external.skipped == 2)
  }

  @Test func atMostTwoRequestsPerHostAtOnce() async throws {
    let server = try TestHTTPServer()
    defer { server.stop() }
    let site = try Self.site(linking: (1...6).map { "/hold/\($0)" }, on: server)
    let start = Date()
    let report = await site.check(external: Self.options(timeout: 5))
    #expect(report.diagnostics.isEmpty)
    // Never more than two (two at once is what an idle machine shows; under the load of the
    // whole suite the second request has been seen to start only after the first ended).
    #expect((1...2).contains(server.mostInFlight))
    // Six answers of 0.6 s or more, two at a time: three rounds at least.
    #expect(Date().timeIntervalSince(start) >= 1.7)
  }

  @Test func sameURLOnManyPagesIsFetchedOnce() async throws {
    let server = try TestHTTPServer()
    defer { server.stop() }
    let html = page(body: #"<a href="\#(server.url("/missing"))">資料</a>"#)
    let site = try FixtureSite(["site/a/index.html": html, "site/b/index.html": html])
    let report = await site.check(external: Self.options())
    #expect(server.hits("/missing") == 1)
    #expect(report.findings.count == 2)
    #expect(report.diagnostics.count == 2)
  }

  @Test func retriesUseExponentialBackoff() async throws {
    let fetcher = ScriptedFetcher(answers: [.success(503), .success(503), .success(200)])
    var o = ExternalCheckOptions()
    o.fetcher = fetcher
    o.backoff = 0.05
    o.useCache = false
    let start = Date()
    let result = await ExternalLinkChecker(options: o).check(
      ["https://example.invalid/a"], cacheFile: nil)
    #expect(result["https://example.invalid/a"]?.state == .ok)
    #expect(result["https://example.invalid/a"]?.attempts == 3)
    #expect(Date().timeIntervalSince(start) >= 0.15)
  }

  @Test func rateLimitingIsAWarning() async throws {
    let server = try TestHTTPServer()
    defer { server.stop() }
    let site = try Self.site(linking: ["/limited"], on: server)
    let report = await site.check(external: Self.options(retries: 1))
    #expect(report.diagnostics.map(\.code) == ["external.rate-limited"])
    #expect(!report.failed(strict: false))
    #expect(report.failed(strict: true))
  }

  @Test func withoutExternalNothingIsFetched() async throws {
    let server = try TestHTTPServer()
    defer { server.stop() }
    let site = try Self.site(linking: ["/missing"], on: server)
    #expect(await site.lines() == [])
    #expect(server.totalHits == 0)
  }
}

/// Answers from a list, for timing the retries without a network.
final class ScriptedFetcher: HTTPFetching, @unchecked Sendable {
  private let lock = NSLock()
  private var answers: [Result<Int, FetchError>]

  init(answers: [Result<Int, FetchError>]) { self.answers = answers }

  func fetch(_ url: String, method: String, timeout: TimeInterval) async throws(FetchError)
    -> HTTPHead
  {
    let next = lock.withLock { answers.isEmpty ? .success(200) : answers.removeFirst() }
    return HTTPHead(status: try next.get())
  }
}

/// Answers 200 after running `meanwhile`: another process's work during a fetch.
final class MeanwhileFetcher: HTTPFetching, @unchecked Sendable {
  private let meanwhile: @Sendable () async -> Void

  init(_ meanwhile: @escaping @Sendable () async -> Void) { self.meanwhile = meanwhile }

  func fetch(_ url: String, method: String, timeout: TimeInterval) async throws(FetchError)
    -> HTTPHead
  {
    await meanwhile()
    return HTTPHead(status: 200)
  }
}
