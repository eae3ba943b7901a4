/// A random number generator with a seed, so a test that draws its inputs (texts, front
/// matter, shuffled contexts) draws the same ones on every run and a failure can be run again.
///
/// SplitMix64 (Steele, Lea and Flood): small, fast, and good enough to pick test inputs.
public struct SplitMix64: RandomNumberGenerator {
  public var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number below `bound`, as the tests' own copies of the generator drew them.
  public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
