import Foundation

/// How diagnostics are printed: text for people, JSON for CI and editors.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
  case text
  case json
}

public enum DiagnosticPrinter {
  /// Renders diagnostics in the given format. JSON is an object with a `diagnostics` array and
  /// counts, so a consumer can tell "no problems" from "no output".
  public static func render(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
    let list = diagnostics.sorted
    switch format {
    case .text:
      return list.map(\.text).joined(separator: "\n")
    case .json:
      struct Report: Encodable {
        var errors: Int
        var warnings: Int
        var diagnostics: [Diagnostic]
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let report = Report(errors: list.errorCount, warnings: list.warningCount, diagnostics: list)
      let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
      return String(decoding: data, as: UTF8.self)
    }
  }
}

/// "Did you mean" suggestions by edit distance, used wherever a writer can mistype a name.
public enum Suggest {
  public static func closest(to word: String, in candidates: [String], maxDistance: Int? = nil)
    -> String?
  {
    let limit = maxDistance ?? max(2, word.count / 3)
    var best: (String, Int)?
    for candidate in candidates {
      let d = distance(word.lowercased(), candidate.lowercased())
      if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
    }
    return best?.0
  }

  /// Levenshtein distance over characters.
  public static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
