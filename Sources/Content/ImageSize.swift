import Foundation

/// The pixel size of an image file, read from its header only (PNG, GIF, JPEG, WebP), so
/// pages can give `<img>` its `width` and `height`: a browser then keeps the image's room while
/// it loads, and the text a resident is reading on a phone does not jump.
public struct ImageSize: Sendable, Hashable {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    (self.width, self.height) = (width, height)
  }

  /// Nil for other formats (AVIF, SVG…) and for files too short or malformed to tell.
  public static func read(atPath path: String) -> ImageSize? {
    guard let file = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? file.close() }
    let head = [UInt8]((try? file.read(upToCount: 32)) ?? Data())
    if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
      return png(head)
    }
    if head.starts(with: Array("GIF8".utf8)), head.count >= 10 {
      return valid(le16(head, 6), le16(head, 8))
    }
    if head.count >= 16, head.starts(with: Array("RIFF".utf8)),
      Array(head[8..<12]) == Array("WEBP".utf8)
    {
      return webp(head)
    }
    if head.starts(with: [0xFF, 0xD8]) { return jpeg(file) }
    return nil
  }

  private static func valid(_ width: Int, _ height: Int) -> ImageSize? {
    width > 0 && height > 0 ? ImageSize(width: width, height: height) : nil
  }

  private static func be16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
  private static func le16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
  private static func le24(_ b: [UInt8], _ i: Int) -> Int { le16(b, i) | Int(b[i + 2]) << 16 }
  private static func be32(_ b: [UInt8], _ i: Int) -> Int { be16(b, i) << 16 | be16(b, i + 2) }

  /// The IHDR chunk comes first: width and height at bytes 16 and 20.
  private static func png(_ b: [UInt8]) -> ImageSize? {
    guard b.count >= 24, Array(b[12..<16]) == Array("IHDR".utf8) else { return nil }
    return valid(be32(b, 16), be32(b, 20))
  }

  /// Lossy (`VP8 `), lossless (`VP8L`) or extended (`VP8X`) WebP.
  private static func webp(_ b: [UInt8]) -> ImageSize? {
    switch String(decoding: b[12..<16], as: UTF8.self) {
    case "VP8 " where b.count >= 30: return valid(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF)
    case "VP8L" where b.count >= 25:
      guard b[20] == 0x2F else { return nil }
      let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
      return valid((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1)
    case "VP8X" where b.count >= 30: return valid(le24(b, 24) + 1, le24(b, 27) + 1)
    default: return nil
    }
  }

  /// Walks the segments to the first frame header (SOF0–SOF15 but DHT, JPG and DAC), seeking
  /// past the others (EXIF and colour profiles can be large).
  private static func jpeg(_ file: FileHandle) -> ImageSize? {
    var offset: UInt64 = 2
    for _ in 0..<512 {
      guard (try? file.seek(toOffset: offset)) != nil,
        let bytes = try? file.read(upToCount: 9), bytes.count >= 4
      else { return nil }
      let b = [UInt8](bytes)
      guard b[0] == 0xFF else { return nil }
      let marker = b[1]
      if marker == 0xFF {  // fill byte
        offset += 1
        continue
      }
      if marker == 0x01 || (0xD0...0xD7).contains(marker) {  // no length
        offset += 2
        continue
      }
      let length = be16(b, 2)
      if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
        guard b.count >= 9 else { return nil }
        return valid(be16(b, 7), be16(b, 5))
      }
      guard length >= 2, marker != 0xD9, marker != 0xDA else { return nil }
      offset += 2 + UInt64(length)
    }
    return nil
  }
}

extension ImageSize {
  /// The file types whose size can be read.
  public static let extensions: Set<String> = ["png", "gif", "jpg", "jpeg", "webp"]

  /// The sizes of the images among `files` whose headers tell, by path relative to `content/`.
  public static func of(_ files: [ContentFile]) -> [String: ImageSize] {
    var sizes: [String: ImageSize] = [:]
    for file in files
    where extensions.contains((file.relativePath as NSString).pathExtension.lowercased()) {
      sizes[file.relativePath] = read(atPath: file.path)
    }
    return sizes
  }
}
