import Diagnostics
import Foundation

/// The Server-Sent Events hub behind `/_portal/events`: every open page subscribes, and each
/// rebuild sends `reload` (the site changed) or `build-error` (with the problems to show).
/// A page that connects while the last build failed gets that error at once.
actor LiveReload {
  private var clients: [UUID: AsyncStream<String>.Continuation] = [:]
  private var lastError: String?
  private var closed = false
  /// How many times the site was rebuilt in this run of the server.
  private var generation = 0
  /// This run of the server: a page served by an earlier run (the writer stopped and started
  /// `portal serve` again) has another, so it reloads, though the counts may agree.
  private let run = String(UUID().uuidString.prefix(8))

  /// The site's version as pages know it: written into each page as it is served
  /// (`StaticFiles.injectingLiveReload`), sent as each page connects (`hello`) and with each
  /// `reload`. A page whose version is not the server's reloads: one served just before a
  /// rebuild it had not connected in time to hear of (a burst of saves), one from an earlier
  /// run, one in a tab that was hidden (its connection let go) while the site changed.
  var version: String { "\(run)-\(generation)" }

  /// A stream of encoded events for one connection; ends when the server stops.
  func subscribe() -> AsyncStream<String> {
    let (stream, continuation) = AsyncStream.makeStream(
      of: String.self, bufferingPolicy: .bufferingOldest(Self.backlog))
    guard !closed else {
      continuation.finish()
      return stream
    }
    let id = UUID()
    clients[id] = continuation
    continuation.onTermination = { _ in Task { await self.remove(id) } }
    // Reconnect quickly after a restart of the server.
    continuation.yield("retry: 1000\n\n")
    continuation.yield(Self.event("hello", ["version": version]))
    if let lastError { continuation.yield(lastError) }
    return stream
  }

  var clientCount: Int { clients.count }

  /// Whether the last build failed, so open pages show its errors.
  var showsError: Bool { lastError != nil }

  /// `paths`: the output's files the rebuild wrote or deleted; `base`: the site's path on the
  /// server (`/`, or `/dx/` for a `base_url` with a path), which pages' addresses start with;
  /// `moved`: pages gone to another address (old output path → new address,
  /// `BuildReport.moved`), where a tab showing one goes instead of reloading onto the 404 page.
  func reload(
    paths: [String], moved: [String: String] = [:], milliseconds: Int, base: String = "/"
  ) {
    lastError = nil
    generation += 1
    var payload: [String: Any] = [
      "paths": Self.listed(paths), "ms": milliseconds, "version": version, "base": base,
    ]
    if !moved.isEmpty { payload["moved"] = moved }
    broadcast(Self.event("reload", payload))
  }

  /// - Parameter served: whether a site is there to show under the errors (none before the
  ///   first build that succeeds), which the overlay's note says.
  func buildFailed(_ diagnostics: [Diagnostic], served: Bool) {
    let problems = Self.causesFirst(diagnostics.filter { $0.severity == .error }).map {
      d -> [String: Any] in
      let d = d.localized(.current)
      return [
        "file": d.location.file, "line": d.location.line, "column": d.location.column,
        "message": d.message, "hint": d.hint ?? "", "code": d.code ?? "",
      ]
    }
    let event = Self.event("build-error", ["problems": problems, "served": served])
    // The same errors again (a save that did not fix them, a burst of events): a page that
    // shows them keeps them as they are; one whose writer closed them shows them again, as
    // the save they just made is not shown until the errors are fixed (a closed overlay had
    // left the preview looking frozen).
    let again = event == lastError
    lastError = event
    broadcast(
      again
        ? Self.event("build-error", ["problems": problems, "served": served, "again": true])
        : event)
  }

  /// The errors with site.yml's and the theme's first, each group in its order: a field id
  /// misspelt in site.yml is also an error at every page naming the field, and the overlay,
  /// which shows the first ones, put the cause below them all.
  static func causesFirst(_ errors: [Diagnostic]) -> [Diagnostic] {
    func isCause(_ d: Diagnostic) -> Bool {
      let file = d.location.file
      return file.hasSuffix("site.yml") || file.hasPrefix("theme/") || file.contains("/theme/")
    }
    return errors.filter(isCause) + errors.filter { !isCause($0) }
  }

  /// A comment line to every stream (SSE ignores it): a stream whose page has gone fails to
  /// write it and ends, which closes its connection.
  func ping() {
    broadcast(": ping\n\n")
  }

  /// Ends every stream, so open connections close and the server can stop.
  func closeAll() {
    closed = true
    for c in clients.values { c.finish() }
    clients = [:]
  }

  private func remove(_ id: UUID) { clients[id] = nil }

  /// How many events wait for a page that is not reading them: one that stopped (a frozen
  /// tab, a client that never reads) is let go at the next one, instead of keeping every
  /// later event in memory (each can be a long list of files).
  static let backlog = 32

  private func broadcast(_ event: String) {
    for (id, c) in clients {
      if case .dropped = c.yield(event) {
        c.finish()
        clients[id] = nil
      }
    }
  }

  /// The paths a `reload` event lists: the search index's files (tens of thousands after a
  /// page is added to a large site, 1.5 MB for every open tab) as one `search/`, which is what
  /// the pages compare them with; none (every page reloads, as when none is listed) when
  /// more than `most` pages changed.
  static func listed(_ paths: [String], most: Int = 2_000) -> [String] {
    var kept = paths.filter { !$0.hasPrefix("search/") }
    if kept.count < paths.count { kept.append("search/") }
    return kept.count > most ? [] : kept
  }

  /// One SSE message: `event:` and a single `data:` line of JSON.
  static func event(_ name: String, _ payload: [String: Any]) -> String {
    let data =
      (try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys]))
      ?? Data("{}".utf8)
    return "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
  }
}
