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

/// The four-lane hash of outputs (`WordHash.wide`) keeps `mix`'s guarantees past the length
/// where the lanes start, and is `mix` itself below it.
@Suite struct WideWordHashTests {
  func wide(_ b: [UInt8]) -> UInt64 { b.withUnsafeBytes { WordHash.wide(7, $0) } }
  func mix(_ b: [UInt8]) -> UInt64 { b.withUnsafeBytes { WordHash.mix(7, $0) } }

  /// Long enough for two blocks of lanes, words after them and a tail of single bytes.
  let bytes = (0..<(2 * 32 + WordHash.wideFrom + 13)).map {
    UInt8(truncatingIfNeeded: $0 &* 37 &+ 11)
  }

  @Test func everyOneBitChangeGivesAnotherHash() {
    var seen: Set<UInt64> = [wide(bytes)]
    for i in bytes.indices {
      for bit in 0..<8 {
        var changed = bytes
        changed[i] ^= 1 << UInt8(bit)
        #expect(seen.insert(wide(changed)).inserted, "byte \(i) bit \(bit)")
      }
    }
  }

  /// Two words swapped between lanes, or within one lane's blocks, are another input.
  @Test func wordsSwappedAcrossLanesGiveAnotherHash() {
    var lanes = bytes
    lanes.swapAt(0, 8)
    var blocks = bytes
    blocks.swapAt(0, 32)
    #expect(Set([wide(bytes), wide(lanes), wide(blocks)]).count == 3)
  }

  @Test func everyLengthGivesAnotherHashAndShortInputsAreMixs() {
    let zeros = [UInt8](repeating: 0, count: 3 * WordHash.wideFrom)
    let lengths = Set((0...zeros.count).map { wide(Array(zeros.prefix($0))) })
    #expect(lengths.count == zeros.count + 1)
    for n in [0, 1, 8, 31, 32, WordHash.wideFrom - 1] {
      #expect(wide(Array(bytes.prefix(n))) == mix(Array(bytes.prefix(n))))
    }
    #expect(wide(bytes) == wide(bytes), "stable")
  }
}
