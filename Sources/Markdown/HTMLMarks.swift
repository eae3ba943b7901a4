import Glibc

/// What a body's HTML holds that a later step rewrites: aligned table cells and task boxes
/// (`renderHTML`), images (the site's `ImageAttributes`). Found in one pass over its `=`
/// signs, where each was a `memmem` over the whole HTML of every body: every one of these
/// attributes has its `=` at a fixed place, so a `memchr` for `=` (vectorised; a body's HTML
/// holds one every hundred bytes or so) and a look at the bytes around it find each one.
public struct HTMLMarks: OptionSet, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// ` align="`: a table's column alignment, which becomes a class.
  public static let alignment = HTMLMarks(rawValue: 1)
  /// `<input type="checkbox"`: a task list's box, which gets a label.
  public static let checkbox = HTMLMarks(rawValue: 2)
  /// `<img src="`: an image, which gets its size and lazy loading.
  public static let image = HTMLMarks(rawValue: 4)

  private static let all: HTMLMarks = [.alignment, .checkbox, .image]
  private static let align = Array(" align".utf8)
  private static let inputType = Array("<input type".utf8)
  private static let checkboxValue = Array("\"checkbox\"".utf8)
  private static let imgSrc = Array("<img src".utf8)

  /// The marks `html` holds: exactly those whose bytes occur in it.
  public init(_ html: String) {
    var html = html
    self = html.withUTF8(Self.init(bytes:))
  }

  /// The marks the UTF-8 bytes hold.
  public init(bytes: UnsafeBufferPointer<UInt8>) {
    var found: HTMLMarks = []
    var from = 0
    while found != Self.all,
      let equals = String.find(byte: UInt8(ascii: "="), in: bytes, from: from)
    {
      from = equals + 1
      guard from < bytes.count, bytes[from] == UInt8(ascii: "\"") else { continue }
      if String.bytes(bytes, hold: Self.align, endingAt: equals) {
        found.insert(.alignment)
      } else if String.bytes(bytes, hold: Self.imgSrc, endingAt: equals) {
        found.insert(.image)
      } else if String.bytes(bytes, hold: Self.inputType, endingAt: equals),
        String.bytes(bytes, hold: Self.checkboxValue, startingAt: from)
      {
        found.insert(.checkbox)
      }
    }
    self = found
  }

}

extension String {
  /// The first offset at or after `from` where `byte` occurs, by `memchr` (vectorised).
  public static func find(byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard from >= 0, from < haystack.count, let base = haystack.baseAddress else { return nil }
    return memchr(base + from, Int32(byte), haystack.count - from).map {
      UnsafeRawPointer($0) - UnsafeRawPointer(base)
    }
  }

  /// Whether `name`'s bytes start at offset `start` of `bytes` (an attribute's value after
  /// its `=`).
  public static func bytes(
    _ bytes: UnsafeBufferPointer<UInt8>, hold name: [UInt8], startingAt start: Int
  ) -> Bool {
    guard start >= 0, bytes.count - start >= name.count else { return false }
    for (k, byte) in name.enumerated() where bytes[start + k] != byte { return false }
    return true
  }

  /// Whether `name`'s bytes end just before offset `end` of `bytes` (an attribute's name
  /// before its `=`).
  public static func bytes(
    _ bytes: UnsafeBufferPointer<UInt8>, hold name: [UInt8], endingAt end: Int
  )
    -> Bool
  {
    end >= name.count && Self.bytes(bytes, hold: name, startingAt: end - name.count)
  }
}
