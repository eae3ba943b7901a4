import ByteFormats
import Foundation
import Testing

/// The loader reads every content file through `FileBytes.read`: whole, empty, or nil.
@Suite struct FileBytesTests {
  @Test func readsWholeFilesEmptyOnesAndNothingForWhatCannotBeRead() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("filebytes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = Array(String(repeating: "防災の取組です。\n", count: 20_000).utf8)  // 500 KB
    let file = folder.appendingPathComponent("page.md")
    try Data(text).write(to: file)
    #expect(FileBytes.read(file.path) == text)
    let empty = folder.appendingPathComponent("empty.md")
    try Data().write(to: empty)
    #expect(FileBytes.read(empty.path) == [])
    #expect(FileBytes.read(folder.appendingPathComponent("missing.md").path) == nil)
    #expect(FileBytes.read(folder.path) == nil)  // a folder is no file
  }
}
