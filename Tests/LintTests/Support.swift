import Diagnostics

@testable import Lint

/// Lints `body` as the body of `a.md` and returns what the given rule reported.
func lint(
  _ body: String, rule: String? = nil, glossary: Set<String> = [], settings: [String: String] = [:],
  offset: Int = 0, english: Set<String> = [], names: Set<String> = []
) throws -> [Diagnostic] {
  var context = LintContext(glossaryNames: glossary)
  context.englishNames = english
  context.names = names
  let all = Linter.lint(
    file: "a.md", markdownBody: body, bodyLineOffset: offset,
    context: context,
    configuration: try LintConfiguration(settings: settings))
  guard let rule else { return all }
  return all.filter { $0.code == rule }
}

/// `line:column` of each diagnostic, for compact position checks.
func positions(_ diagnostics: [Diagnostic]) -> [String] {
  diagnostics.map { "\($0.location.line):\($0.location.column)" }
}

/// Up to `maxPieces` of `pieces` joined in a random order, for tests that compare a scan with a
/// plain reference over many texts.
func randomText(
  of pieces: [String], maxPieces: Int, using generator: inout some RandomNumberGenerator
) -> String {
  (0..<Int.random(in: 0...maxPieces, using: &generator)).map { _ in
    pieces.randomElement(using: &generator)!
  }.joined()
}
