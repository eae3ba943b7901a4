/// A fast hash of bytes for telling changed contents apart, eight bytes a step: FNV-1a's byte
/// steps over the 400 MB a 10,000-page site writes took half a second. Stable across runs; the
/// values are only compared with values from the same `portal` binary (the build cache is
/// dropped when the binary changes).
public enum WordHash {
  /// `seed` mixed with the length and then the bytes. Each step is a bijection of the state
  /// for a given word, so two inputs that differ in one word never meet again.
  public static func mix(_ seed: UInt64, _ raw: UnsafeRawBufferPointer) -> UInt64 {
    mix(seed ^ UInt64(raw.count), raw, from: 0)
  }

  /// The state `h` mixed with the bytes from offset `i`: whole words by `step`, then the last
  /// few bytes one at a time.
  private static func mix(_ h: UInt64, _ raw: UnsafeRawBufferPointer, from i: Int) -> UInt64 {
    var (h, i) = (h, i)
    while i + 8 <= raw.count {
      h = step(h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      i += 8
    }
    while i < raw.count {
      h = (h ^ UInt64(raw[i])) &* 0x100_0000_01b3
      i += 1
    }
    return h
  }

  /// The same guarantees as `mix` (64 bits; two inputs of one length that differ in one word
  /// never meet), for long inputs about three times as fast: the whole 32-byte blocks go word
  /// `k` to lane `k`, four lanes side by side, since one lane's steps each wait on the
  /// multiply before them. Each lane is `mix`'s step from its own start; the lanes' results
  /// are then words of the main state, and the rest is `mix`'s. For the outputs' hashes of
  /// the build cache (about 200 MB at 10,000 pages, 65 ms of CPU with `mix`); another value
  /// than `mix` gives, so not for hashes written into the site (`SourceHash`).
  public static func wide(_ seed: UInt64, _ raw: UnsafeRawBufferPointer) -> UInt64 {
    let n = raw.count
    guard n >= wideFrom else { return mix(seed, raw) }
    let h = seed ^ UInt64(n)
    var (a, b, c, d) = (
      h, h ^ 0x243F_6A88_85A3_08D3, h ^ 0x1319_8A2E_0370_7344, h ^ 0xA409_3822_299F_31D0
    )
    var i = 0
    while i + 32 <= n {
      a = step(a, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      b = step(b, raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
      c = step(c, raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
      d = step(d, raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
      i += 32
    }
    return mix(step(step(step(step(h, a), b), c), d), raw, from: i)
  }

  /// Shorter inputs go to `mix`: four lanes and their joining cost more than they save.
  static let wideFrom = 128

  /// `mix`'s step for one word: a bijection of the state for a given word, and one-to-one in
  /// the word for a given state.
  @inline(__always)
  public static func step(_ h: UInt64, _ word: UInt64) -> UInt64 {
    var h = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 32
    return h
  }
}
