import Foundation

extension StringProtocol {
  /// NFKC as Unicode defines it: compatibility forms mapped, then composed. Foundation's
  /// `precomposedStringWithCompatibilityMapping` on Linux leaves a half-width voiced mark
  /// apart (ﾃﾞ → テ + U+3099, not デ): the same on screen, but another spelling to search, to
  /// a tag's address and to a writer pasting a hint. Composing again joins them.
  public var nfkc: String {
    let mapped = String(self).precomposedStringWithCompatibilityMapping
    // Only a combining mark can be left to compose.
    guard
      mapped.unicodeScalars.contains(where: {
        $0.properties.canonicalCombiningClass != .notReordered
      })
    else { return mapped }
    return mapped.precomposedStringWithCanonicalMapping
  }
}
