import Foundation
import Testing

@testable import Serve

/// An editor's own files beside a page (vim's swap file, rewritten at each pause in typing;
/// Emacs' lock) make no line in `portal serve`'s log: each made "Rebuilt in 0 ms after adding
/// …swp: 0 file(s) changed" all day. A save of the page itself is said as before.
@Suite(.serialized) struct EditorFilesTests {
  @Test func anEditorsFilesAreNotAnnounced() async throws {
    let options = try fixtureBuildOptions()
    let log = LogBox()
    let server = PreviewServer(options: .init(build: options, port: 0), log: { log.add($0) })
    let box = PortBox()
    let running = start(server, box)
    _ = try await box.listening()
    let folder = options.contentDirectory.appendingPathComponent("events")
    let swap = folder.appendingPathComponent(".seminar.md.swp")
    try Data("x".utf8).write(to: swap)
    try await Task.sleep(for: .milliseconds(400))
    try Data("xy".utf8).write(to: swap)
    try await Task.sleep(for: .milliseconds(400))
    try FileManager.default.removeItem(at: swap)
    try await Task.sleep(for: .milliseconds(400))
    #expect(!log.text.contains("Rebuilt"), "\(log.text)")
    let page = folder.appendingPathComponent("seminar.md")
    try (try String(contentsOf: page, encoding: .utf8) + "\n追記\n").write(
      to: page, atomically: true, encoding: .utf8)
    var waited = 0
    while !log.text.contains("Rebuilt") && waited < 100 {
      try await Task.sleep(for: .milliseconds(50))
      waited += 1
    }
    #expect(log.text.contains("after editing"), "\(log.text)")
    await server.stop()
    try await running.value
  }
}
