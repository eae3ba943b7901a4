import Foundation
import Testing

@testable import Content

/// Image headers as the formats define them (the bytes after the header do not matter to the
/// reader, so each test file is its header and some filler).
@Suite struct ImageSizeTests {
  func write(_ bytes: [UInt8]) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "image-\(UUID().uuidString)")
    try Data(bytes).write(to: url)
    return url.path
  }

  func be32(_ v: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8(v >> $0 & 0xFF) } }
  func be16(_ v: Int) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
  func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
  func le24(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16)] }

  @Test func png() throws {
    let header: [UInt8] =
      [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8)
      + be32(1200) + be32(630) + [8, 6, 0, 0, 0] + [0, 0, 0, 0]
    #expect(ImageSize.read(atPath: try write(header)) == ImageSize(width: 1200, height: 630))
  }

  @Test func gif() throws {
    let header = Array("GIF89a".utf8) + le16(320) + le16(240) + [0, 0, 0]
    #expect(ImageSize.read(atPath: try write(header)) == ImageSize(width: 320, height: 240))
  }

  /// The frame header comes after a large EXIF segment, which is skipped, not read.
  @Test func jpegAfterALargeSegment() throws {
    let exif = [UInt8](repeating: 0x41, count: 60_000)
    let bytes: [UInt8] =
      [0xFF, 0xD8] + [0xFF, 0xE0] + be16(16) + Array("JFIF\0".utf8) + [1, 2, 0, 0, 1, 0, 1, 0, 0]
      + [0xFF, 0xE1] + be16(exif.count + 2) + exif
      + [0xFF, 0xC4] + be16(5) + [0, 0, 0]  // a Huffman table: not a frame, despite its number
      + [0xFF, 0xC2] + be16(17) + [8] + be16(1080) + be16(1920) + [3]
      + [UInt8](repeating: 0, count: 9)
    #expect(ImageSize.read(atPath: try write(bytes)) == ImageSize(width: 1920, height: 1080))
  }

  @Test func webpInItsThreeKinds() throws {
    func riff(_ chunk: String, _ payload: [UInt8]) -> [UInt8] {
      Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array(chunk.utf8) + [0, 0, 0, 0]
        + payload
    }
    let lossy = riff("VP8 ", [0, 0, 0, 0x9D, 0x01, 0x2A] + le16(640) + le16(480))
    let bits = (800 - 1) | (600 - 1) << 14
    let lossless = riff("VP8L", [0x2F] + [0, 8, 16, 24].map { UInt8(bits >> $0 & 0xFF) } + [0])
    let extended = riff("VP8X", [0, 0, 0, 0] + le24(4000 - 1) + le24(3000 - 1))
    #expect(ImageSize.read(atPath: try write(lossy)) == ImageSize(width: 640, height: 480))
    #expect(ImageSize.read(atPath: try write(lossless)) == ImageSize(width: 800, height: 600))
    #expect(ImageSize.read(atPath: try write(extended)) == ImageSize(width: 4000, height: 3000))
  }

  @Test func otherOrBrokenFilesHaveNoSize() throws {
    #expect(ImageSize.read(atPath: try write(Array("<svg xmlns='…'/>".utf8))) == nil)
    #expect(ImageSize.read(atPath: try write([0x89, 0x50, 0x4E, 0x47])) == nil)
    #expect(ImageSize.read(atPath: try write([0xFF, 0xD8, 0xFF, 0xE1, 0x00])) == nil)
    #expect(ImageSize.read(atPath: "/nonexistent/map.png") == nil)
  }
}
