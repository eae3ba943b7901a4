import Testing

@testable import ByteFormats

@Suite struct WordHashTests {
  /// Change detection must see any one changed bit, in the words and in the tail, and a
  /// different length even when the added bytes are zero.
  @Test func everyOneBitChangeAndEveryLengthGivesAnotherHash() {
    let bytes = (0..<37).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    func hash(_ b: [UInt8]) -> UInt64 { b.withUnsafeBytes { WordHash.mix(7, $0) } }
    var seen: Set<UInt64> = [hash(bytes)]
    for i in bytes.indices {
      for bit in 0..<8 {
        var changed = bytes
        changed[i] ^= 1 << UInt8(bit)
        #expect(seen.insert(hash(changed)).inserted, "byte \(i) bit \(bit)")
      }
    }
    let zeros = [UInt8](repeating: 0, count: 20)
    let lengths = Set((0...20).map { hash(Array(zeros.prefix($0))) })
    #expect(lengths.count == 21)
    #expect(hash(bytes) == hash(bytes), "stable")
  }
}
