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

/// A save that empties a page before writing it again is given time to finish before the
/// build: only an empty page or template is, not a file of another kind or one with text.
@Suite struct EmptiedSaveTests {
  @Test func onlyAnEmptyPageOrTemplateWaits() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("emptied-\(UUID().uuidString)")
    let (content, theme) = (
      root.appendingPathComponent("content"), root.appendingPathComponent("theme")
    )
    for folder in [
      content.appendingPathComponent("events"), theme.appendingPathComponent("templates"),
    ] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    defer { try? FileManager.default.removeItem(at: root) }
    try Data().write(to: content.appendingPathComponent("events/empty.md"))
    try Data("---\n".utf8).write(to: content.appendingPathComponent("events/full.md"))
    try Data().write(to: content.appendingPathComponent("events/empty.txt"))
    try Data().write(to: theme.appendingPathComponent("templates/event.mustache"))
    func emptied(_ key: String) -> Bool {
      RebuildLoop.isEmptied(key, content: content, theme: theme)
    }
    #expect(emptied("c/events/empty.md"))
    #expect(emptied("t/templates/event.mustache"))
    #expect(!emptied("c/events/full.md"))
    #expect(!emptied("c/events/empty.txt"))
    #expect(!emptied("c/events/gone.md"))
    #expect(!emptied("c/events"))
  }
}
