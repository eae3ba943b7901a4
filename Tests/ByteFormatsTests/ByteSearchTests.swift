import ByteFormats
import Foundation
import Testing

@Suite struct ByteSearchTests {
  /// `holdsByte` (memchr over the bytes in place) says what stepping through the UTF-8 view
  /// says, for strings, slices of them at any offset, and a string bridged from Foundation.
  @Test func bytesFoundWithMemchrAreThoseFoundByStepping() {
    var generator = SystemRandomNumberGenerator()
    let pieces = ["!", "*", "#", "{", "\n", "\r\n", "a", "県", "ー", "👩‍👩‍👧", "\u{301}", " "]
    let bytes: [UInt8] = [0x21, 0x2A, 0x23, 0x7B, 0x0A, 0x0D, 0x61, 0xE7, 0x00]
    for _ in 0..<2_000 {
      let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
      let start = text.index(
        text.startIndex, offsetBy: Int.random(in: 0...text.count, using: &generator))
      let slice = text[start...]
      let bridged = NSString(string: text) as String
      for byte in bytes {
        #expect(text.holdsByte(byte) == text.utf8.contains(byte), "\(text.debugDescription)")
        #expect(slice.holdsByte(byte) == slice.utf8.contains(byte), "\(slice.debugDescription)")
        #expect(bridged.holdsByte(byte) == bridged.utf8.contains(byte))
      }
    }
  }

  @Test func anEmptyTextHoldsNoByte() {
    #expect(!"".holdsByte(0x00))
    #expect(!""[...].holdsByte(0x21))
    #expect("!".holdsByte(0x21))
  }
}
