import Foundation
import Testing

@testable import Serve

/// `portal serve` stops cleanly (Ctrl-C, SIGTERM) while a page's event stream reconnects the
/// moment it ends: stopping by cancelling the server crashed it in about one stop of three
/// (NIO's "Deinited NIOAsyncWriter without calling finish()" for a connection accepted as the
/// streams closed), leaving the lock and an unwritten cache. Now the server stops gracefully.
@Suite(.serialized) struct StopTests {
  @Test func stopsWhileAStreamReconnects() async throws {
    for _ in 0..<6 {
      let options = try fixtureBuildOptions()
      let server = PreviewServer(
        options: .init(build: options, port: 0, heartbeat: .milliseconds(200)), log: { _ in })
      let box = PortBox()
      let running = start(server, box)
      let port = try await box.listening()
      let client = HTTPTestClient(port: port).reconnecting("/_portal/events")
      try await Task.sleep(for: .milliseconds(300))
      let page = options.contentDirectory.appendingPathComponent("events/seminar.md")
      try (try String(contentsOf: page, encoding: .utf8) + "\n追記\n").write(
        to: page, atomically: false, encoding: .utf8)
      try await Task.sleep(for: .milliseconds(200))
      await server.stop()
      try await running.value
      client.stop()
      #expect(client.connections >= 1)
      // The lock is let go and the cache written: the next build has nothing to do.
      let lock = options.outputDirectory.deletingLastPathComponent()
        .appendingPathComponent(".site.lock")
      #expect(!FileManager.default.fileExists(atPath: lock.path))
    }
  }
}
