/// One byte range of a `Range` request (RFC 9110 §14): browsers ask for parts of audio and
/// video to seek in them, and Safari on a phone plays a video only from a server that
/// answers such requests. One range is served; several (rare, for previews never needed)
/// get the whole file, which the standard allows.
enum ByteRanges {
  enum Outcome: Equatable {
    /// No usable `Range` header: the whole file, 200.
    case whole
    /// These bytes, 206 with `Content-Range`.
    case part(ClosedRange<Int>)
    /// A range that starts past the end: 416 with `Content-Range: bytes */length`.
    case unsatisfiable
  }

  /// What to send of a file of `length` bytes for the `Range` header `header` (nil: none).
  /// A header this does not understand is ignored, as the standard asks.
  static func outcome(for header: String?, length: Int) -> Outcome {
    guard let header else { return .whole }
    let trimmed = header.trimmingCharacters(in: .whitespaces)
    guard trimmed.lowercased().hasPrefix("bytes=") else { return .whole }
    let spec = trimmed.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
    guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
    let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
    let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
    let digits = { (s: String) in !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
    if first.isEmpty {
      // `bytes=-500`: the last 500 bytes.
      guard digits(last), let suffix = Int(last) else { return .whole }
      guard suffix > 0, length > 0 else { return .unsatisfiable }
      return .part(max(0, length - suffix)...(length - 1))
    }
    guard digits(first), let start = Int(first) else { return .whole }
    var end = length - 1
    if !last.isEmpty {
      guard digits(last), let e = Int(last), e >= start else { return .whole }
      end = min(e, length - 1)
    }
    return start < length ? .part(start...end) : .unsatisfiable
  }
}
