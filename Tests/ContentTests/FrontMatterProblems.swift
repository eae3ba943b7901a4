import Diagnostics
import Testing

@testable import Content

/// The suites of front-matter slips (YAMLSlipsTests and its extensions,
/// InvisibleCharacterTests): one way to get the diagnostic a front matter gives and to check
/// its place, words, hint, code and severity, so that each suite checks them alike.
protocol FrontMatterProblems {}

extension FrontMatterProblems {
  /// The diagnostic for `yaml` as the front matter of a file whose YAML starts on line 2; a
  /// front matter accepted fails the test.
  func problem(_ yaml: String) throws -> Diagnostic {
    guard case .failure(let d) = parseYAML(yaml, file: "a.md", lineOffset: 2) else {
      Issue.record("accepted: \(yaml.debugDescription)")
      throw CancellationError()
    }
    return d
  }

  /// `yaml` is an error at `line`:`column` (the file's) whose message contains `message` and
  /// whose hint, when given, contains `hint`.
  func expect(
    _ yaml: String, at line: Int, _ column: Int, _ message: String, hint: String? = nil,
    code: String = "front-matter.yaml", sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let d = try problem(yaml)
    #expect(
      "\(d.location.line):\(d.location.column)" == "\(line):\(column)",
      sourceLocation: sourceLocation)
    #expect(d.message.contains(message), "\(d.message)", sourceLocation: sourceLocation)
    if let hint {
      #expect(d.hint?.contains(hint) == true, "\(d.hint ?? "")", sourceLocation: sourceLocation)
    }
    #expect(d.code == code, sourceLocation: sourceLocation)
    #expect(d.severity == .error, sourceLocation: sourceLocation)
  }
}
