import Diagnostics
import Foundation

/// The Server-Sent Events hub behind `/_portal/events`: every open page subscribes, and each
/// rebuild sends `reload` (the site changed) or `build-error` (with the problems to show).
/// A page that connects while the last build failed gets that error at once.
actor LiveReload {
  private var clients: [UUID: AsyncStream<String>.Continuation] = [:]
  private var lastError: String?
  private var closed = false
  /// How many times the site was rebuilt: sent to each page as it connects (`hello`), so a
  /// page that was away (a hidden tab lets its connection go) reloads if it missed one.
  private var generation = 0

  /// A stream of encoded events for one connection; ends when the server stops.
  func subscribe() -> AsyncStream<String> {
    let (stream, continuation) = AsyncStream.makeStream(of: String.self)
    guard !closed else {
      continuation.finish()
      return stream
    }
    let id = UUID()
    clients[id] = continuation
    continuation.onTermination = { _ in Task { await self.remove(id) } }
    // Reconnect quickly after a restart of the server.
    continuation.yield("retry: 1000\n\n")
    continuation.yield(Self.event("hello", ["generation": generation]))
    if let lastError { continuation.yield(lastError) }
    return stream
  }

  var clientCount: Int { clients.count }

  /// Whether the last build failed, so open pages show its errors.
  var showsError: Bool { lastError != nil }

  func reload(paths: [String], milliseconds: Int) {
    lastError = nil
    generation += 1
    broadcast(Self.event("reload", ["paths": paths, "ms": milliseconds]))
  }

  func buildFailed(_ diagnostics: [Diagnostic]) {
    let problems = diagnostics.filter { $0.severity == .error }.map { d -> [String: Any] in
      let d = d.localized(.current)
      return [
        "file": d.location.file, "line": d.location.line, "column": d.location.column,
        "message": d.message, "hint": d.hint ?? "", "code": d.code ?? "",
      ]
    }
    let event = Self.event("build-error", ["problems": problems])
    lastError = event
    broadcast(event)
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

  private func broadcast(_ event: String) {
    for c in clients.values { c.yield(event) }
  }

  /// One SSE message: `event:` and a single `data:` line of JSON.
  static func event(_ name: String, _ payload: [String: Any]) -> String {
    let data =
      (try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys]))
      ?? Data("{}".utf8)
    return "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
  }
}
